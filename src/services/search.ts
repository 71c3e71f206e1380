// Searching one's own pins and boards (Pinterest's search_user_pins/list and search_user_boards/get): relevance
// from the database's full-text index, the privacy rules of the list endpoints, and their Pin and Board shapes.
// publicPins is the public web's search (BaseSearchResource): every user's pins on PUBLIC boards, as rows.
import { errors } from '../lib/api-error.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import { isId } from '../lib/ids.js';
import type { SearchPage, SearchRepository } from '../repositories/search.js';
import type { Board, BoardsService } from './boards.js';
import type { Principal } from './oauth.js';
import type { Pin, PinsService } from './pins.js';
import type { PinRow } from '../repositories/pins.js';
import { ownVisiblePrivacies } from './privacy.js';
import { parseSearchQuery } from './search-query.js';

/** A search bookmark holds (rank, id): decode it with pageRequest(query, SEARCH_CURSOR_ARITY). */
export const SEARCH_CURSOR_ARITY = 2;

/** The page with its cursor checked: any bookmark that decodes is not necessarily a search one. */
function searchPage(page: PageRequest): SearchPage {
  if (!page.after) return { pageSize: page.pageSize, after: null };
  const [rank, id] = page.after;
  if (typeof rank !== 'number' || typeof id !== 'string' || !isId(id)) throw errors.invalid('Invalid parameters: bookmark is not one this server issued.');
  return { pageSize: page.pageSize, after: { rank, id } };
}

export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly pinsService: PinsService,
    private readonly boardsService: BoardsService,
  ) {}

  /** The caller's pins matching `query` (words, or comma-separated pin ids), best match first. */
  async pins(p: Principal, query: string, page: PageRequest): Promise<Page<Pin>> {
    const q = parseSearchQuery(query, { ids: true });
    const sp = searchPage(page);
    const privacies = ownVisiblePrivacies(p, 'pins');
    const rows = q.kind === 'ids' ? await this.repo.pinsByIds(p.user.id, privacies, q.ids, sp)
      : q.kind === 'words' ? await this.repo.pins(p.user.id, privacies, q.terms, sp) : [];
    const pageOf = toPage(rows, page, (r) => [r.rank, r.id]);
    return { items: await this.pinsService.present(p.user.id, pageOf.items), bookmark: pageOf.bookmark };
  }

  /** Every user's pins on PUBLIC boards holding the words of `query` (ids are no query here), best match first. */
  async publicPins(query: string, page: PageRequest): Promise<Page<PinRow>> {
    const q = parseSearchQuery(query, { ids: false });
    const rows = q.kind === 'words' ? await this.repo.publicPins(q.terms, searchPage(page)) : [];
    return toPage(rows, page, (r) => [r.rank, r.id]);
  }

  /**
   * The caller's boards matching `query`, best match first; without a query, all of them newest first (the
   * boards list, with its own bookmarks: decode those with arity 1).
   */
  async boards(p: Principal, query: string | undefined, page: PageRequest): Promise<Page<Board>> {
    if (query === undefined) return this.boardsService.list(p, 'ALL', page);
    const q = parseSearchQuery(query, { ids: false });
    const sp = searchPage(page);
    const rows = q.kind === 'words' ? await this.repo.boards(p.user.id, ownVisiblePrivacies(p, 'boards'), q.terms, sp) : [];
    const pageOf = toPage(rows, page, (r) => [r.rank, r.id]);
    return { items: await this.boardsService.present(pageOf.items), bookmark: pageOf.bookmark };
  }
}
