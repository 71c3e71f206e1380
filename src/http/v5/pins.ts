import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { CREATIVE_TYPES, MediaSourceBranches, PinCreate, PinGetQuery, PinListQuery, PinParams, PinSave, PinUpdate } from '../../schemas/pins.js';
import type { CreativeType, MediaSource, PinInput } from '../../services/pins.js';
import { appTypeOf } from '../../services/events.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';
import { check, enumList } from './validate.js';

type Params = Static<typeof PinParams>;

export function pinRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'pins/create', { body: PinCreate }, async (req, reply) => {
    const body = req.body as Static<typeof PinCreate>;
    const branch = MediaSourceBranches.find((b) => b.properties.source_type.const === body.media_source.source_type)!;
    const media_source = check<MediaSource>(branch, body.media_source, 'media_source');
    return reply.code(201).send(await ctx.pins.create(principalOf(req), { ...body, media_source } as PinInput));
  });

  apiRoute(app, 'pins/list', { querystring: PinListQuery }, async (req) => {
    const q = req.query as Static<typeof PinListQuery>;
    const creativeTypes = enumList(q.creative_types, CREATIVE_TYPES, 'creative_types') as CreativeType[] | undefined;
    const page = await ctx.pins.list(principalOf(req), {
      ...(q.pin_filter ? { pinFilter: q.pin_filter } : {}),
      ...(q.pin_type ? { pinType: q.pin_type } : {}),
      ...(creativeTypes ? { creativeTypes } : {}),
      includeProtectedPins: q.include_protected_pins === true,
    }, pageRequest(q));
    return q.pin_metrics ? { ...page, items: await ctx.analytics.withPinMetrics(page.items) } : page;
  });

  apiRoute(app, 'pins/get', { params: PinParams, querystring: PinGetQuery }, async (req) => {
    const pin = await ctx.pins.get(principalOf(req), (req.params as Params).pin_id);
    return (req.query as Static<typeof PinGetQuery>).pin_metrics ? (await ctx.analytics.withPinMetrics([pin]))[0] : pin;
  });

  apiRoute(app, 'pins/update', { params: PinParams, body: PinUpdate }, async (req) =>
    ctx.pins.update(principalOf(req), (req.params as Params).pin_id, req.body as PinInput));

  apiRoute(app, 'pins/delete', { params: PinParams }, async (req, reply) => {
    await ctx.pins.delete(principalOf(req), (req.params as Params).pin_id);
    return reply.code(204).send();
  });

  apiRoute(app, 'pins/save', { params: PinParams, body: PinSave }, async (req, reply) => {
    const body = (req.body ?? {}) as Static<typeof PinSave>;
    return reply.code(201).send(await ctx.pins.save(principalOf(req), (req.params as Params).pin_id, body.board_id, body.board_section_id, appTypeOf(req.headers['user-agent'])));
  });
}
