// Paged reads shared by the pages: a /v5 (or app API) list, a page at a time, for grids that load more near
// their end.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './api.js';
import type { Notify } from './App.js';

/** One page of a list answer, as /v5 lists have it. */
export interface ListPage<T> { items?: T[]; bookmark?: string | null }

/**
 * Items of a bookmark-paged list, fetched by `fetchPage(bookmark)`: null until the first page arrives; `more`
 * (absent at the end) asks for the next. A new `key` starts over.
 */
export function usePaged<T>(key: string, fetchPage: (bookmark: string | undefined) => Promise<ListPage<T> | undefined>, notify: Notify) {
  const [items, setItems] = useState<T[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [hasMore, setHasMore] = useState(true);
  const next = useRef<string | null | undefined>(undefined); // undefined: first page not asked for yet; null: no more
  const busy = useRef(false);
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  const load = useCallback(async () => {
    if (busy.current || next.current === null) return;
    const mine = generation.current;
    busy.current = true;
    setLoading(true);
    try {
      const page = await fetcher.current(next.current ?? undefined);
      if (mine !== generation.current) return;
      setItems((prev) => [...(prev ?? []), ...(page?.items ?? [])]);
      next.current = page?.bookmark ?? null;
      setHasMore(next.current !== null);
    } catch (e) {
      if (mine !== generation.current) return;
      notify(errorMessage(e), 'error');
      next.current = null;
      setHasMore(false);
      setItems((prev) => prev ?? []);
    } finally { if (mine === generation.current) { busy.current = false; setLoading(false); } }
  }, [notify]);

  useEffect(() => {
    generation.current += 1;
    busy.current = false;
    next.current = undefined;
    setItems(null);
    setHasMore(true);
    void load();
  }, [key, load]);

  /** Replaces the list's items in place (after an edit or delete). */
  const update = useCallback((fn: (items: T[]) => T[]) => setItems((prev) => (prev ? fn(prev) : prev)), []);
  return { items, loading, more: hasMore ? () => void load() : undefined, update };
}

/** A list operation's query for one page: `page_size` and the bookmark of the page before, if any. */
export const paged = (bookmark: string | undefined, page_size = 25) => ({ page_size, ...(bookmark ? { bookmark } : {}) });

/** Every page of a list operation, for pickers (a person has few boards and sections). */
export async function everyPage<T>(page: (bookmark?: string) => Promise<ListPage<T> | undefined>): Promise<T[]> {
  const out: T[] = [];
  let bookmark: string | undefined;
  do {
    const data = await page(bookmark);
    out.push(...(data?.items ?? []));
    bookmark = data?.bookmark ?? undefined;
  } while (bookmark);
  return out;
}
