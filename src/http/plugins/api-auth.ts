// Authentication, scope checks and rate limits for every /v5 route, driven by the spec's operation table:
// a route names its operationId and this hook does the rest. No route checks scopes by hand. The caller is a
// bearer token's, or, without an Authorization header, the web app's logged-in person (cb_session cookie).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { errors } from '../../lib/api-error.js';
import { checkScopes, type Principal } from '../../services/oauth.js';
import { operation, type OperationSpec } from '../../schemas/operations.js';
import type { RateCategory } from '../../config.js';
import { parseCookies, SESSION_COOKIE } from '../session-cookie.js';
import { checkCsrfProof } from '../app-api/csrf-proof.js';

declare module 'fastify' {
  interface FastifyContextConfig { operationId?: string }
  interface FastifyRequest { principal?: Principal; operation?: OperationSpec }
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw errors.authFailed();
  return req.principal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The web app's caller: with no Authorization header, a live cb_session cookie acts as its user through the
 * first-party web app (WEB_APP_ID, every organic scope); a state-changing call also needs the CSRF proof. The
 * Cookie header is parsed here, and only then, since /v5 is outside the web scope that parses cookies.
 */
async function cookiePrincipal(ctx: Context, req: FastifyRequest): Promise<Principal | null> {
  if (req.headers.authorization !== undefined || !req.headers.cookie) return null;
  const cookies = parseCookies(req.headers.cookie);
  const user = await ctx.sessions.user(cookies[SESSION_COOKIE]);
  if (!user) return null;
  if (!SAFE_METHODS.has(req.method)) checkCsrfProof(req, cookies, ctx.config.publicUrl);
  return ctx.sessions.principalFor(user);
}

export function registerApiAuth(app: FastifyInstance, ctx: Context): void {
  const { windowSeconds, perCategory } = ctx.config.rateLimits;
  app.addHook('onRequest', async (req, reply) => {
    const operationId = req.routeOptions.config.operationId;
    if (!operationId) return;
    const op = operation(operationId);
    req.operation = op;
    let key: string;
    if (op.basic) {
      key = `ip:${req.ip}`; // the token endpoints authenticate the app themselves, from the body's grant
    } else {
      req.principal = (await cookiePrincipal(ctx, req)) ?? await ctx.oauth.authenticate(req.headers.authorization);
      key = `${req.principal.user.id}:${req.principal.appId}`;
    }
    const limit = perCategory[op.category as RateCategory] ?? perCategory.default;
    const rl = await ctx.rateLimiter.hit(`${op.category}:${key}`, limit, windowSeconds);
    reply.header('x-ratelimit-limit', String(rl.limit));
    reply.header('x-ratelimit-remaining', String(Math.max(0, rl.remaining)));
    reply.header('x-ratelimit-reset', String(rl.resetSeconds));
    if (!rl.allowed) throw errors.rateLimited(rl.resetSeconds);
    if (req.principal) checkScopes(op, req.principal);
    // Many organic operations take ad_account_id (act as that ad account's owner); Corkboard has no ad accounts.
    if ((req.query as Record<string, unknown> | undefined)?.ad_account_id !== undefined) {
      throw errors.invalid('Invalid parameters: ad_account_id is not supported (Corkboard has no ad accounts).');
    }
  });
}
