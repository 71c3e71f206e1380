// Every answer carries its request's id as x-pinterest-rid, as Pinterest's do; the request's log lines carry it too
// (Fastify logs req.id as reqId). A caller's own X-Request-Id is kept when it is a sane token, so logs can be joined.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-pinterest-rid';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function newRequestId(): string {
  return randomUUID().replace(/-/g, '');
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
