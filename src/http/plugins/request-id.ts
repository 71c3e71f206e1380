// Every answer carries its request's id as x-pinterest-rid, as Pinterest's do; the request's log lines carry it too
// (Fastify logs req.id as reqId). A caller's own X-Request-Id is kept when it is a sane token, so logs can be joined.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-pinterest-rid';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

// A random prefix per process and a counter: unique across instances and restarts, and cheap per request.
const PREFIX = randomBytes(8).toString('hex');
let counter = 0;

export function newRequestId(): string {
  return PREFIX + (++counter).toString(16).padStart(8, '0');
}

/** Fastify's genReqId. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE.test(given) ? given : newRequestId();
}

export function registerRequestId(app: FastifyInstance): void {
  // onRequest, so answers of every kind (errors, 404s, hooks that reply early) carry it.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header(REQUEST_ID_HEADER, req.id);
    done();
  });
}
