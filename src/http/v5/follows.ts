import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { AdAccountQuery, PageQuery } from '../../schemas/common.js';
import type { FollowingFeedType } from '../../services/follows.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';

const FollowParams = Type.Object({ username: Type.String({ minLength: 1 }) });
const FollowBody = Type.Object({ auto_follow: Type.Optional(Type.Boolean()) });
const FollowingQuery = Type.Object({
  ...PageQuery, ...AdAccountQuery,
  feed_type: Type.Optional(Type.Union(['ALL', 'RANKED', 'CREATOR_ONLY', 'RANKED_CREATOR_ONLY'].map((v) => Type.Literal(v)))),
  explicit_following: Type.Optional(Type.Boolean()),
});
const FollowedBoardsQuery = Type.Object({ ...PageQuery, ...AdAccountQuery, explicit_following: Type.Optional(Type.Boolean()) });
const FollowersQuery = Type.Object(PageQuery);

export function followRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'follow_user/update', { params: FollowParams, body: Type.Optional(FollowBody) }, async (req) =>
    ctx.follows.followUser(principalOf(req), (req.params as Static<typeof FollowParams>).username));

  apiRoute(app, 'user_following/get', { querystring: FollowingQuery }, async (req) => {
    const q = req.query as Static<typeof FollowingQuery>;
    return ctx.follows.following(principalOf(req), (q.feed_type ?? 'ALL') as FollowingFeedType, q.explicit_following ?? false, pageRequest(q));
  });

  apiRoute(app, 'followers/list', { querystring: FollowersQuery }, async (req) =>
    ctx.follows.followers(principalOf(req), pageRequest(req.query as Static<typeof FollowersQuery>)));

  apiRoute(app, 'boards_user_follows/list', { querystring: FollowedBoardsQuery }, async (req) => {
    const q = req.query as Static<typeof FollowedBoardsQuery>;
    return ctx.follows.followedBoards(principalOf(req), q.explicit_following ?? false, pageRequest(q));
  });
}
