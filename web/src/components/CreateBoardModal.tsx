// The "Create board" dialog: name, description and privacy (BoardFields), posted to POST /v5/boards (the SDK adds
// the CSRF header). The API's message is shown under the field it names, or above the buttons.
import { Box, Button, Flex, Layer, Modal, Text } from 'gestalt';
import { useState, type FormEvent } from 'react';
import { errorMessage, pinterest } from '../api.js';
import type { Board } from '../boards.js';
import { BoardFields, fieldOf, type BoardValues } from './BoardFields.js';

export function CreateBoardModal({ onDismiss, onCreated }: { onDismiss(): void; onCreated(board: Board): void }) {
  const [values, setValues] = useState<BoardValues>({ name: '', description: '', privacy: 'PUBLIC' });
  const [error, setError] = useState<{ field: 'name' | 'description' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent | { preventDefault(): void }) => {
    event.preventDefault();
    if (!values.name.trim()) { setError({ field: 'name', message: 'Give your board a name.' }); return; }
    setBusy(true);
    try {
      const { data, error: apiError } = await pinterest.POST('/boards', { body: { ...values, name: values.name.trim() } });
      if (!data) { const message = errorMessage(apiError); setError({ field: fieldOf(message), message }); return; }
      onCreated(data);
    } catch (e) { setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  return (
    <Layer>
      <Modal accessibilityModalLabel="Create board" heading="Create board" onDismiss={onDismiss} size="sm" align="center"
        footer={
          <Flex justifyContent="end" gap={2}>
            <Button text="Cancel" color="gray" onClick={onDismiss} />
            {/* Outside the form (the modal's footer): it submits by calling submit; Enter in a field submits the form. */}
            <Button text="Create" color="red" disabled={busy} onClick={({ event }) => submit(event)} />
          </Flex>
        }>
        <form id="create-board-form" onSubmit={submit} noValidate>
          <Flex direction="column" gap={4}>
            <BoardFields idPrefix="board" values={values} onChange={setValues} error={error} />
            {error && error.field === null && <Box role="alert"><Text color="error">{error.message}</Text></Box>}
          </Flex>
        </form>
      </Modal>
    </Layer>
  );
}
