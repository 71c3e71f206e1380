// "Are you sure?" before something that cannot be undone (deleting a board, a pin or an app, revoking a key).
import { Layer, ModalAlert, Text } from 'gestalt';
import type { ReactNode } from 'react';

export function ConfirmModal({ heading, confirm, busy = false, onConfirm, onDismiss, children }:
  { heading: string; confirm: string; busy?: boolean; onConfirm(): void; onDismiss(): void; children: ReactNode }) {
  return (
    <Layer>
      <ModalAlert type="warning" accessibilityModalLabel={heading} heading={heading} onDismiss={onDismiss} accessibilityDismissButtonLabel="Cancel"
        primaryAction={{ role: 'button', label: confirm, accessibilityLabel: confirm, disabled: busy, onClick: () => onConfirm() }}
        secondaryAction={{ role: 'button', label: 'Cancel', accessibilityLabel: 'Cancel', onClick: () => onDismiss() }}>
        <Text>{children}</Text>
      </ModalAlert>
    </Layer>
  );
}
