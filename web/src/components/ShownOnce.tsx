// A dialog with secrets the server shows once (a client secret, a token, an API key): each in a read-only field
// with a Copy button. The server keeps only hashes of them, so closing the dialog is the last chance to copy them.
import { Box, Button, Flex, Layer, Modal, Text, TextField } from 'gestalt';
import { useState } from 'react';

export interface Secret { label: string; value: string }
/** What the dialog shows: `note` says which of the values cannot be shown again. */
export interface Shown { heading: string; note: string; secrets: Secret[] }

export function ShownOnce({ heading, note, secrets, onDone }: Shown & { onDone(): void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (s: Secret) => {
    try {
      await navigator.clipboard.writeText(s.value);
      setCopied(s.label);
    } catch {
      setCopied(null); // no clipboard (an insecure origin): the field is still there to select and copy
    }
  };
  return (
    <Layer>
      <Modal accessibilityModalLabel={heading} heading={heading} onDismiss={onDone} size="md" align="start"
        footer={<Flex justifyContent="end"><Button text="Done" color="red" onClick={onDone} /></Flex>}>
        <Flex direction="column" gap={4}>
          <Box padding={3} rounding={4} color="warningWeak">
            <Text>{note}</Text>
          </Box>
          {secrets.map((s) => {
            const id = `secret-${s.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
            return (
              <Flex key={s.label} alignItems="end" gap={2}>
                <Flex.Item flex="grow" minWidth={0}>
                  <TextField id={id} label={s.label} value={s.value} readOnly onChange={() => undefined} />
                </Flex.Item>
                <Button text={copied === s.label ? 'Copied' : 'Copy'} color="gray" accessibilityLabel={`Copy ${s.label}`} onClick={() => copy(s)} />
              </Flex>
            );
          })}
        </Flex>
      </Modal>
    </Layer>
  );
}
