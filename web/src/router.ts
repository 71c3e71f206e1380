// The app's own router: Pinterest's paths on the history API. The app pages are listed here; every other path
// on the server (/<user>/, /pin/<id>/ ...) is a server page, reached by an ordinary link.
import { useSyncExternalStore, type SyntheticEvent } from 'react';

export type Page = 'home' | 'login' | 'signup' | 'settings' | 'pin-builder' | 'not-found';

const PAGES: Record<string, Page> = { '/': 'home', '/login': 'login', '/signup': 'signup', '/settings': 'settings', '/pin-builder': 'pin-builder' };

/** The app page for a path ("/login" and "/login/" alike), or null when the server renders it. */
export function pageOf(pathname: string): Page | null {
  return PAGES[pathname === '/' ? '/' : pathname.replace(/\/+$/, '')] ?? null;
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => { listeners.delete(listener); window.removeEventListener('popstate', listener); };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(to: string, { replace = false } = {}): void {
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
