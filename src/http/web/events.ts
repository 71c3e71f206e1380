// Where the web side reports what people do, for analytics:
//   POST /events/beacon               {"events":[{"id","type","pin_id","watched_ms"?}]} (JSON, or text/plain as
//                                     navigator.sendBeacon sends it) -> 202 {"recorded","duplicates","ignored"}
//   GET  /events/outbound/<pin_id>/   records an OUTBOUND_CLICK and redirects (302) to the pin's own link
// The signed-in user (session cookie) is the actor; otherwise the viewer is anonymous, told apart by address.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { ApiError, errors } from '../../lib/api-error.js';
import { sameSite } from './csrf.js';
import { viewerOf } from '../viewer.js';
import { SESSION_COOKIE } from './oauth-page.js';

/** Beacons one address may send a minute: a page of pins and a video player stay far below it. */
const BEACONS_PER_MINUTE = 600;

export function eventRoutes(app: FastifyInstance, ctx: Context): void {
  const viewer = async (req: FastifyRequest) => viewerOf(req, (await ctx.sessions.user(req.cookies[SESSION_COOKIE]))?.id ?? null);

  app.register(async (scope) => {
    scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      try { done(null, JSON.parse(body as string)); } catch { done(errors.invalid('Invalid parameters: the beacon body must be JSON.')); }
    });
    scope.post('/events/beacon', { bodyLimit: 64 * 1024 }, async (req, reply) => {
      // Only this site's own pages report activity: another site could otherwise have its visitors send beacons.
      if (!sameSite(req, ctx.config.publicUrl)) throw errors.notPermitted();
      const rl = await ctx.rateLimiter.hit(`beacon:${req.ip}`, BEACONS_PER_MINUTE, 60);
      if (!rl.allowed) throw errors.rateLimited(rl.resetSeconds);
      return reply.code(202).send(await ctx.events.beacon(await viewer(req), req.body));
    });
  });

  const outbound = async (req: FastifyRequest<{ Params: { pinId: string } }>, reply: FastifyReply) => {
    const target = await ctx.events.outbound(await viewer(req), req.params.pinId, async (id) => {
      try { return (await ctx.publicContent.pin(id)).link; } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    }, req.method === 'GET'); // a HEAD (link checkers) is not a click
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer-when-downgrade').redirect(target, 302);
  };
  app.get('/events/outbound/:pinId', outbound);
  app.get('/events/outbound/:pinId/', outbound);
}
