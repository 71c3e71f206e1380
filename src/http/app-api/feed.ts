// Handler of the home feed route (feed-routes.ts), for the session's user.
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { FEED_CURSOR_ARITY } from '../../services/feed.js';
import { FEED_ROUTES } from './feed-routes.js';
import type { RouteFn } from './index.js';
import { signedIn } from './signed-in.js';

export function feedHandlers(route: RouteFn, ctx: Context): void {
  route(FEED_ROUTES.homeFeed, async (req) => {
    const user = await signedIn(ctx, req);
    const page = pageRequest(req.query as { page_size?: number; bookmark?: string }, FEED_CURSOR_ARITY);
    return ctx.feed.home(ctx.sessions.principalFor(user), page);
  });
}
