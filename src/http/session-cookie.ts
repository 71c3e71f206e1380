// The web session's cookie (cb_session), one definition for every part that sets or reads it: the
// server-rendered pages, the app API (/api/app/) and /v5 called from the browser.
import type { FastifyReply } from 'fastify';
import { fastifyCookie } from '@fastify/cookie';
import type { Context } from '../context.js';

export const SESSION_COOKIE = 'cb_session';

export function secureCookies(ctx: Context): boolean {
  return ctx.config.publicUrl.startsWith('https:');
}

export function setSessionCookie(reply: FastifyReply, ctx: Context, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'lax', secure: secureCookies(ctx), path: '/', maxAge: ctx.sessions.ttlSeconds });
}

export function clearSessionCookie(reply: FastifyReply, ctx: Context): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secureCookies(ctx), path: '/' });
}

/** The cookies of a Cookie header, for routes outside the web scope (where @fastify/cookie is not registered). */
export function parseCookies(header: string | undefined): Record<string, string | undefined> {
  return header ? fastifyCookie.parse(header) : {};
}
