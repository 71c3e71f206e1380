// The front page and static assets of the web side. The React web app will take over `/` in its own issue.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import { SPEC_VERSION } from '../../schemas/operations.generated.js';
import { html, page } from './html.js';
import { staticAssetRoutes } from './static-assets.js';

const AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" width="150" height="150" viewBox="0 0 150 150"><rect width="150" height="150" fill="#e9e9e9"/>'
  + '<circle cx="75" cy="58" r="28" fill="#b5b5b5"/><path d="M25 140c6-30 26-44 50-44s44 14 50 44z" fill="#b5b5b5"/></svg>';

export function homeRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/', async (_req, reply) => {
    reply.type('text/html; charset=utf-8');
    return page('Corkboard', html`<h1>Corkboard</h1>
<p>A self-hosted server that speaks Pinterest's API v5 (spec ${SPEC_VERSION}).</p>
<p class="muted">API: <code>${ctx.config.publicUrl}/v5</code> · OAuth: <code>${ctx.config.publicUrl}/oauth/</code></p>`);
  });
  app.get('/assets/default-avatar.svg', async (_req, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(AVATAR));
  staticAssetRoutes(app);
}
