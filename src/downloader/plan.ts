// From extracted pins to the files to fetch, each with a safe, unique file name. Names come from a template;
// the CLI passes hints from its manifest so that media it already holds keeps its file, and new media never
// takes a name that another file has.
import { safeSegment } from './paths.js';
import { pinMedia, str, type MediaKind, type SlotText } from './pin-media.js';
import type { Extracted } from './extract.js';

export interface PlannedFile {
  pin_id: string;
  title: string | null;
  type: MediaKind;
  source_url: string;
  width: number | null;
  height: number | null;
  /** Relative path: name segments of [A-Za-z0-9._-], folders only when the template makes them. */
  filename: string;
  section: string | null;
  /** The name of the board the pin is on, when known. */
  board: string | null;
  slot: SlotText | null;
}

/** Variables of a file-name template: {pin_id} {n} (position within the pin, from 1) {title} {section} {board} {type}. */
export const TEMPLATE_VARS = ['pin_id', 'n', 'title', 'section', 'board', 'type'] as const;
export const DEFAULT_TEMPLATE = '{pin_id}_{n}';

export class TemplateError extends Error {}

/** Throws TemplateError naming the first unknown {placeholder}. */
export function checkTemplate(template: string): void {
  for (const [, name] of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(TEMPLATE_VARS as readonly string[]).includes(name!)) {
      throw new TemplateError(`unknown placeholder {${name}} in the file-name template; use ${TEMPLATE_VARS.map((v) => `{${v}}`).join(' ')}`);
    }
  }
}

export interface NameHints {
  /** The name under which this same media (pin and URL) is already held, if it is. */
  known?(pinId: string, url: string): string | undefined;
  /** Whether a name is held by something else (another media's file, or a file nobody recorded). */
  taken?(name: string): boolean;
}

export function planFiles(extracted: Extracted, template = DEFAULT_TEMPLATE, allowFolders = false, hints: NameHints = {}): PlannedFile[] {
  checkTemplate(template);
  const used = new Set<string>();
  const planned = extracted.pins.flatMap(({ pin, section }) => {
    const title = str(pin.title) ?? str(pin.grid_title);
    const board = extracted.board?.name ?? str((pin.board as { name?: unknown } | null | undefined)?.name);
    return pinMedia(pin).map((f, i) => {
      const vars: Record<string, string> = { pin_id: pin.id, n: String(i + 1), title: title ?? '', section: section ?? '', board: board ?? '', type: f.type };
      const rendered = template.replace(/\{(\w+)\}/g, (_, k: string) => safeSegment(vars[k] ?? ''));
      const base = (allowFolders ? rendered.split('/') : [rendered.replace(/\//g, '-')]).map((seg) => safeSegment(seg, 120)).join('/');
      const file: PlannedFile = { pin_id: pin.id, title, type: f.type, source_url: f.url, width: f.width, height: f.height, filename: '', section, board, slot: f.slot };
      const known = hints.known?.(pin.id, f.url);
      if (known && !used.has(known)) { file.filename = known; used.add(known); }
      return { file, base, ext: f.ext };
    });
  });
  // Media already held keeps its name (above); the rest get the first free one: name, name-2, name-3, ...
  const free = freeNames(used, hints);
  for (const { file, base, ext } of planned) if (!file.filename) file.filename = free(base, ext);
  return planned.map((p) => p.file);
}

/** Marks the `source_url` of a pin's sidecar in the manifest: the sidecar is named as media is, by the same hints. */
export const SIDECAR = 'sidecar';

/**
 * Each pin's sidecar name: `<pin_id>.json` beside its first file, or the name the manifest already gives it, or
 * the first free `-2`, `-3` ... so a sidecar never lands on a planned file or on one the folder holds unrecorded.
 */
export function planSidecars(files: PlannedFile[], hints: NameHints = {}): Map<string, string> {
  const used = new Set(files.map((f) => f.filename));
  const free = freeNames(used, hints);
  const out = new Map<string, string>();
  for (const f of files) {
    if (out.has(f.pin_id)) continue;
    const known = hints.known?.(f.pin_id, SIDECAR);
    if (known && !used.has(known)) { used.add(known); out.set(f.pin_id, known); continue; }
    const folder = f.filename.includes('/') ? f.filename.slice(0, f.filename.lastIndexOf('/') + 1) : '';
    out.set(f.pin_id, free(`${folder}${safeSegment(f.pin_id)}`, 'json'));
  }
  return out;
}

/** Hands out `base.ext`, `base-2.ext`, ... skipping names in `used` or taken; each name once. */
function freeNames(used: Set<string>, hints: NameHints): (base: string, ext: string) => string {
  const tried = new Map<string, number>(); // per name, the suffix to go on from (names only get taken)
  return (base, ext) => {
    let k = tried.get(`${base}.${ext}`) ?? 1;
    const nameOf = (n: number) => (n === 1 ? `${base}.${ext}` : `${base}-${n}.${ext}`);
    while (used.has(nameOf(k)) || hints.taken?.(nameOf(k))) k++;
    tried.set(`${base}.${ext}`, k + 1);
    used.add(nameOf(k));
    return nameOf(k);
  };
}
