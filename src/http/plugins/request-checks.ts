// Checks every request gets before its route validates it, so no route has to remember them:
// - no NUL character in any text (path segment, query or body field): PostgreSQL refuses NUL in text where SQLite
//   stores it, so both databases answer the same 400 naming the field;
// - HTTP/1.1 without Host answers 400 as Node would, but in {code, message} (Node's own answer has no body);
// - a query parameter given twice answers 400 unless the route's schema takes a list there (repeats arrive as arrays).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../../lib/api-error.js';
import { schemaTypes, type PropertySchema } from './schema-types.js';

const MAX_DEPTH = 32;

/** The name of the first field whose text (or name) holds a NUL, as a client wrote it; null when none does. */
export function nulField(value: unknown, at = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\0') ? at || 'body' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulField(value[i], `${at}[${i}]`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key in value) { // for-in, not Object.entries: this runs on every request
    if (!Object.hasOwn(value, key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (key.includes('\0')) return (at ? `${at}.${key}` : key).replace(/\0/g, '\\0');
    if (typeof v === 'string' ? !v.includes('\0') : v === null || typeof v !== 'object') continue;
    const found = nulField(v, at ? `${at}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Throws the edge's 400 when `value` holds a NUL; for text a route parses itself (JSON inside a parameter). */
export function refuseNul(value: unknown, at = ''): void {
  const field = nulField(value, at);
  if (field !== null) throw errors.invalid(`Invalid parameters: ${field} must not contain NUL characters.`);
}


/** The first query parameter given more than once where the route takes one value; null when none is. */
function repeatedParam(req: FastifyRequest): string | null {
  const query = req.query as Record<string, unknown> | undefined;
  if (!query || typeof query !== 'object') return null;
  for (const key in query) {
    if (!Array.isArray(query[key])) continue;
    const properties = (req.routeOptions.schema?.querystring as { properties?: Record<string, PropertySchema> } | undefined)?.properties;
    if (!schemaTypes(properties?.[key]).includes('array')) return key;
  }
  return null;
}

export function registerRequestChecks(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.raw.httpVersion === '1.1' && req.headers.host === undefined) return done(errors.invalid('Invalid request: the Host header is required.'));
    done();
  });
  app.addHook('preValidation', (req, _reply, done) => {
    try {
      refuseNul(req.params); refuseNul(req.query); refuseNul(req.body);
    } catch (err) {
      return done(err as Error);
    }
    const repeated = repeatedParam(req);
    if (repeated !== null) return done(errors.invalid(`Invalid parameters: ${repeated} must be given once.`));
    done();
  });
}
