// From extracted pins to the files to fetch, each with a safe, unique file name.
import { pinMedia, type MediaKind } from './pin-media.js';
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
}

/** Variables of a file-name template: {pin_id} {n} (position within the pin, from 1) {title} {section} {board} {type}. */
export const DEFAULT_TEMPLATE = '{pin_id}_{n}';

export function safeSegment(value: string, max = 80): string {
  const s = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, max);
  return s || '_';
}

export function planFiles(extracted: Extracted, template = DEFAULT_TEMPLATE, allowFolders = false): PlannedFile[] {
  const used = new Set<string>();
  const out: PlannedFile[] = [];
  for (const { pin, section } of extracted.pins) {
    const files = pinMedia(pin);
    files.forEach((f, i) => {
      const vars: Record<string, string> = {
        pin_id: pin.id, n: String(i + 1), title: pin.title || pin.grid_title || '', section: section ?? '', board: extracted.title, type: f.type,
      };
      const rendered = template.replace(/\{(\w+)\}/g, (_, k: string) => safeSegment(vars[k] ?? ''));
      const segments = (allowFolders ? rendered.split('/') : [rendered.replace(/\//g, '-')]).map((seg) => safeSegment(seg, 120));
      let name = `${segments.join('/')}.${f.ext}`;
      for (let k = 2; used.has(name); k++) name = `${segments.join('/')}-${k}.${f.ext}`;
      used.add(name);
      out.push({ pin_id: pin.id, title: pin.title || pin.grid_title || null, type: f.type, source_url: f.url, width: f.width, height: f.height, filename: name, section });
    });
  }
  return out;
}
