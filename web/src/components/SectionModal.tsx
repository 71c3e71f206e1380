// A board section's dialog for the board's owner: "Add section" (POST /v5/boards/{id}/sections) or, given a
// section, rename it (PATCH) and "Delete section" after asking again (DELETE; its pins stay on the board).
import { Box, Button, Flex, Layer, Modal, Text, TextField } from 'gestalt';
import { useState, type FormEvent } from 'react';
import { errorMessage, pinterest } from '../api.js';
import { ConfirmModal } from './ConfirmModal.js';

export interface Section { id?: string; name?: string }

export function SectionModal({ boardId, section, onDismiss, onSaved, onDeleted }:
  { boardId: string; section?: Section; onDismiss(): void; onSaved(section: Section): void; onDeleted?(): void }) {
  const [name, setName] = useState(section?.name ?? '');
  const [error, setError] = useState<{ field: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const heading = section ? 'Edit section' : 'Add section';

  const save = async (event: FormEvent | { preventDefault(): void }) => {
    event.preventDefault();
    if (!name.trim()) { setError({ field: true, message: 'Give the section a name.' }); return; }
    setBusy(true);
    try {
      const { data, error: apiError } = section
        ? await pinterest.PATCH('/boards/{board_id}/sections/{section_id}', { params: { path: { board_id: boardId, section_id: section.id! } }, body: { name: name.trim() } })
        : await pinterest.POST('/boards/{board_id}/sections', { params: { path: { board_id: boardId } }, body: { name: name.trim() } });
      if (!data) { const message = errorMessage(apiError); setError({ field: /name|section/i.test(message), message }); return; }
      onSaved(data);
    } catch (e) { setError({ field: false, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  const remove = async () => {
    setBusy(true);
    try {
      const { error: apiError, response } = await pinterest.DELETE('/boards/{board_id}/sections/{section_id}', { params: { path: { board_id: boardId, section_id: section!.id! } } });
      if (response.status !== 204) { setConfirming(false); setError({ field: false, message: errorMessage(apiError) }); return; }
      onDeleted?.();
    } catch (e) { setConfirming(false); setError({ field: false, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  if (confirming) {
    return (
      <ConfirmModal heading="Delete this section?" confirm="Delete" busy={busy} onConfirm={remove} onDismiss={() => setConfirming(false)}>
        The section "{section?.name}" will be deleted. Its pins stay on the board.
      </ConfirmModal>
    );
  }
  return (
    <Layer>
      <Modal accessibilityModalLabel={heading} heading={heading} onDismiss={onDismiss} size="sm" align="center"
        footer={
          <Flex justifyContent={section ? 'between' : 'end'} gap={2} wrap>
            {section && <Button text="Delete section" color="gray" onClick={() => setConfirming(true)} />}
            <Flex gap={2}>
              <Button text="Cancel" color="gray" onClick={onDismiss} />
              <Button text={section ? 'Save' : 'Add'} color="red" disabled={busy} onClick={({ event }) => save(event)} />
            </Flex>
          </Flex>
        }>
        <form onSubmit={save} noValidate>
          <Flex direction="column" gap={4}>
            <TextField id="section-name" label="Section name" placeholder='Like "Breakfast" or "Chairs"' value={name}
              onChange={({ value }) => setName(value)} errorMessage={error?.field ? error.message : undefined}
              maxLength={{ characterCount: 180, errorAccessibilityLabel: 'Name is too long' }} />
            {error && !error.field && <Box role="alert"><Text color="error">{error.message}</Text></Box>}
          </Flex>
        </form>
      </Modal>
    </Layer>
  );
}
