// One error handler: every failure leaves as {code, message} with Pinterest's codes; 5xx details stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, errors } from '../../lib/api-error.js';
import { OPERATIONS } from '../../schemas/operations.js';

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
