// The "Create board" dialog: name, description and privacy, posted to POST /v5/boards (the SDK adds the CSRF
// header). The API's message is shown under the field it names, or above the buttons.
import { Box, Button, Flex, Layer, Modal, RadioGroup, TextArea, TextField, Text } from 'gestalt';
import { useState, type FormEvent } from 'react';
import { errorMessage, pinterest } from '../api.js';
import type { Board, Privacy } from '../boards.js';

/** The privacy choices, shared with the board's Edit dialog. */
export const PRIVACIES: Array<{ value: Privacy; label: string; help: string }> = [
  { value: 'PUBLIC', label: 'Public', help: 'Anyone can see this board' },
  { value: 'PROTECTED', label: 'Protected', help: 'Only you can see it; it may be used for ads' },
  { value: 'SECRET', label: 'Secret', help: 'Only you and collaborators can see it' },
];

export function CreateBoardModal({ onDismiss, onCreated }: { onDismiss(): void; onCreated(board: Board): void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [privacy, setPrivacy] = useState<Privacy>('PUBLIC');
  const [error, setError] = useState<{ field: 'name' | 'description' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent | { preventDefault(): void }) => {
    event.preventDefault();
    if (!name.trim()) { setError({ field: 'name', message: 'Give your board a name.' }); return; }
    setBusy(true);
    try {
      const { data, error: apiError } = await pinterest.POST('/boards', { body: { name: name.trim(), description, privacy } });
      if (!data) {
        const message = errorMessage(apiError);
        setError({ field: /description/i.test(message) ? 'description' : /name/i.test(message) ? 'name' : null, message });
        return;
      }
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
            <TextField id="board-name" label="Name" placeholder='Like "Places to go" or "Recipes to make"' value={name}
              onChange={({ value }) => setName(value)} errorMessage={error?.field === 'name' ? error.message : undefined} maxLength={{ characterCount: 180, errorAccessibilityLabel: 'Name is too long' }} />
            <TextArea id="board-description" label="Description" placeholder="What is your board about?" value={description}
              onChange={({ value }) => setDescription(value)} errorMessage={error?.field === 'description' ? error.message : undefined} rows={2} />
            <RadioGroup id="board-privacy" legend="Privacy">
              {PRIVACIES.map((p) => (
                <RadioGroup.RadioButton key={p.value} id={`privacy-${p.value}`} name="privacy" value={p.value} label={p.label}
                  helperText={p.help} checked={privacy === p.value} onChange={() => setPrivacy(p.value)} />
              ))}
            </RadioGroup>
            {error && error.field === null && <Box role="alert"><Text color="error">{error.message}</Text></Box>}
          </Flex>
        </form>
      </Modal>
    </Layer>
  );
}
