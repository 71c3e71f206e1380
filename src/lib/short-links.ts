// Corkboard's own pin.it: short codes for pins and boards, served at /url_shortener/<code>/redirect/.
// A code is a kind letter ('p' pin, 'b' board) and the id in base62, so it is deterministic and reversible and
// needs no table; what it leads to is looked up (and privacy-checked) when it is followed.
export type ShortKind = 'pin' | 'board';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PREFIX: Record<ShortKind, string> = { pin: 'p', board: 'b' };
const MAX_ID = (1n << 63n) - 1n;

export function shortCodeFor(kind: ShortKind, id: string): string {
  if (!/^\d{1,19}$/.test(id)) throw new Error(`not an id: ${id}`);
  let n = BigInt(id);
  let out = '';
  do { out = ALPHABET[Number(n % 62n)]! + out; n /= 62n; } while (n > 0n);
  return PREFIX[kind] + out;
}

/** The kind and id a code stands for, or null when it is not one of ours. */
export function parseShortCode(code: string): { kind: ShortKind; id: string } | null {
  const m = /^([pb])([0-9A-Za-z]{1,11})$/.exec(code);
  if (!m) return null;
  let n = 0n;
  for (const c of m[2]!) n = n * 62n + BigInt(ALPHABET.indexOf(c));
  if (n > MAX_ID) return null;
  const id = n.toString();
  // one code per id: a leading zero digit would decode to the same id as the code without it
  if (shortCodeFor(m[1] === 'p' ? 'pin' : 'board', id) !== code) return null;
  return { kind: m[1] === 'p' ? 'pin' : 'board', id };
}
