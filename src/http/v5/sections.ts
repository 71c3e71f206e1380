import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { BoardParams, SectionBody, SectionParams } from '../../schemas/boards.js';
import { PageQuery } from '../../schemas/common.js';
import { SectionPinsQuery } from '../../schemas/pins.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';

const ListQuery = Type.Object(PageQuery);
type Params = Static<typeof SectionParams>;

export function sectionRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'board_sections/create', { params: BoardParams, body: SectionBody }, async (req, reply) =>
    reply.code(201).send(await ctx.sections.create(principalOf(req), (req.params as Params).board_id, (req.body as Static<typeof SectionBody>).name)));

  apiRoute(app, 'board_sections/list', { params: BoardParams, querystring: ListQuery }, async (req) =>
    ctx.sections.list(principalOf(req), (req.params as Params).board_id, pageRequest(req.query as Static<typeof ListQuery>)));

  apiRoute(app, 'board_sections/update', { params: SectionParams, body: SectionBody }, async (req) => {
    const { board_id, section_id } = req.params as Params;
    return ctx.sections.rename(principalOf(req), board_id, section_id, (req.body as Static<typeof SectionBody>).name);
  });

  apiRoute(app, 'board_sections/delete', { params: SectionParams }, async (req, reply) => {
    const { board_id, section_id } = req.params as Params;
    await ctx.sections.delete(principalOf(req), board_id, section_id);
    return reply.code(204).send();
  });

  apiRoute(app, 'board_sections/list_pins', { params: SectionParams, querystring: SectionPinsQuery }, async (req) => {
    const { board_id, section_id } = req.params as Params;
    return ctx.pins.listInSection(principalOf(req), board_id, section_id, pageRequest(req.query as Static<typeof SectionPinsQuery>));
  });
}
