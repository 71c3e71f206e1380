// "Are you sure?" before something that cannot be undone (deleting a board or a section).
import { Layer, ModalAlert, Text } from 'gestalt';
import type { ReactNode } from 'react';

export function ConfirmModal({ heading, confirm, busy = false, onConfirm, onDismiss, children }:
  { heading: string; confirm: string; busy?: boolean; onConfirm(): void; onDismiss(): void; children: ReactNode }) {
  return (
    <Layer>
      <ModalAlert accessibilityModalLabel={heading} heading={heading} onDismiss={onDismiss} accessibilityDismissButtonLabel="Cancel"
        primaryAction={{ role: 'button', label: confirm, accessibilityLabel: confirm, disabled: busy, onClick: () => onConfirm() }}
        secondaryAction={{ role: 'button', label: 'Cancel', accessibilityLabel: 'Cancel', onClick: () => onDismiss() }}>
        <Text>{children}</Text>
      </ModalAlert>
    </Layer>
  );
}
