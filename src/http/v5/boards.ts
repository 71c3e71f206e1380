import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { BoardCreate, BoardListQuery, BoardParams, BoardUpdate } from '../../schemas/boards.js';
import { BoardPinsQuery, CREATIVE_TYPES } from '../../schemas/pins.js';
import type { CreativeType } from '../../services/pins.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';
import { enumList } from './validate.js';

type Params = Static<typeof BoardParams>;

export function boardRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'boards/create', { body: BoardCreate }, async (req, reply) =>
    reply.code(201).send(await ctx.boards.create(principalOf(req), req.body as Static<typeof BoardCreate>)));

  apiRoute(app, 'boards/list', { querystring: BoardListQuery }, async (req) => {
    const q = req.query as Static<typeof BoardListQuery>;
    return ctx.boards.list(principalOf(req), q.privacy as never, pageRequest(q));
  });

  apiRoute(app, 'boards/get', { params: BoardParams }, async (req) =>
    ctx.boards.get(principalOf(req), (req.params as Params).board_id));

  apiRoute(app, 'boards/update', { params: BoardParams, body: BoardUpdate }, async (req) =>
    ctx.boards.update(principalOf(req), (req.params as Params).board_id, req.body as Static<typeof BoardUpdate>));

  apiRoute(app, 'boards/delete', { params: BoardParams }, async (req, reply) => {
    await ctx.boards.delete(principalOf(req), (req.params as Params).board_id);
    return reply.code(204).send();
  });

  apiRoute(app, 'boards/list_pins', { params: BoardParams, querystring: BoardPinsQuery }, async (req) => {
    const q = req.query as Static<typeof BoardPinsQuery>;
    const types = enumList(q.creative_types, CREATIVE_TYPES, 'creative_types') as CreativeType[] | undefined;
    const page = await ctx.pins.listOnBoard(principalOf(req), (req.params as Params).board_id, types, pageRequest(q));
    return q.pin_metrics ? { ...page, items: await ctx.analytics.withPinMetrics(page.items) } : page;
  });
}
