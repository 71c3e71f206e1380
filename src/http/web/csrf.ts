// Double-submit CSRF protection for the server-rendered forms: a random value in an HttpOnly, SameSite cookie
// and the same value in a hidden field; a POST must carry both, equal. Cross-site Origin headers are refused too.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, safeEqual } from '../../lib/secrets.js';

export const CSRF_COOKIE = 'cb_csrf';

export function csrfToken(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = req.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  const token = randomToken('', 24);
  reply.setCookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  return token;
}

/** False when the browser says the request comes from another site (Origin, or Sec-Fetch-Site). */
export function sameSite(req: FastifyRequest, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && origin !== new URL(publicUrl).origin && origin !== `${req.protocol}://${req.headers.host}`) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function csrfValid(req: FastifyRequest, submitted: unknown, publicUrl: string): boolean {
  if (!sameSite(req, publicUrl)) return false;
  const cookie = req.cookies[CSRF_COOKIE];
  return typeof submitted === 'string' && !!cookie && safeEqual(submitted, cookie);
}
