// The developer console's part of the /api/app/ route table: the logged-in user's apps (create, rotate the
// secret, delete), tokens for themselves on one of them (Pinterest's "generate token"), and API keys for the
// download API. Each route needs the cb_session cookie; what belongs to another user answers 404 as nothing does.
import type { AppResponse, AppRoute } from './routes.js';
import { AppError } from './schemas.js';
import {
  ApiKeyList, ApiKeyParams, AppParams, AppSecret, ConsoleAppList, ConsoleTokenList, IssuedApiKey, IssuedToken, NewApiKey, NewApp,
  NewToken, ScopeList, TokenParams,
} from './console-schemas.js';

const error = (description: string): AppResponse => ({ description, schema: AppError });
const loggedOut = error('Not logged in (no live cb_session cookie).');
const csrfRefused = error('The CSRF proof is missing or wrong (X-CSRF-Token header, cb_csrf cookie), or the request is cross-site.');
const invalid = error('A field or path parameter is missing or breaks its rule; the message names it.');
const noApp = error('You have no app with that client_id (another user\'s app answers the same).');

export const CONSOLE_ROUTES = {
  scopes: {
    method: 'GET', path: '/api/app/scopes', operationId: 'console/scopes', csrf: false, tag: 'console',
    summary: 'The scopes a token may hold, with their descriptions.',
    responses: { 200: { description: 'Every scope.', schema: ScopeList }, 401: loggedOut },
  },
  appsList: {
    method: 'GET', path: '/api/app/apps', operationId: 'apps/list', csrf: false, tag: 'console',
    summary: 'Your apps, newest first (no secrets).',
    responses: { 200: { description: 'Your apps.', schema: ConsoleAppList }, 401: loggedOut },
  },
  appsCreate: {
    method: 'POST', path: '/api/app/apps', operationId: 'apps/create', csrf: true, tag: 'console', body: NewApp,
    summary: 'Registers an app; its client secret is in this answer only.',
    responses: { 201: { description: 'Registered.', schema: AppSecret }, 400: invalid, 401: loggedOut, 403: csrfRefused },
  },
  appsRotateSecret: {
    method: 'POST', path: '/api/app/apps/:client_id/secret', operationId: 'apps/rotate_secret', csrf: true, tag: 'console', params: AppParams,
    summary: 'Replaces the app\'s client secret; the old one stops working at once. The new one is in this answer only.',
    responses: { 200: { description: 'The new secret.', schema: AppSecret }, 400: invalid, 401: loggedOut, 403: csrfRefused, 404: noApp },
  },
  appsDelete: {
    method: 'DELETE', path: '/api/app/apps/:client_id', operationId: 'apps/delete', csrf: true, tag: 'console', params: AppParams,
    summary: 'Deletes the app; every token and authorization code issued to it stops working.',
    responses: { 204: { description: 'Deleted.' }, 400: invalid, 401: loggedOut, 403: csrfRefused, 404: noApp },
  },
  tokensList: {
    method: 'GET', path: '/api/app/apps/:client_id/tokens', operationId: 'apps/tokens/list', csrf: false, tag: 'console', params: AppParams,
    summary: 'Your live tokens for the app (scopes, created, expiry; never the token).',
    responses: { 200: { description: 'Your tokens for the app.', schema: ConsoleTokenList }, 400: invalid, 401: loggedOut, 404: noApp },
  },
  tokensCreate: {
    method: 'POST', path: '/api/app/apps/:client_id/tokens', operationId: 'apps/tokens/create', csrf: true, tag: 'console',
    params: AppParams, body: NewToken,
    summary: 'Generates an access and refresh token for yourself on the app, as `corkboard token` does; shown in this answer only.',
    responses: { 201: { description: 'The tokens.', schema: IssuedToken }, 400: invalid, 401: loggedOut, 403: csrfRefused, 404: noApp },
  },
  tokensRevoke: {
    method: 'DELETE', path: '/api/app/apps/:client_id/tokens/:token_id', operationId: 'apps/tokens/revoke', csrf: true, tag: 'console',
    params: TokenParams,
    summary: 'Revokes one of your tokens for the app: its access and refresh tokens stop working at once.',
    responses: {
      204: { description: 'Revoked.' }, 400: invalid, 401: loggedOut, 403: csrfRefused,
      404: error('No app of yours has that client_id, or no live token of yours for it has that id.'),
    },
  },
  apiKeysList: {
    method: 'GET', path: '/api/app/api-keys', operationId: 'api_keys/list', csrf: false, tag: 'console',
    summary: 'Your live API keys for the download API, with their use in the last 24 hours (no keys or secrets).',
    responses: { 200: { description: 'Your keys.', schema: ApiKeyList }, 401: loggedOut },
  },
  apiKeysCreate: {
    method: 'POST', path: '/api/app/api-keys', operationId: 'api_keys/create', csrf: true, tag: 'console', body: NewApiKey,
    summary: 'Makes an API key for the download API; the key and its webhook secret are in this answer only.',
    responses: { 201: { description: 'The new key.', schema: IssuedApiKey }, 400: invalid, 401: loggedOut, 403: csrfRefused },
  },
  apiKeysRevoke: {
    method: 'DELETE', path: '/api/app/api-keys/:key_id', operationId: 'api_keys/revoke', csrf: true, tag: 'console', params: ApiKeyParams,
    summary: 'Revokes the key: the download API refuses it from then on. Its past downloads stay.',
    responses: {
      204: { description: 'Revoked.' }, 400: invalid, 401: loggedOut, 403: csrfRefused,
      404: error('You have no live API key with that id (another user\'s key answers the same).'),
    },
  },
} as const satisfies Record<string, AppRoute>;
