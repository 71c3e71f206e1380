import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { PageQuery } from '../../schemas/common.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';

const MediaCreate = Type.Object({ media_type: Type.String({ description: 'Only video.' }) });
const MediaParams = Type.Object({ media_id: Type.String() });
const MediaListQuery = Type.Object(PageQuery);

export function mediaApiRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'media/create', { body: MediaCreate }, async (req, reply) =>
    reply.code(201).send(await ctx.media.register(principalOf(req), (req.body as Static<typeof MediaCreate>).media_type)));

  apiRoute(app, 'media/list', { querystring: MediaListQuery }, async (req) =>
    ctx.media.list(principalOf(req), pageRequest(req.query as Static<typeof MediaListQuery>)));

  apiRoute(app, 'media/get', { params: MediaParams }, async (req) =>
    ctx.media.get(principalOf(req), (req.params as Static<typeof MediaParams>).media_id));
}
