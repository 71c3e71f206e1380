// The React web app (web/, built by Vite into dist/web): its HTML shell on the app's paths, its files under
// /static/. Built names carry a content hash (/static/assets/<name>-<hash>.js), so browsers keep them for a year;
// the shell itself is revalidated, so a new build is picked up at once. The shell loads only files from this
// origin (no inline script or style), so the pages' CSP (security-headers.ts) applies as it stands.
// Without a build (dist/web missing) these paths answer 503 saying so, and the server still starts.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { errors } from '../../lib/api-error.js';

/** dist/web of the checkout or package: three levels up from both src/http/web/ and dist/http/web/. */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** The paths the app has a page for, as Pinterest spells them, with and without the trailing slash. */
export const APP_PATHS = ['/', ...['login', 'signup', 'settings', 'pin-builder', 'search/pins', 'search/boards', 'analytics'].flatMap((p) => [`/${p}`, `/${p}/`])];

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

const notBuilt = () => errors.unavailable('The web app is not built: run `npm run build`.');

export function appShellRoutes(app: FastifyInstance, root = WEB_ROOT): void {
  const shell = () => readFile(path.join(root, 'index.html'), 'utf8').catch(() => { throw notBuilt(); });
  for (const p of APP_PATHS) {
    app.get(p, async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await shell()));
  }

  app.get<{ Params: { '*': string } }>('/static/*', async (req, reply) => {
    const rel = req.params['*'];
    const file = path.join(root, rel);
    // Only files inside dist/web, by a path without dot segments or hidden names.
    if (!rel || rel.split('/').some((s) => s === '' || s.startsWith('.')) || !file.startsWith(root)) throw errors.notFound('No such file.');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      if (!(await stat(root).catch(() => null))) throw notBuilt();
      throw errors.notFound('No such file.');
    }
    return reply
      .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
      .header('content-length', info.size)
      .header('cache-control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
      .send(createReadStream(file));
  });
}
