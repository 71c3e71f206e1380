// The session's user for the /api/app/ routes that need one: 401 when no one is logged in.
import type { FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { errors } from '../../lib/api-error.js';
import type { UserRow } from '../../repositories/users.js';
import { SESSION_COOKIE } from '../session-cookie.js';

export async function signedIn(ctx: Context, req: FastifyRequest): Promise<UserRow> {
  const user = await ctx.sessions.user(req.cookies[SESSION_COOKIE]);
  if (!user) throw errors.authFailed('Log in first: this needs a signed-in session.');
  return user;
}

/** The session's user, or null: for routes that answer everyone, and show more to a signed-in viewer. */
export async function viewerUser(ctx: Context, req: FastifyRequest): Promise<UserRow | null> {
  return (await ctx.sessions.user(req.cookies[SESSION_COOKIE])) ?? null;
}
