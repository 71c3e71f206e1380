// The static assets of the server-rendered pages. `/` is the React web app's (app-shell.ts).
import type { FastifyInstance } from 'fastify';
import { staticAssetRoutes } from './static-assets.js';

const AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" width="150" height="150" viewBox="0 0 150 150"><rect width="150" height="150" fill="#e9e9e9"/>'
  + '<circle cx="75" cy="58" r="28" fill="#b5b5b5"/><path d="M25 140c6-30 26-44 50-44s44 14 50 44z" fill="#b5b5b5"/></svg>';

export function homeRoutes(app: FastifyInstance): void {
  app.get('/assets/default-avatar.svg', async (_req, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(AVATAR));
  staticAssetRoutes(app);
}
