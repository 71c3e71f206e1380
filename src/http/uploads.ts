// POST /uploads/: the upload_url of embedded deployments. It behaves as S3's browser-upload endpoint does, so
// Pinterest's clients upload unchanged: form fields first, the file last; the policy's signature, expiry, key and
// size range enforced; 204 on success; S3's XML errors otherwise (a body that is not well-formed multipart, such as
// one without a boundary, is S3's 400 MalformedPOSTRequest). The file streams to disk, never into memory.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type {} from '@fastify/multipart'; // request.parts() and isMultipart()
import type { Context } from '../context.js';
import { PolicyError } from '../lib/post-policy.js';
import { escapeHtml } from './web/html.js';

function s3Error(reply: FastifyReply, err: PolicyError) {
  return reply.code(err.status).type('application/xml').send(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${err.code}</Code><Message>${escapeHtml(err.message)}</Message></Error>`);
}

/** Counts bytes through a stream and stops it once past `max`. */
function capped(max: number): Transform & { bytes: number } {
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      t.bytes += chunk.length;
      if (t.bytes > max) return done(new PolicyError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.'));
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  t.bytes = 0;
  return t;
}

const malformed = () => new PolicyError(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');

export function uploadRoutes(app: FastifyInstance, ctx: Context): void {
  app.post('/uploads/', async (req, reply) => {
    if (!req.isMultipart()) return s3Error(reply, new PolicyError(412, 'PreconditionFailed', 'Bucket POST must be of the enclosure-type multipart/form-data.'));
    if (!/;\s*boundary=[^;\s]/i.test(req.headers['content-type'] ?? '')) return s3Error(reply, malformed());
    const fields: Record<string, string> = {};
    try {
      for await (const part of req.parts({ limits: { fileSize: ctx.config.video.maxBytes + 1, fields: 50, fieldSize: 64 * 1024, files: 1 } })) {
        if (part.type === 'field') { fields[part.fieldname] = String(part.value); continue; }
        const policy = ctx.media.localUploads.check(fields);
        const media = await ctx.media.awaitingUpload(policy.key);
        if (!media) throw new PolicyError(403, 'AccessDenied', 'This upload has already been received or was never granted.');
        const dir = await mkdtemp(path.join(os.tmpdir(), 'corkboard-upload-'));
        try {
          const file = path.join(dir, 'upload');
          const counter = capped(policy.maxBytes);
          await pipeline(part.file, counter, createWriteStream(file));
          if (part.file.truncated) throw new PolicyError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
          if (counter.bytes < Math.max(1, policy.minBytes)) throw new PolicyError(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.');
          await ctx.blobs.putFile(policy.key, file, fields['Content-Type'] ?? 'application/octet-stream');
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
        await ctx.media.uploaded(media.id);
        return reply.code(204).send();
      }
    } catch (err) {
      if (err instanceof PolicyError) return s3Error(reply, err);
      // The multipart reader's refusals (a body cut short, too many parts) are the client's, never a 500.
      const status = (err as { statusCode?: number }).statusCode;
      if (status !== undefined && status >= 400 && status < 500) return s3Error(reply, malformed());
      throw err;
    }
    return s3Error(reply, new PolicyError(400, 'InvalidArgument', 'POST requires exactly one file upload per request.'));
  });
}
