// The table of Corkboard's own JSON API (/api/app/): what each route takes and answers. The Fastify registration
// (index.ts) and the OpenAPI generator (openapi.ts) both read it, so the document cannot drift from the server.
import type { TSchema } from '@sinclair/typebox';
import { DOWNLOAD_ROUTES } from './downloads-routes.js';
import { CONSOLE_ROUTES } from './console-routes.js';
import { PAGE_ROUTES } from './pages-routes.js';
import { ACCOUNT_ROUTES } from './account-routes.js';
import { FEED_ROUTES } from './feed-routes.js';
import { PROFILE_ROUTES } from './profiles-routes.js';
import { AppError, Credentials, LoggedIn, Session } from './schemas.js';

export interface AppResponse { description: string; schema?: TSchema }

export interface AppRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Fastify's form: path parameters as `:name` (the OpenAPI document spells them `{name}`). */
  path: string;
  operationId: string;
  summary: string;
  /** The document's tag (session, pages, ...). */
  tag: string;
  /** State-changing: needs the X-CSRF-Token header (equal to the cb_csrf cookie) and a same-site request. */
  csrf: boolean;
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  responses: Record<number, AppResponse>;
}

const error = (description: string): AppResponse => ({ description, schema: AppError });
const csrfRefused = error('The CSRF proof is missing or wrong (X-CSRF-Token header, cb_csrf cookie), or the request is cross-site.');

const SESSION_ROUTES = {
  session: {
    method: 'GET', path: '/api/app/session', operationId: 'session/get', tag: 'session', csrf: false,
    summary: 'The logged-in user (or null) and the CSRF token; sets the cb_csrf cookie when missing.',
    responses: { 200: { description: 'The session.', schema: Session } },
  },
  signup: {
    method: 'POST', path: '/api/app/signup', operationId: 'session/signup', tag: 'session', csrf: true,
    summary: 'Creates an account and logs it in (sets the cb_session cookie).', body: Credentials,
    responses: {
      201: { description: 'Created and logged in.', schema: LoggedIn },
      400: error('A field is missing or breaks its rule; the message names it.'),
      403: error('Sign-up is closed (CORKBOARD_SIGNUP=closed), or the CSRF proof failed.'),
      409: error('The username is taken.'),
      429: error('Too many passwords are being hashed right now (Retry-After).'),
    },
  },
  login: {
    method: 'POST', path: '/api/app/login', operationId: 'session/login', tag: 'session', csrf: true,
    summary: 'Logs in with a username and password (sets the cb_session cookie).', body: Credentials,
    responses: {
      200: { description: 'Logged in.', schema: LoggedIn },
      400: error('A field is missing or not a string; the message names it.'),
      401: error('Wrong username or password.'),
      403: csrfRefused,
      429: error('Too many failed log-ins, or too many passwords being checked (Retry-After).'),
    },
  },
  logout: {
    method: 'POST', path: '/api/app/logout', operationId: 'session/logout', tag: 'session', csrf: true,
    summary: 'Ends the session on the server and clears the cb_session cookie.',
    responses: { 204: { description: 'Logged out (also when no one was logged in).' }, 403: csrfRefused },
  },
} as const satisfies Record<string, AppRoute>;

/** Every route, each feature's table in its own file. */
export const APP_ROUTES = { ...SESSION_ROUTES, ...PAGE_ROUTES, ...DOWNLOAD_ROUTES, ...CONSOLE_ROUTES, ...ACCOUNT_ROUTES, ...FEED_ROUTES, ...PROFILE_ROUTES } as const satisfies Record<string, AppRoute>;
