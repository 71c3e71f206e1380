// The /api/app/ route of the home feed: v5 has no feed operation, so the web app's home page reads this one.
import { Type } from '@sinclair/typebox';
import { AppError } from './schemas.js';
import { HomeFeed } from './feed-schemas.js';
import type { AppRoute } from './routes.js';

export const FEED_ROUTES = {
  homeFeed: {
    method: 'GET', path: '/api/app/home-feed', operationId: 'feed/home', tag: 'feed', csrf: false,
    summary: "The signed-in user's home feed: the pins of the boards they follow (and the PUBLIC boards of the users they follow) and their own, newest first, a page at a time.",
    query: Type.Object({
      page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, description: 'Pins per page (1 to 250, default 25).' })),
      bookmark: Type.Optional(Type.String({ maxLength: 512, description: 'The bookmark of the previous page.' })),
    }, { additionalProperties: false }),
    responses: {
      200: { description: 'A page of the feed.', schema: HomeFeed },
      400: { description: 'page_size out of range, or a bookmark this server did not issue; the message names it.', schema: AppError },
      401: { description: 'No one is logged in.', schema: AppError },
    },
  },
} as const satisfies Record<string, AppRoute>;
