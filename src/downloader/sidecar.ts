// The JSON sidecar written next to a pin's files: what a backup needs to know about the pin, from the remote's
// PIN object (README: download), and which file holds which media.
import type { ExtractedPin } from './extract.js';
import { str } from './pin-media.js';
import type { PlannedFile } from './plan.js';

export interface Sidecar {
  id: string; title: string | null; description: string | null; link: string | null; alt_text: string | null;
  dominant_color: string | null; created_at: string | null;
  board: { id: string | null; name: string | null; url: string | null } | null;
  section: string | null;
  pinner: { id: string | null; username: string | null; full_name: string | null } | null;
  files: Array<{ filename: string; type: string; width: number | null; height: number | null; size: number | null; source_url: string; title: string | null; description: string | null; link: string | null }>;
}

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : null);

/** An ISO 8601 time from Pinterest's "Thu, 01 Jan 2026 00:00:00 +0000" (or ISO already); null if unreadable. */
export function isoTime(value: unknown): string | null {
  const t = str(value) ? Date.parse(value as string) : NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function sidecarOf({ pin, section }: ExtractedPin, files: PlannedFile[], sizes: Map<string, number>): Sidecar {
  const board = obj(pin.board);
  const pinner = obj(pin.pinner);
  return {
    id: pin.id, title: str(pin.title) ?? str(pin.grid_title), description: str(pin.description), link: str(pin.link),
    alt_text: str(pin.alt_text), dominant_color: str(pin.dominant_color), created_at: isoTime(pin.created_at),
    board: board ? { id: str(board.id), name: str(board.name) ?? files[0]?.board ?? null, url: str(board.url) } : files[0]?.board ? { id: null, name: files[0].board, url: null } : null,
    section,
    pinner: pinner ? { id: str(pinner.id), username: str(pinner.username), full_name: str(pinner.full_name) } : null,
    files: files.map((f) => ({
      filename: f.filename, type: f.type, width: f.width, height: f.height, size: sizes.get(f.filename) ?? null, source_url: f.source_url,
      title: f.slot?.title ?? null, description: f.slot?.description ?? null, link: f.slot?.link ?? null,
    })),
  };
}
