// The home feed (v5 has none): the pins of the boards a user follows (explicitly, or every PUBLIC board of a user
// they follow, as Pinterest's follow model has it) and of their own boards, newest first, as the v5 Pin shape.
// Others' boards count only while PUBLIC, so a followed board made PROTECTED or SECRET leaves the feed at once;
// one's own boards count with the privacies the principal may list (all of them for a web session).
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import { errors } from '../lib/api-error.js';
import { isId } from '../lib/ids.js';
import type { FeedRepository } from '../repositories/feed.js';
import type { Principal } from './oauth.js';
import type { Pin, PinsService } from './pins.js';
import { ownVisiblePrivacies } from './privacy.js';

/** The feed's sort key: [created_at, id]. */
export const FEED_CURSOR_ARITY = 2;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export class FeedService {
  constructor(private readonly repo: FeedRepository, private readonly pins: PinsService) {}

  async home(p: Principal, page: PageRequest): Promise<Page<Pin>> {
    if (page.after) {
      const [createdAt, id] = page.after;
      // decodeBookmark checked the shape; these are the keys this list issues, or the bookmark is another list's.
      if (typeof createdAt !== 'string' || !ISO_TIME.test(createdAt) || typeof id !== 'string' || !isId(id)) {
        throw errors.invalid('Invalid parameters: bookmark is not one this server issued.');
      }
    }
    const rows = await this.repo.home({ userId: p.user.id, ownPrivacies: ownVisiblePrivacies(p, 'pins') }, page);
    const served = toPage(rows, page, (r) => [r.created_at, r.id]);
    return { items: await this.pins.present(p.user.id, served.items), bookmark: served.bookmark };
  }
}

