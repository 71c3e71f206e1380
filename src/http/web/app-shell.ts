// The React web app (web/, built by Vite into dist/web): its HTML shell on the app's paths, its files under
// /static/. Built names carry a content hash (/static/assets/<name>-<hash>.js), so browsers keep them for a year;
// the shell itself is revalidated, so a new build is picked up at once. The shell loads only files from this
// origin (no inline script or style), so the pages' CSP (security-headers.ts) applies as it stands.
// Scripts and stylesheets go gzipped to browsers that take it, from the NAME.gz the build writes beside each
// (web/vite.config.ts): compressed once, at build, never per request.
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
export const APP_PATHS = ['/', ...['login', 'signup', 'settings', 'pin-builder', 'search/pins', 'search/boards', 'downloads', 'developers', 'developers/apps', 'developers/api-keys', 'analytics'].flatMap((p) => [`/${p}`, `/${p}/`])];

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/** Types the build precompresses. */
const PRECOMPRESSED = new Set(['.js', '.css']);

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return String(header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';').map((x) => x.trim());
    return (coding === 'gzip' || coding === '*') && !params.some((p) => /^q=0(\.0{0,3})?$/.test(p));
  });
}

const notBuilt = () => errors.unavailable('The web app is not built: run `npm run build`.');

/** The built shell's text, or null when there is no build. */
export const readShell = (root = WEB_ROOT) => readFile(path.join(root, 'index.html'), 'utf8').catch(() => null);

/** What a shareable page adds to the shell: its title, head tags (Open Graph) and a body for visitors without JavaScript. */
export interface ShellPage { title: string; head: string; noscript: string }

/** The shell with a page's title and tags in its head, and its no-script body after the app's root. */
export function fillShell(shell: string, page: ShellPage): string {
  return shell
    .replace(/<title>[^<]*<\/title>/, () => `<title>${page.title}</title>\n${page.head}`)
    .replace('<div id="root"></div>', () => `<div id="root"></div><noscript>${page.noscript}</noscript>`);
}

export function appShellRoutes(app: FastifyInstance, root = WEB_ROOT): void {
  const shell = async () => (await readShell(root)) ?? (() => { throw notBuilt(); })();
  for (const p of APP_PATHS) {
    app.get(p, async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await shell()));
  }

  app.get<{ Params: { '*': string } }>('/static/*', async (req, reply) => {
    const rel = req.params['*'];
    const file = path.join(root, rel);
    // Only files inside dist/web, by a path without dot segments or hidden names.
    // The .gz copies are how files are sent, not files of their own.
    if (!rel || rel.split('/').some((s) => s === '' || s.startsWith('.')) || rel.endsWith('.gz') || !file.startsWith(root)) throw errors.notFound('No such file.');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      if (!(await stat(root).catch(() => null))) throw notBuilt();
      throw errors.notFound('No such file.');
    }
    reply
      .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
      .header('cache-control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    if (PRECOMPRESSED.has(path.extname(file))) {
      reply.header('vary', 'accept-encoding');
      const gz = acceptsGzip(req.headers['accept-encoding']) ? await stat(`${file}.gz`).catch(() => null) : null;
      if (gz?.isFile()) return reply.header('content-encoding', 'gzip').header('content-length', gz.size).send(createReadStream(`${file}.gz`));
    }
    return reply.header('content-length', info.size).send(createReadStream(file));
  });
}
