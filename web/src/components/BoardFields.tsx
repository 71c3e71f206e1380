// A board's fields in the Create and Edit dialogs: name, description and privacy, with the API's message under the
// field it names.
import { RadioGroup, TextArea, TextField } from 'gestalt';
import type { Privacy } from '../boards.js';

const PRIVACIES: Array<{ value: Privacy; label: string; help: string }> = [
  { value: 'PUBLIC', label: 'Public', help: 'Anyone can see this board' },
  { value: 'PROTECTED', label: 'Protected', help: 'Only you can see it; it may be used for ads' },
  { value: 'SECRET', label: 'Secret', help: 'Only you and collaborators can see it' },
];

export interface BoardValues { name: string; description: string; privacy: Privacy }

/** Which field an API message is about, if it names one. */
export const fieldOf = (message: string): 'name' | 'description' | null => (/description/i.test(message) ? 'description' : /name/i.test(message) ? 'name' : null);

export function BoardFields({ idPrefix, values, onChange, error }:
  { idPrefix: string; values: BoardValues; onChange(values: BoardValues): void; error: { field: 'name' | 'description' | null; message: string } | null }) {
  return (
    <>
      <TextField id={`${idPrefix}-name`} label="Name" placeholder='Like "Places to go" or "Recipes to make"' value={values.name}
        onChange={({ value }) => onChange({ ...values, name: value })} errorMessage={error?.field === 'name' ? error.message : undefined}
        maxLength={{ characterCount: 180, errorAccessibilityLabel: 'Name is too long' }} />
      <TextArea id={`${idPrefix}-description`} label="Description" placeholder="What is your board about?" value={values.description}
        onChange={({ value }) => onChange({ ...values, description: value })} errorMessage={error?.field === 'description' ? error.message : undefined} rows={2} />
      <RadioGroup id={`${idPrefix}-privacy`} legend="Privacy">
        {PRIVACIES.map((p) => (
          <RadioGroup.RadioButton key={p.value} id={`${idPrefix}-privacy-${p.value}`} name={`${idPrefix}-privacy`} value={p.value} label={p.label}
            helperText={p.help} checked={values.privacy === p.value} onChange={() => onChange({ ...values, privacy: p.value })} />
        ))}
      </RadioGroup>
    </>
  );
}
