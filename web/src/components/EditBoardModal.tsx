// The board's "Edit board" dialog for its owner: name, description and privacy (BoardFields), saved with PATCH /v5/boards/{id};
// "Delete board" asks again (ConfirmModal) before DELETE /v5/boards/{id}. The API's message is shown under the
// field it names, or above the buttons.
import { Box, Button, Flex, Layer, Modal, Text } from 'gestalt';
import { useState, type FormEvent } from 'react';
import { errorMessage, pinterest } from '../api.js';
import type { Board, Privacy } from '../boards.js';
import { ConfirmModal } from './ConfirmModal.js';
import { BoardFields, fieldOf, type BoardValues } from './BoardFields.js';

export function EditBoardModal({ board, onDismiss, onSaved, onDeleted }: { board: Board; onDismiss(): void; onSaved(board: Board): void; onDeleted(): void }) {
  const [values, setValues] = useState<BoardValues>({ name: board.name ?? '', description: board.description ?? '', privacy: (board.privacy ?? 'PUBLIC') as Privacy });
  const [error, setError] = useState<{ field: 'name' | 'description' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const path = { board_id: board.id! };

  const save = async (event: FormEvent | { preventDefault(): void }) => {
    event.preventDefault();
    if (!values.name.trim()) { setError({ field: 'name', message: 'Give your board a name.' }); return; }
    setBusy(true);
    try {
      const { data, error: apiError } = await pinterest.PATCH('/boards/{board_id}', { params: { path }, // Pinterest's document lists PUBLIC and SECRET for an update; Corkboard takes PROTECTED too, as on create.
        body: { ...values, name: values.name.trim(), privacy: values.privacy as 'PUBLIC' | 'SECRET' } });
      if (!data) { const message = errorMessage(apiError); setError({ field: fieldOf(message), message }); return; }
      onSaved(data);
    } catch (e) { setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  const remove = async () => {
    setBusy(true);
    try {
      const { error: apiError, response } = await pinterest.DELETE('/boards/{board_id}', { params: { path } });
      if (response.status !== 204) { setConfirming(false); setError({ field: null, message: errorMessage(apiError) }); return; }
      onDeleted();
    } catch (e) { setConfirming(false); setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  if (confirming) {
    return (
      <ConfirmModal heading="Delete this board?" confirm="Delete" busy={busy} onConfirm={remove} onDismiss={() => setConfirming(false)}>
        The board "{board.name}", its sections and its {board.pin_count ?? 0} {board.pin_count === 1 ? 'pin' : 'pins'} will be deleted. This cannot be undone.
      </ConfirmModal>
    );
  }
  return (
    <Layer>
      <Modal accessibilityModalLabel="Edit board" heading="Edit your board" onDismiss={onDismiss} size="sm" align="center"
        footer={
          <Flex justifyContent="between" gap={2} wrap>
            <Button text="Delete board" color="gray" onClick={() => setConfirming(true)} />
            <Flex gap={2}>
              <Button text="Cancel" color="gray" onClick={onDismiss} />
              <Button text="Save" color="red" disabled={busy} onClick={({ event }) => save(event)} />
            </Flex>
          </Flex>
        }>
        <form onSubmit={save} noValidate>
          <Flex direction="column" gap={4}>
            <BoardFields idPrefix="edit-board" values={values} onChange={setValues} error={error} />
            {error && error.field === null && <Box role="alert"><Text color="error">{error.message}</Text></Box>}
          </Flex>
        </form>
      </Modal>
    </Layer>
  );
}
