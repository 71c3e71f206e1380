// Declares a /v5 route by its operationId: method and path come from Pinterest's spec, so they cannot drift.
import type { FastifyInstance, FastifySchema, RouteHandlerMethod } from 'fastify';
import { operation, routePath } from '../../schemas/operations.js';

export function apiRoute(app: FastifyInstance, operationId: string, schema: FastifySchema, handler: RouteHandlerMethod): void {
  const op = operation(operationId);
  app.route({ method: op.method as 'GET', url: routePath(op), schema, config: { operationId }, handler });
}
