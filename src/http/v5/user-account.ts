import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { pageRequest } from '../../lib/bookmark.js';
import type { Context } from '../../context.js';
import { Account } from '../../schemas/account.js';
import { AdAccountQuery, PageQuery } from '../../schemas/common.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';

export function userAccountRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'user_account/get', { querystring: Type.Object(AdAccountQuery), response: { 200: Account } }, async (req) => {
    return ctx.accounts.get(principalOf(req).user);
  });

  // Corkboard has no business-account linking and no interests: the true answers are empty lists.
  apiRoute(app, 'linked_business_accounts/get', {}, async () => []);

  const InterestsParams = Type.Object({ username: Type.String({ minLength: 1 }) });
  apiRoute(app, 'user_account/followed_interests', { params: InterestsParams, querystring: Type.Object(PageQuery) }, async (req) => {
    pageRequest(req.query as { page_size?: number; bookmark?: string }); // bad paging still answers 400
    await ctx.users.byUsername((req.params as Static<typeof InterestsParams>).username); // 404 for nobody
    return { items: [], bookmark: null };
  });
}
