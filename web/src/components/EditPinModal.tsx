// The owner's "Edit Pin" dialog: title, description, link, alt text, and board/section (a move), sent with
// PATCH /v5/pins/{pin_id}; and Delete, confirmed first (ConfirmModal), with DELETE /v5/pins/{pin_id}. The API's
// message is shown under the field it names, or above the buttons.
import { Box, Button, Flex, Layer, Modal, Spinner, Text, TextArea, TextField } from 'gestalt';
import { useState, type FormEvent } from 'react';
import { errorMessage, pinterest } from '../api.js';
import type { Notify } from '../App.js';
import { BoardPicker, useMyBoards, type Place } from './BoardPicker.js';
import { ConfirmModal } from './ConfirmModal.js';
import type { Pin } from './PinImage.js';

type Field = 'title' | 'description' | 'link' | 'alt_text' | 'board';
/** Which field an API message is about (the server names it). */
function fieldOf(message: string): Field | null {
  for (const [pattern, field] of [[/alt_text/i, 'alt_text'], [/title/i, 'title'], [/description/i, 'description'], [/link/i, 'link'], [/board/i, 'board']] as const) {
    if (pattern.test(message)) return field;
  }
  return null;
}

export function EditPinModal({ pin, notify, onDismiss, onSaved, onDeleted }: {
  pin: Pin; notify: Notify; onDismiss(): void; onSaved(pin: Pin): void; onDeleted(): void;
}) {
  const [boards] = useMyBoards(notify);
  const [title, setTitle] = useState(pin.title ?? '');
  const [description, setDescription] = useState(pin.description ?? '');
  const [link, setLink] = useState(pin.link ?? '');
  const [altText, setAltText] = useState(pin.alt_text ?? '');
  const [place, setPlace] = useState<Place>({ boardId: pin.board_id ?? '', sectionId: pin.board_section_id ?? '' });
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const errorOf = (field: Field) => (error?.field === field ? error.message : undefined);
  /** A field's change clears the message about it. */
  const edit = (field: Field, set: (value: string) => void) => ({ value }: { value: string }) => {
    set(value);
    setError((e) => (e?.field === field ? null : e));
  };

  const save = async (event?: FormEvent | { preventDefault(): void }) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data, error: apiError } = await pinterest.PATCH('/pins/{pin_id}', {
        params: { path: { pin_id: pin.id! } },
        body: { title, description, link: link.trim() || null, alt_text: altText || null, board_id: place.boardId, board_section_id: place.sectionId || null },
      });
      if (!data) { const message = errorMessage(apiError); setError({ field: fieldOf(message), message }); return; }
      onSaved(data);
    } catch (e) { setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  const remove = async () => {
    setBusy(true);
    try {
      const { error: apiError, response } = await pinterest.DELETE('/pins/{pin_id}', { params: { path: { pin_id: pin.id! } } });
      if (!response.ok) { setConfirming(false); setError({ field: null, message: errorMessage(apiError) }); return; }
      onDeleted();
    } catch (e) { setConfirming(false); setError({ field: null, message: errorMessage(e) }); } finally { setBusy(false); }
  };

  if (confirming) {
    return (
      <ConfirmModal heading="Delete this pin?" confirm={busy ? 'Deleting…' : 'Delete'} busy={busy} onConfirm={() => void remove()} onDismiss={() => setConfirming(false)}>
        Once you delete a pin, you can't undo it.
      </ConfirmModal>
    );
  }

  return (
    <Layer>
      <Modal accessibilityModalLabel="Edit this pin" heading="Edit this pin" onDismiss={onDismiss} size="md" align="start"
        footer={
          <Flex justifyContent="between" gap={2} wrap>
            <Button text="Delete" color="gray" disabled={busy} onClick={() => setConfirming(true)} />
            <Flex gap={2}>
              <Button text="Cancel" color="gray" onClick={onDismiss} />
              {/* In the footer, outside the form: it submits by calling save; Enter in a field submits the form. */}
              <Button text={busy ? 'Saving…' : 'Save'} color="red" disabled={busy || boards === null} onClick={({ event }) => void save(event)} />
            </Flex>
          </Flex>
        }>
        <form onSubmit={(e) => void save(e)} noValidate>
          <Flex direction="column" gap={4}>
            <TextField id="edit-pin-title" label="Title" value={title} onChange={edit('title', setTitle)} errorMessage={errorOf('title')}
              maxLength={{ characterCount: 100, errorAccessibilityLabel: 'Title is too long' }} />
            <TextArea id="edit-pin-description" label="Description" value={description} onChange={edit('description', setDescription)} rows={3}
              errorMessage={errorOf('description')} maxLength={{ characterCount: 800, errorAccessibilityLabel: 'Description is too long' }} />
            <TextField id="edit-pin-link" label="Link" type="url" value={link} onChange={edit('link', setLink)} errorMessage={errorOf('link')} />
            <TextField id="edit-pin-alt" label="Alt text" value={altText} onChange={edit('alt_text', setAltText)} errorMessage={errorOf('alt_text')}
              helperText="Describe the image for people who use screen readers." />
            {boards === null ? <Spinner show size="sm" accessibilityLabel="Loading your boards" />
              : <BoardPicker id="edit-pin" boards={boards} value={place} onChange={(p) => { setPlace(p); setError((e) => (e?.field === 'board' ? null : e)); }} notify={notify} errorMessage={errorOf('board')} />}
            {error && error.field === null && <Box role="alert"><Text color="error">{error.message}</Text></Box>}
          </Flex>
        </form>
      </Modal>
    </Layer>
  );
}
