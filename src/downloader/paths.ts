// Every path the downloader writes is made here. A name that comes from a remote (a pin id, title, section or
// board) becomes one safe segment; a path under the output folder is refused if it would leave it.
import path from 'node:path';

/** One file-name segment of [A-Za-z0-9._-], never empty, never `.`/`..` (leading and trailing dots go). */
export function safeSegment(value: string, max = 80): string {
  const s = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, max);
  return s.replace(/[-.]+$/, '') || '_';
}

export class UnsafePath extends Error {}

/** `root` joined with `relative`; throws UnsafePath when the result is not inside `root` (or is `root` itself). */
export function inside(root: string, relative: string): string {
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  const rel = path.relative(base, full);
  if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) || relative.includes('\0')) {
    throw new UnsafePath(`refusing to write ${JSON.stringify(relative)}: it is not inside ${base}`);
  }
  return full;
}
