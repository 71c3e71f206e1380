// The app's own router: Pinterest's paths on the history API. The app pages are listed here; the shareable
// paths (/pin/<id>/, /<user>/, /<user>/pins/, /<user>/<board>/, /<user>/<board>/<section>/) are the 'shared'
// page, which asks the server what the path shows (SharedPage.tsx). Every other path loads from the server.
import { useSyncExternalStore, type SyntheticEvent } from 'react';
import { RESERVED_NAMES } from '../../src/lib/reserved-names.js';

export type Page = 'home' | 'login' | 'signup' | 'settings' | 'pin-builder' | 'search-pins' | 'search-boards' | 'downloads' | 'developers-apps'
  | 'developers-api-keys' | 'analytics' | 'shared' | 'not-found';

const PAGES: Record<string, Page> = { '/': 'home', '/login': 'login', '/signup': 'signup', '/settings': 'settings', '/pin-builder': 'pin-builder',
  '/search/pins': 'search-pins', '/search/boards': 'search-boards', '/downloads': 'downloads',
  '/developers': 'developers-apps', '/developers/apps': 'developers-apps', '/developers/api-keys': 'developers-api-keys',
  '/analytics': 'analytics' };

export type SearchKind = 'pins' | 'boards';

/** A search page's path: /search/pins/?q=red%20fox. */
export const searchHref = (kind: SearchKind, q: string) => `/search/${kind}/?q=${encodeURIComponent(q)}`;

/** The app page for a path ("/login" and "/login/" alike), or null when the server renders it. */
export function pageOf(pathname: string): Page | null {
  const page = PAGES[pathname === '/' ? '/' : pathname.replace(/\/+$/, '')];
  if (page) return page;
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'pin') return parts.length === 2 ? 'shared' : null;
  return parts.length >= 1 && parts.length <= 3 && !RESERVED_NAMES.has(parts[0]!.toLowerCase()) ? 'shared' : null;
}

/** Counts navigations, so what is reported once per page view (activity.ts) starts afresh on each. */
let views = 0;
export const viewNumber = () => views;

const listeners = new Set<() => void>();
if (typeof window !== 'undefined') window.addEventListener('popstate', () => { views += 1; });
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => { listeners.delete(listener); window.removeEventListener('popstate', listener); };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** A query parameter of the current URL ("" when absent), following navigation like usePathname. */
export function useQueryParam(name: string): string {
  return useSyncExternalStore(subscribe, () => new URLSearchParams(window.location.search).get(name) ?? '');
}

export function navigate(to: string, { replace = false } = {}): void {
  views += 1;
  if (replace) window.history.replaceState(null, '', to); else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** For Gestalt's links (GlobalEventsHandlerProvider): app pages navigate in place, the rest load normally. */
export function onLinkNavigation({ href, target }: { href: string; target?: null | 'self' | 'blank' }) {
  const url = new URL(href, window.location.href);
  if (target === 'blank' || url.origin !== window.location.origin || pageOf(url.pathname) === null) return () => undefined; // the browser follows the link
  return ({ event }: { readonly event: SyntheticEvent }) => {
    event.preventDefault();
    navigate(url.pathname + url.search);
  };
}
