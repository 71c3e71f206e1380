import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { Account } from '../../schemas/account.js';
import { AdAccountQuery } from '../../schemas/common.js';
import { errors } from '../../lib/api-error.js';
import { NO_COUNTS, toAccount } from '../../services/account.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';

export function userAccountRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'user_account/get', { querystring: Type.Object(AdAccountQuery), response: { 200: Account } }, async (req) => {
    if ((req.query as { ad_account_id?: string }).ad_account_id) throw errors.invalid('ad_account_id: ad accounts are not supported by Corkboard.');
    return toAccount(principalOf(req).user, NO_COUNTS, ctx.config.publicUrl);
  });
}
