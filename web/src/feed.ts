// The home feed's pages from GET /api/app/home-feed. The first page can be asked for as soon as the session says
// who is signed in, before Home has rendered (session.tsx): the request then runs while the page is being drawn.
import { corkboard } from './api.js';

/**
 * Pins per request: the first page about fills a wide window's first screen (every pin of a page is rendered
 * and measured before any is placed, so a small first page paints sooner); the later ones two screens each.
 */
export const FIRST_PAGE_SIZE = 25;
export const FEED_PAGE_SIZE = 50;
/** An early first page older than this is asked for again (the feed may have moved on). */
const EARLY_FOR_MS = 10_000;

export const feedPage = (bookmark?: string) =>
  corkboard.GET('/api/app/home-feed', { params: { query: { page_size: bookmark ? FEED_PAGE_SIZE : FIRST_PAGE_SIZE, ...(bookmark ? { bookmark } : {}) } } });

let early: { userId: string; at: number; page: ReturnType<typeof feedPage> } | null = null;

/** Starts fetching `userId`'s first page now, for the first firstFeedPage() to take. */
export function prefetchFirstFeedPage(userId: string): void {
  early = { userId, at: Date.now(), page: feedPage() };
  early.page.catch(() => undefined); // not taken, its failure is nobody's; taken, the taker sees it
}

/** The first page: the early one when it is this user's and fresh (taken once), else a new request. */
export function firstFeedPage(userId: string): ReturnType<typeof feedPage> {
  const e = early;
  early = null;
  return e && e.userId === userId && Date.now() - e.at < EARLY_FOR_MS ? e.page : feedPage();
}
