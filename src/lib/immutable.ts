// Values that never change once made (deep-frozen, e.g. entries of an ExactCache), so their JSON is written
// once however often they are sent. Everything else is stringified on each call, as JSON.stringify does.
const json = new WeakMap<object, string | null>();

/** Deep freeze of JSON-shaped data (no cycles). */
function freeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  for (const v of Object.values(value)) freeze(v);
}

/** Freezes `value` and everything it holds, and marks it for toJson to remember. */
export function immutable<T extends object>(value: T): T {
  freeze(value);
  if (!json.has(value)) json.set(value, null);
  return value;
}

/** JSON.stringify, computed once per immutable value. */
export function toJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const known = json.get(value);
  if (known === undefined) return JSON.stringify(value);
  if (known !== null) return known;
  const text = JSON.stringify(value);
  json.set(value, text);
  return text;
}
