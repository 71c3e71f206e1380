// What a pasted link points at. Pinterest's web paths are the same on every country domain and subdomain and
// on any Corkboard instance, so one parser serves both; only the origin the content is read from differs.

export type Target =
  | { kind: 'pin'; origin: string; pinId: string }
  | { kind: 'board'; origin: string; username: string; board: string }
  | { kind: 'section'; origin: string; username: string; board: string; section: string }
  | { kind: 'profile'; origin: string; username: string }
  | { kind: 'short'; origin: string; code: string };

/** The link is not one this downloader understands; the message says which kinds work. */
export class UnsupportedUrl extends Error {}

export const SUPPORTED = 'a pin (/pin/<id>/), board (/<user>/<board>/), section (/<user>/<board>/<section>/), profile (/<user>/ or /<user>/pins/) or pin.it short link, on pinterest.com (any country domain) or a Corkboard instance';

// www.pinterest.com, pinterest.co.uk, de.pinterest.com, pinterest.com.au, br.pinterest.com, ...
const PINTEREST_HOST = /^(?:[a-z0-9-]+\.)*pinterest\.(?:com|net|ca|ch|cl|de|dk|es|fr|ie|it|jp|nz|ph|pt|ru|se|at|be|co\.uk|co\.kr|com\.au|com\.mx|com\.br|co\.in|in|id|nl|no|pl|fi|cz|hu|ro|gr|tr|co\.za|com\.ar|com\.co)$/;
const SHORT_HOSTS = new Set(['pin.it', 'www.pin.it']);
// First path segments that are pages of the site, not user names.
const RESERVED = new Set(['pin', 'search', 'ideas', 'today', 'settings', 'business', 'explore', 'resource', 'v3', 'v5', 'api', 'oauth', 'media', 'uploads', 'assets', 'url_shortener', '_', 'login', 'logout', 'about', 'news_hub', 'topics']);
const SEGMENT = /^[A-Za-z0-9_.\-%]{1,200}$/;
const ID = /^\d{1,20}$/;

export function isPinterestHost(host: string): boolean {
  return PINTEREST_HOST.test(host) || SHORT_HOSTS.has(host);
}

/**
 * Parses a link. `pinterestOrigin` is where pinterest.com content is read from (CORKBOARD_PINTEREST_UPSTREAM);
 * links to any other host are read from that host, as a Corkboard instance.
 */
export function parseTarget(raw: string, pinterestOrigin: string): Target {
  let url: URL;
  try { url = new URL(raw.trim()); } catch { throw new UnsupportedUrl(`That is not a URL. Send ${SUPPORTED}.`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsupportedUrl(`Only http(s) links work. Send ${SUPPORTED}.`);
  const host = url.hostname.toLowerCase();
  const origin = isPinterestHost(host) ? pinterestOrigin : url.origin;
  const parts = url.pathname.split('/').filter(Boolean);
  const bad = () => new UnsupportedUrl(`${raw} is not a link to download. Send ${SUPPORTED}.`);
  if (SHORT_HOSTS.has(host)) {
    if (parts.length !== 1 || !/^[A-Za-z0-9]{1,32}$/.test(parts[0]!)) throw bad();
    return { kind: 'short', origin, code: parts[0]! };
  }
  if (parts[0] === 'url_shortener' && parts.length === 3 && parts[2] === 'redirect' && /^[A-Za-z0-9]{1,32}$/.test(parts[1]!)) {
    return { kind: 'short', origin, code: parts[1]! };
  }
  if (!parts.length || !parts.every((p) => SEGMENT.test(p))) throw bad();
  if (parts[0] === 'pin') {
    // /pin/<id>/ and /pin/<slug>--<id>/; pin.it links land on /pin/<id>/sent/?invite_code=...
    const id = parts[1]?.split('--').pop();
    if (parts.length > 3 || (parts.length === 3 && parts[2] !== 'sent') || !id || !ID.test(id)) throw bad();
    return { kind: 'pin', origin, pinId: id };
  }
  if (RESERVED.has(parts[0]!)) throw bad();
  const [username, board, section] = parts.map(decodeURIComponent) as [string, string?, string?];
  if (parts.length === 1 || (parts.length === 2 && ['pins', '_saved', '_created', 'boards'].includes(board!))) return { kind: 'profile', origin, username };
  if (parts.length === 2) return { kind: 'board', origin, username, board: board! };
  if (parts.length === 3) return { kind: 'section', origin, username, board: board!, section: section! };
  throw bad();
}
