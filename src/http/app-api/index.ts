// Corkboard's own JSON API for its web app (/api/app/): the session, sign-up, log-in and log-out. Each route is
// registered from the table in routes.ts (body schema included), the table the OpenAPI document is made from.
// Registered in the web scope, where cookies are parsed. Every POST needs the CSRF proof (csrf-proof.ts), log-in
// and sign-up too, so no other site can log a browser into an account of its choosing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { ApiError, errors } from '../../lib/api-error.js';
import type { UserRow } from '../../repositories/users.js';
import { profileImageUrl } from '../../services/account-settings.js';
import { csrfToken } from '../web/csrf.js';
import { clearSessionCookie, secureCookies, SESSION_COOKIE, setSessionCookie } from '../session-cookie.js';
import { checkCsrfProof } from './csrf-proof.js';
import { APP_ROUTES, type AppRoute } from './routes.js';
import { pageHandlers } from './pages.js';
import { downloadHandlers } from './downloads.js';
import { consoleHandlers } from './console.js';
import { accountHandlers } from './account.js';
import { feedHandlers } from './feed.js';
import { profileHandlers } from './profiles.js';
import type { CredentialsBody, UserBody } from './schemas.js';

type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
/** Registers one route of the table with its handler: each feature's handlers file takes this. */
export type RouteFn = (spec: AppRoute, handler: Handler) => void;

/** What the web app is told about an account: only what it has. */
function userBody(user: UserRow, publicUrl: string): UserBody {
  return {
    id: user.id,
    username: user.username,
    ...(user.business_name ? { full_name: user.business_name } : {}),
    ...(user.profile_image ? { profile_image: profileImageUrl(user, publicUrl) } : {}),
  };
}

export function appApiRoutes(app: FastifyInstance, ctx: Context): void {
  const route: RouteFn = (spec, handler) => void app.route({
    method: spec.method,
    url: spec.path,
    schema: { ...(spec.params ? { params: spec.params } : {}), ...(spec.query ? { querystring: spec.query } : {}), ...(spec.body ? { body: spec.body } : {}) },
    // Before the body is read: a cross-site or unproven request is refused whatever it carries.
    onRequest: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (spec.csrf) checkCsrfProof(req, req.cookies, ctx.config.publicUrl);
    },
    handler,
  });
  const csrf = (req: FastifyRequest, reply: FastifyReply) => csrfToken(req, reply, secureCookies(ctx));

  route(APP_ROUTES.session, async (req, reply) => {
    const user = await ctx.sessions.user(req.cookies[SESSION_COOKIE]);
    return { user: user ? userBody(user, ctx.config.publicUrl) : null, csrf_token: csrf(req, reply) };
  });

  route(APP_ROUTES.signup, async (req, reply) => {
    if (ctx.config.signup === 'closed') {
      throw new ApiError(403, 403, 'Sign-up is closed on this server (CORKBOARD_SIGNUP=closed): ask its administrator for an account.');
    }
    const body = req.body as CredentialsBody;
    const user = await ctx.users.create({ username: body.username, password: body.password });
    await ctx.sessions.logOut(req.cookies[SESSION_COOKIE]); // a browser holds one session: the one it had ends
    setSessionCookie(reply, ctx, await ctx.sessions.open(user));
    return reply.code(201).send({ user: userBody(user, ctx.config.publicUrl), csrf_token: csrf(req, reply) });
  });

  route(APP_ROUTES.login, async (req, reply) => {
    const body = req.body as CredentialsBody;
    const session = await ctx.sessions.logIn(body.username, body.password, req.ip); // throttled: 429 + Retry-After
    if (!session) throw errors.authFailed('Wrong username or password.');
    await ctx.sessions.logOut(req.cookies[SESSION_COOKIE]);
    setSessionCookie(reply, ctx, session.sessionId);
    return { user: userBody(session.user, ctx.config.publicUrl), csrf_token: csrf(req, reply) };
  });

  route(APP_ROUTES.logout, async (req, reply) => {
    await ctx.sessions.logOut(req.cookies[SESSION_COOKIE]);
    clearSessionCookie(reply, ctx);
    return reply.code(204).send();
  });

  pageHandlers(route, ctx);
  downloadHandlers(route, ctx);
  consoleHandlers(route, ctx);
  accountHandlers(route, ctx);
  feedHandlers(route, ctx);
  profileHandlers(route, ctx);
}
