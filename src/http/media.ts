// GET/HEAD /media/<key>: serves stored media the way a CDN would. Keys are write-once, so answers are
// cacheable forever, the ETag comes from the key, and byte ranges are honoured (video players seek with them).
// Like Pinterest's image hosts, the URLs are unguessable but not access-checked.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import type { BlobRange } from '../adapters/blob-store/blob-store.js';

/** The single range of a `Range: bytes=...` header against `size`; null for none, 'unsatisfiable' when out of bounds. */
export function parseRange(header: string | undefined, size: number): BlobRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null; // multiple or malformed ranges: send the whole object
  let start: number;
  let end: number;
  if (m[1] === '') { start = Math.max(0, size - Number(m[2])); end = size - 1; } // suffix: the last N bytes
  else { start = Number(m[1]); end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1); }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

export function mediaRoutes(app: FastifyInstance, ctx: Context): void {
  const handler = async (req: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const key = req.params['*'];
    const missing = () => reply.code(404).send({ code: 404, message: 'Media not found.' });
    const info = await ctx.blobs.stat(key);
    if (!info) return missing();
    const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable').header('accept-ranges', 'bytes')
      .header('content-type', info.contentType).header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox"); // media shares the session's origin: never a page
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    const range = parseRange(req.headers.range, info.size);
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${info.size}`).send();
    const obj = await ctx.blobs.get(key, range ?? undefined);
    if (!obj) return missing();
    if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${obj.size}`);
    return reply.header('content-length', range ? range.end - range.start + 1 : obj.size).send(obj.body);
  };
  app.get('/media/*', handler); // Fastify answers HEAD through the same handler
}
