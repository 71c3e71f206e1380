import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { AdAccountQuery, PageQuery } from '../../schemas/common.js';
import type { VerificationMethod } from '../../services/websites.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';

const VerifyBody = Type.Object({
  website: Type.String(),
  verification_method: Type.Optional(Type.Union(['FILENAME', 'METATAG', 'DNSTXT'].map((v) => Type.Literal(v)))),
});
const WebsiteQuery = Type.Object({ website: Type.String() });

export function websiteRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'website_verification/get', { querystring: Type.Object(AdAccountQuery) }, async (req) => ctx.websites.code(principalOf(req)));

  apiRoute(app, 'verify_website/update', { querystring: Type.Object(AdAccountQuery), body: VerifyBody }, async (req) => {
    const body = req.body as Static<typeof VerifyBody>;
    return ctx.websites.verify(principalOf(req), body.website, body.verification_method as VerificationMethod | undefined);
  });

  apiRoute(app, 'user_websites/get', { querystring: Type.Object(PageQuery) }, async (req) =>
    ctx.websites.list(principalOf(req), pageRequest(req.query as { page_size?: number; bookmark?: string })));

  apiRoute(app, 'unverify_website/delete', { querystring: WebsiteQuery }, async (req, reply) => {
    await ctx.websites.unverify(principalOf(req), (req.query as Static<typeof WebsiteQuery>).website);
    return reply.code(204).send();
  });
}
