// The download API as the hosted Pinterest downloaders expose it, so their client snippets (Python, JS, PHP,
// curl) work by changing only the host: POST /api/v1/submit/ {url} -> {uuid}; POST /api/v1/results/ {uuid} ->
// {loading: true} until done. Form-encoded or JSON bodies; the API key alone in the Authorization header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../context.js';

function field(req: FastifyRequest, name: string): unknown {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  return body[name] ?? (req.query as Record<string, unknown>)[name];
}

export function downloadApiRoutes(app: FastifyInstance, ctx: Context): void {
  for (const path of ['/api/v1/submit/', '/api/v1/submit']) {
    app.post(path, async (req) => {
      const key = await ctx.downloads.authenticate(req.headers.authorization);
      return ctx.downloads.submit(key, field(req, 'url'), field(req, 'callback_url'));
    });
  }
  for (const path of ['/api/v1/results/', '/api/v1/results']) {
    app.post(path, async (req) => {
      const key = await ctx.downloads.authenticate(req.headers.authorization);
      return ctx.downloads.results(key, field(req, 'uuid'));
    });
  }
}
