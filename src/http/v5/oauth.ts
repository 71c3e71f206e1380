import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { RevokeRequest, TokenRequest, TokenResponse } from '../../schemas/oauth.js';
import { apiRoute } from './route.js';

export function oauthRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'oauth/token', { body: TokenRequest, response: { 200: TokenResponse } }, async (req) => {
    const body = req.body as Static<typeof TokenRequest>;
    const client = await ctx.apps.authenticate(req.headers.authorization);
    switch (body.grant_type) {
      case 'authorization_code': return ctx.oauth.exchangeCode(client, body.code, body.redirect_uri);
      case 'refresh_token': return ctx.oauth.refresh(client, body.refresh_token, body.scope, body.continuous_refresh === true || body.refresh_on === true);
      case 'client_credentials': return ctx.oauth.clientCredentials(client, body.scope);
    }
  });

  apiRoute(app, 'token/revoke', { body: RevokeRequest }, async (req, reply) => {
    const body = req.body as Static<typeof RevokeRequest>;
    const client = await ctx.apps.authenticate(req.headers.authorization);
    await ctx.oauth.revoke(client, body.token);
    return reply.code(200).send();
  });
}
