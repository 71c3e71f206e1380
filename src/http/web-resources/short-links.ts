// GET|HEAD /url_shortener/<code>/redirect/: Corkboard's pin.it. A code (see lib/short-links.ts) answers 302 to
// the absolute web URL of its pin (/pin/<id>/) or board (/<user>/<slug>/, the board's current slug); codes of
// unknown, deleted or non-public items answer 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { ApiError } from '../../lib/api-error.js';

export function shortLinkRoutes(app: FastifyInstance, ctx: Context): void {
  const handler = async (req: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) => {
    try {
      const to = await ctx.publicContent.shortLinkTarget(req.params.code);
      return reply.code(302).header('location', to).header('cache-control', 'no-store').send();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return reply.code(404).type('application/json; charset=utf-8').send({ code: 404, message: err.message });
      throw err;
    }
  };
  app.get('/url_shortener/:code/redirect/', handler);
  app.get('/url_shortener/:code/redirect', handler);
}
