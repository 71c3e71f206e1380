// The v3 public widget endpoints and the pin count of a URL, as Pinterest's embed script calls them: no token,
// CORS open, JSONP with callback=. Envelope {"status":"success","code":0,"message":"ok","data":...}; failures
// {"status":"failure","code":<n>,"message":...,"data":null} with HTTP 404 (unknown or not public) or 400.
//   GET /v3/pidgets/pins/info/?pin_ids=1,2       data: [PIN | {"id","error"}] in the order asked (max 50 ids)
//   GET /v3/pidgets/boards/<user>/<board>/pins/  data: {pins: [PIN] (newest 50), board, user}
//   GET /v3/pidgets/sections/<user>/<board>/<section>/pins/  data: {pins, board, section, user}
//   GET /v3/pidgets/users/<user>/pins/           data: {pins, user}
//   GET /v1/urls/count.json?url=U                {"url": U, "count": n} (pins on public boards linking to U;
//                                                Pinterest's script asks with callback=..., so it gets JSONP)
// Shapes: services/pidgets.ts. The trailing slash is optional.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { Context } from '../../context.js';
import { ApiError, errors } from '../../lib/api-error.js';
import { viewerOf } from '../viewer.js';

/**
 * A JSONP callback: a dotted JavaScript name, optionally with numeric indexes, which is what Pinterest's own
 * pinit.js sends ("PIN_1700000000000.f.callback[0]"). Nothing else can reach the script.
 */
export const CALLBACK = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d{1,6}\])*$/;
const MAX_CALLBACK = 64;

type Query = Record<string, unknown>;
type Params = Record<string, string>;

function one(q: Query, name: string): string | undefined {
  const v = q[name];
  if (Array.isArray(v)) return v.map(String).join(',');
  return typeof v === 'string' ? v : undefined;
}

/** The callback= of a request: undefined when none; 400 when it is not a plain name. */
function callbackOf(q: Query): string | undefined {
  const cb = q.callback;
  if (cb === undefined || cb === '') return undefined;
  if (typeof cb !== 'string' || cb.length > MAX_CALLBACK || !CALLBACK.test(cb)) {
    throw errors.invalid('Invalid parameters: callback must be a JavaScript function name (letters, digits, _, $, dots, [n]).');
  }
  return cb;
}

function send(reply: FastifyReply, status: number, body: unknown, callback: string | undefined): FastifyReply {
  reply.code(status).header('access-control-allow-origin', '*').header('x-content-type-options', 'nosniff').header('cache-control', 'no-cache');
  if (!callback) return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  // U+2028/2029 are valid in JSON but ended JavaScript string literals before ES2019; escape them for old engines.
  const json = JSON.stringify(body).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return reply.type('application/javascript; charset=utf-8').send(`/**/ ${callback}(${json});`);
}

function failure(reply: FastifyReply, err: ApiError, callback: string | undefined): FastifyReply {
  return send(reply, err.status, { status: 'failure', code: err.code, message: err.message, data: null }, callback);
}

export function pidgetRoutes(app: FastifyInstance, ctx: Context): void {
  const pidgets = ctx.pidgets;
  /** Runs one widget call: validates callback=, renders success or failure, records what was shown. */
  const widget = (work: (params: Params, q: Query) => Promise<{ data: unknown; shown: Array<{ id: string; error?: string }> }>) =>
    async (req: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply) => {
      let callback: string | undefined;
      try {
        callback = callbackOf(req.query);
        const { data, shown } = await work(req.params, req.query);
        pidgets.recordShown(shown, viewerOf(req));
        return send(reply, 200, { status: 'success', code: 0, message: 'ok', data }, callback);
      } catch (err) {
        if (err instanceof ApiError) return failure(reply, err, err.status === 400 && !callback ? undefined : callback);
        req.log.error({ err }, 'widget failed');
        return failure(reply, new ApiError(500, 500, 'Internal error. It has been logged.'), callback);
      }
    };

  // pin_ids may be repeated as well as comma-separated; other parameters are given once (request-checks.ts).
  const pinIds: FastifySchema = { querystring: Type.Object({ pin_ids: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])) }) };
  const routes: Array<[string, ReturnType<typeof widget>, FastifySchema?]> = [
    ['/v3/pidgets/pins/info', widget(async (_p, q) => {
      const data = await pidgets.pinsInfo(one(q, 'pin_ids') ?? '');
      return { data, shown: data };
    }), pinIds],
    ['/v3/pidgets/boards/:user/:board/pins', widget(async (p) => {
      const data = await pidgets.board(p.user!, p.board!);
      return { data, shown: data.pins };
    })],
    ['/v3/pidgets/sections/:user/:board/:section/pins', widget(async (p) => {
      const data = await pidgets.section(p.user!, p.board!, p.section!);
      return { data, shown: data.pins };
    })],
    ['/v3/pidgets/users/:user/pins', widget(async (p) => {
      const data = await pidgets.userPins(p.user!);
      return { data, shown: data.pins };
    })],
  ];
  for (const [path, handler, schema = {}] of routes) {
    app.get(path, { schema }, handler);
    app.get(`${path}/`, { schema }, handler);
  }

  app.get('/v1/urls/count.json', async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
    let callback: string | undefined;
    try {
      callback = callbackOf(req.query);
      return send(reply, 200, await pidgets.urlCount(one(req.query, 'url') ?? ''), callback);
    } catch (err) {
      if (err instanceof ApiError) return failure(reply, err, undefined);
      throw err;
    }
  });
}
