import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { Account } from '../../schemas/account.js';
import { AdAccountQuery } from '../../schemas/common.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';

export function userAccountRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'user_account/get', { querystring: Type.Object(AdAccountQuery), response: { 200: Account } }, async (req) => {
    return ctx.accounts.get(principalOf(req).user);
  });
}
