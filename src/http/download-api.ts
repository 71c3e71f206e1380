// The download API as the hosted Pinterest downloaders expose it, so their client snippets (Python, JS, PHP,
// curl) work by changing only the host: POST /api/v1/submit/ {url} -> {uuid}; POST /api/v1/results/ {uuid} ->
// {loading: true} until done. Form-encoded, multipart (curl -F, PHP's curl given an array, FormData) or JSON
// bodies, with the query string as a fallback; the API key alone in the Authorization header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart'; // request.parts() and isMultipart()
import type { Context } from '../context.js';
import { ApiError, errors } from '../lib/api-error.js';

/** Text fields only, and few and short: a url, a callback_url or a uuid. */
const MULTIPART_LIMITS = { fields: 20, fieldSize: 4096, files: 1, fileSize: 64 * 1024 };

/** The text fields of a multipart body; 400 naming the field for a file or an oversize value. */
async function multipartFields(req: FastifyRequest): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  let refused: ApiError | null = null;
  try {
    for await (const part of req.parts({ limits: MULTIPART_LIMITS })) {
      if (part.type === 'file') {
        part.file.resume(); // drained, so the rest of the form is still read and the answer is not cut off
        refused ??= errors.invalid(`Invalid parameters: ${part.fieldname} must be a text field, not a file.`);
      } else if (part.valueTruncated) {
        refused ??= errors.invalid(`Invalid parameters: ${part.fieldname} must be at most ${MULTIPART_LIMITS.fieldSize} bytes.`);
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if (refused) throw refused;
    const code = (err as { code?: string }).code;
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw errors.invalid(`Invalid request body: at most ${MULTIPART_LIMITS.fields} fields.`);
    if (code === 'FST_FILES_LIMIT') throw errors.invalid('Invalid request body: files are not accepted, only text fields.');
    if (code === 'FST_PROTO_VIOLATION') throw errors.invalid('Invalid request body: a field name is not allowed.');
    throw errors.invalid(`Invalid request body: the multipart/form-data could not be read (${(err as Error).message}).`);
  }
  if (refused) throw refused;
  return fields;
}

/** The request's fields: its body's (JSON, urlencoded or multipart), then its query string's. */
async function fieldsOf(req: FastifyRequest): Promise<(name: string) => unknown> {
  const body = req.isMultipart() ? await multipartFields(req)
    : req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  return (name) => body[name] ?? (req.query as Record<string, unknown>)[name];
}

export function downloadApiRoutes(app: FastifyInstance, ctx: Context): void {
  for (const path of ['/api/v1/submit/', '/api/v1/submit']) {
    app.post(path, async (req) => {
      const key = await ctx.downloads.authenticate(req.headers.authorization);
      const field = await fieldsOf(req);
      return ctx.downloads.submit(key, field('url'), field('callback_url'));
    });
  }
  for (const path of ['/api/v1/results/', '/api/v1/results']) {
    app.post(path, async (req) => {
      const key = await ctx.downloads.authenticate(req.headers.authorization);
      const field = await fieldsOf(req);
      return ctx.downloads.results(key, field('uuid'));
    });
  }
}
