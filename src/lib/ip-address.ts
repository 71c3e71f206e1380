// Reading IPv6 addresses in any written form (compressed, with a zone id, with a trailing dotted quad).
import { isIP } from 'node:net';

/** The eight 16-bit groups of an IPv6 address (a zone id dropped, a trailing dotted quad read), or null. */
export function ipv6Groups(address: string): number[] | null {
  let a = address.split('%')[0]!.toLowerCase();
  if (isIP(a) !== 6) return null;
  const quad = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (quad) {
    const [b0, b1, b2, b3] = quad.slice(2).map(Number) as [number, number, number, number];
    a = `${quad[1]}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, tail] = a.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => parseInt(g, 16));
}
