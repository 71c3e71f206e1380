// A yes/no question before something that cannot be undone (delete an app, rotate a secret, revoke a key).
import { Layer, ModalAlert, Text } from 'gestalt';

export function Confirm({ heading, text, action, busy, onConfirm, onDismiss }: {
  heading: string; text: string; action: string; busy?: boolean; onConfirm(): void; onDismiss(): void;
}) {
  return (
    <Layer>
      <ModalAlert type="warning" heading={heading} accessibilityModalLabel={heading} onDismiss={onDismiss}
        primaryAction={{ role: 'button', label: action, accessibilityLabel: action, disabled: busy, onClick: onConfirm }}
        secondaryAction={{ role: 'button', label: 'Cancel', accessibilityLabel: 'Cancel', onClick: onDismiss }}>
        <Text>{text}</Text>
      </ModalAlert>
    </Layer>
  );
}
