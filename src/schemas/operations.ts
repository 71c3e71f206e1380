// The operation table drives authentication, scope checks and rate limits for every /v5 route
// (one mechanism, from the spec's own lists; see operations.generated.ts).
import { OPERATIONS, SCOPE_DESCRIPTIONS } from './operations.generated.js';
import type { RateCategory } from '../config.js';

export interface OperationSpec {
  method: string;
  /** Path relative to /v5, with {param} placeholders as the spec writes them. */
  path: string;
  tag: string | null;
  /** Scopes a user token must hold (all of them); null when user OAuth tokens are not accepted. */
  oauth: string[] | null;
  /** Scopes a client_credentials token must hold; null when such tokens are refused. */
  clientCredentials: string[] | null;
  /** True for the token endpoints, authenticated with the app's HTTP Basic credentials. */
  basic: boolean;
  category: RateCategory | string;
}

export function operation(operationId: string): OperationSpec {
  const op = OPERATIONS[operationId];
  if (!op) throw new Error(`unknown operationId ${operationId}`);
  return op;
}

/** Fastify's form of the spec's path: /v5 prefix, {param} -> :param. */
export function routePath(op: OperationSpec): string {
  return '/v5' + op.path.replace(/\{(\w+)\}/g, ':$1');
}

/** Every organic scope, in the order CONTRACT.md lists them (what `--scopes all` grants). */
export const ORGANIC_SCOPES = [
  'boards:read', 'boards:read_secret', 'boards:write', 'boards:write_secret',
  'pins:read', 'pins:read_secret', 'pins:write', 'pins:write_secret',
  'user_accounts:read', 'user_accounts:write',
] as const;

export const KNOWN_SCOPES = Object.keys(SCOPE_DESCRIPTIONS);

export function scopeDescription(scope: string): string {
  return SCOPE_DESCRIPTIONS[scope] ?? scope;
}

export { OPERATIONS };
