// Who may see and change a board and its pins. PUBLIC boards are seen by everyone; PROTECTED (ads-only on
// Pinterest) and SECRET boards only by their owner, and SECRET ones only with the *_secret scopes. What a
// caller may not see answers 404; what it may see but not change answers 403.
import type { Privacy } from '../db/schema.js';
import { errors } from '../lib/api-error.js';
import type { Principal } from './oauth.js';

export interface Guarded { owner_id: string; privacy: Privacy }

const has = (p: Principal, scope: string) => p.scopes.has(scope);

export function canSeeBoard(p: Principal, b: Guarded): boolean {
  if (b.owner_id !== p.user.id) return b.privacy === 'PUBLIC';
  return b.privacy !== 'SECRET' || has(p, 'boards:read_secret');
}

export function canSeePinsOn(p: Principal, b: Guarded): boolean {
  if (b.owner_id !== p.user.id) return b.privacy === 'PUBLIC';
  return b.privacy !== 'SECRET' || has(p, 'pins:read_secret');
}

/** Throws 404 when the board is invisible to the caller, 403 when visible but not the caller's to change. */
export function assertBoardWritable(p: Principal, b: Guarded): void {
  if (!canSeeBoard(p, b)) throw errors.boardNotFound();
  if (b.owner_id !== p.user.id) throw errors.notAuthorized();
  if (b.privacy === 'SECRET' && !has(p, 'boards:write_secret')) throw errors.insufficientScope(['boards:write_secret']);
}

/** The same for adding, changing or removing pins on a board. */
export function assertPinsWritable(p: Principal, b: Guarded, notFound = errors.boardNotFound): void {
  if (!canSeeBoard(p, b)) throw notFound();
  if (b.owner_id !== p.user.id) throw errors.notAuthorized();
  if (b.privacy === 'SECRET' && !has(p, 'pins:write_secret')) throw errors.insufficientScope(['pins:write_secret']);
}

/** Privacies of the caller's own boards it may list. */
export function ownVisiblePrivacies(p: Principal, scope: 'boards' | 'pins'): Privacy[] {
  return has(p, `${scope}:read_secret`) ? ['PUBLIC', 'PROTECTED', 'SECRET'] : ['PUBLIC', 'PROTECTED'];
}
