// The CSRF proof of a state-changing request from the web app: the X-CSRF-Token header equal to the cb_csrf
// cookie (the page learns its value from GET /api/app/session; a cross-site page cannot read it or set the
// header), and a same-site request by Origin and Sec-Fetch-Site. Used by /api/app/ and by /v5 when a cookie
// session, not a token, authenticates the call.
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../lib/api-error.js';
import { safeEqual } from '../../lib/secrets.js';
import { CSRF_COOKIE, sameSite } from '../web/csrf.js';

export const CSRF_HEADER = 'x-csrf-token';

const refused = (why: string) => new ApiError(403, 403, `CSRF check failed: ${why}`);

/** Throws 403 naming what is wrong with the proof; `cookies` are the request's (parsed by whoever has them). */
export function checkCsrfProof(req: FastifyRequest, cookies: Record<string, string | undefined>, publicUrl: string): void {
  if (!sameSite(req, publicUrl)) throw refused('the request comes from another site (Origin or Sec-Fetch-Site).');
  const header = req.headers[CSRF_HEADER];
  if (typeof header !== 'string' || !header) throw refused('the X-CSRF-Token header is missing; send the csrf_token of GET /api/app/session.');
  const cookie = cookies[CSRF_COOKIE];
  if (!cookie) throw refused('the cb_csrf cookie is missing; GET /api/app/session sets it.');
  if (!safeEqual(header, cookie)) throw refused('the X-CSRF-Token header does not match the cb_csrf cookie; GET /api/app/session gives the current one.');
}
