// One error handler: every failure leaves as {code, message} with Pinterest's codes; 5xx details stay in the log.
// The framework's own refusals (bad URLs, over-long ids, and what Node's HTTP parser rejects) answer alike.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, errors } from '../../lib/api-error.js';
import { OPERATIONS } from '../../schemas/operations.js';
import { newRequestId, REQUEST_ID_HEADER } from './request-id.js';

interface ValidationIssue { instancePath?: string; message?: string; params?: Record<string, unknown>; keyword?: string }

/** "field: problem" for the first validation failure, naming the field the way a client wrote it. */
function describeValidation(err: FastifyError): string {
  const issue = (err.validation?.[0] ?? {}) as ValidationIssue;
  const where = err.validationContext ?? 'request';
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  let field = path;
  if (issue.keyword === 'required' && typeof issue.params?.missingProperty === 'string') {
    field = path ? `${path}.${issue.params.missingProperty}` : issue.params.missingProperty;
    return `Invalid ${where}: ${field} is required.`;
  }
  if (issue.keyword === 'enum' && Array.isArray(issue.params?.allowedValues)) {
    return `Invalid ${where}: ${field || where} must be one of ${issue.params.allowedValues.join(', ')}.`;
  }
  if (issue.keyword === 'additionalProperties' && typeof issue.params?.additionalProperty === 'string') {
    return `Invalid ${where}: unknown field ${path ? `${path}.` : ''}${issue.params.additionalProperty}.`;
  }
  return `Invalid ${where}: ${field || where} ${issue.message ?? 'is not valid'}.`;
}

export function toApiError(err: FastifyError | ApiError | Error): ApiError {
  if (err instanceof ApiError) return err;
  const fe = err as FastifyError;
  if (fe.validation) return errors.invalid(describeValidation(fe));
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.invalid(`Invalid request body: ${fe.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.payloadTooLarge('Request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 1, `Unsupported content type: ${fe.message}`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.invalid('Invalid request: Content-Length does not match the body.');
  }
  // PostgreSQL refuses NUL in text (SQLite stores it): the edge check (request-checks.ts) names the field; this
  // catches any text it cannot see, such as JSON inside a query parameter.
  const pgCode = (err as { code?: unknown }).code;
  if (pgCode === '22021' || pgCode === '22P05') return errors.invalid('Invalid request: text must not contain NUL characters.');
  if (fe instanceof SyntaxError || (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)) {
    return new ApiError(fe.statusCode ?? 400, 1, `Invalid request: ${fe.message}`);
  }
  return new ApiError(500, 500, 'Internal error. It has been logged.');
}

export function sendError(reply: FastifyReply, err: ApiError): FastifyReply {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return reply.code(err.status).type('application/json; charset=utf-8').send({ code: err.code, message: err.message });
}

// Spec paths as matchers, so a known-but-unbuilt operation says so instead of answering a bare 404.
const SPEC_ROUTES = Object.entries(OPERATIONS).map(([id, op]) => ({
  id,
  method: op.method,
  regex: new RegExp(`^/v5${op.path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
}));

export function registerErrorHandling(app: FastifyInstance): void {
  // While the server closes, requests still arriving on open connections are turned away (Fastify sends
  // Connection: close with them), in the shape of every other error; the app is built with return503OnClosing off.
  let closing = false;
  app.addHook('preClose', (done) => { closing = true; done(); });
  app.addHook('onRequest', (_req, _reply, done) => done(closing ? errors.unavailable('The server is shutting down; try again.') : undefined));
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500) req.log.error({ err }, 'request failed');
    return sendError(reply, apiError);
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const known = SPEC_ROUTES.find((r) => r.method === req.method && r.regex.test(path));
    if (known) return sendError(reply, errors.notImplemented(`${known.id} (${req.method} ${path})`));
    return sendError(reply, errors.notFound(`Not found: ${req.method} ${path}`));
  });
}

/** Fastify's frameworkErrors: what the router refuses before any route runs. */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header(REQUEST_ID_HEADER, req.id);
  if (err.code === 'FST_ERR_BAD_URL') return sendError(reply, errors.invalid('Invalid request: the path holds a malformed %-escape.'));
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendError(reply, new ApiError(414, 414, 'Invalid request: a path segment is too long.'));
  req.log.error({ err }, 'request failed');
  return sendError(reply, new ApiError(500, 500, 'Internal error. It has been logged.'));
}

interface ConnectionError extends Error { code?: string }

/** Fastify's clientErrorHandler: Node's parser refused the request (or it came too slowly); answer and hang up. */
export function clientError(this: FastifyInstance, err: ConnectionError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 408, 'Request timeout: the request did not arrive in time.']
      : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 431, 'Request headers (or the URL) are too large.']
        : [400, 1, 'Invalid request: malformed HTTP.'];
  this.log.debug({ err }, 'client error');
  // An answer under way cannot take another in front of it; nor does a request answered before its body came
  // in (a 401 from onRequest, say: Node then discards the rest) get a second one (Node internals, read-only).
  const internals = socket as Socket & { _httpMessage?: { headersSent?: boolean }; parser?: { incoming?: { _dumped?: boolean } } };
  const answered = internals._httpMessage?.headersSent || internals.parser?.incoming?._dumped;
  if (socket.writable && !answered) {
    const body = JSON.stringify({ code, message });
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\n${REQUEST_ID_HEADER}: ${newRequestId()}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
