// Wire schemas of the developer console's routes (console-routes.ts): apps, their tokens, and API keys of the
// download API. Secrets appear only in the answers that issue them; list answers never carry one.
import { Type, type Static } from '@sinclair/typebox';
import { KNOWN_SCOPES } from '../../schemas/operations.js';

const Id = (description: string) => Type.String({ pattern: '^[0-9]{1,19}$', description });
const Time = (description: string) => Type.String({ description: `${description} (ISO 8601, UTC).` });

export const ConsoleApp = Type.Object({
  client_id: Id("The app's id, its OAuth client_id."),
  name: Type.String(),
  redirect_uris: Type.Array(Type.String(), { description: 'Where authorization codes may be sent, sorted.' }),
  created_at: Time('When the app was registered'),
}, { additionalProperties: false });

export const ConsoleAppList = Type.Object({ items: Type.Array(ConsoleApp, { description: 'Newest first.' }) }, { additionalProperties: false });

export const NewApp = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  redirect_uris: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), {
    minItems: 1, maxItems: 20,
    description: 'https: URIs, http: to localhost, 127.0.0.0/8 or [::1], or a native app\'s reverse-domain scheme '
      + '(com.example.app:/cb); no user name, password or fragment.',
  }),
}, { additionalProperties: false });

export const AppSecret = Type.Object({
  client_id: Id("The app's id."),
  client_secret: Type.String({ description: 'Shown only in this answer: the server keeps a hash of it.' }),
}, { additionalProperties: false });

export const ScopeList = Type.Object({
  items: Type.Array(Type.Object({ scope: Type.String(), description: Type.String() }, { additionalProperties: false }),
    { description: "Every scope of Pinterest's API v5 document, with its description." }),
}, { additionalProperties: false });

export const NewToken = Type.Object({
  scopes: Type.Array(Type.String({ enum: KNOWN_SCOPES }), { minItems: 1, uniqueItems: true, description: 'The scopes the token holds.' }),
}, { additionalProperties: false });

export const IssuedToken = Type.Object({
  access_token: Type.String({ description: 'Shown only in this answer.' }),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer({ description: 'Seconds.' }),
  scope: Type.String({ description: 'Comma-separated.' }),
  response_type: Type.Literal('authorization_code'),
  refresh_token: Type.String({ description: 'Shown only in this answer.' }),
  refresh_token_expires_in: Type.Integer(),
  refresh_token_expires_at: Type.Integer({ description: 'Unix time, seconds.' }),
}, { additionalProperties: false, description: 'What POST /v5/oauth/token answers for an authorization code.' });

export const ConsoleToken = Type.Object({
  id: Id('The grant: the access and refresh tokens of one authorization, and their refreshes.'),
  scopes: Type.Array(Type.String()),
  grant_type: Type.Union([Type.Literal('authorization_code'), Type.Literal('refresh_token'), Type.Literal('client_credentials')]),
  created_at: Time('When it was issued'),
  expires_at: Type.Union([Time('When the access token expires'), Type.Null()], { description: 'null when only the refresh token is left.' }),
  refresh_token_expires_at: Type.Union([Time('When the refresh token expires'), Type.Null()]),
}, { additionalProperties: false });

export const ConsoleTokenList = Type.Object({ items: Type.Array(ConsoleToken, { description: 'Live ones only, newest first.' }) }, { additionalProperties: false });

export const ApiKey = Type.Object({
  id: Id("The key's id (not the key)."),
  name: Type.String({ description: 'Its label.' }),
  key_prefix: Type.String({ description: 'The first characters of the key, to tell keys apart.' }),
  daily_quota: Type.Integer({ description: 'Downloads it may submit per 24 hours.' }),
  used_24h: Type.Integer({ description: 'Downloads submitted in the last 24 hours, as the quota counts them.' }),
  created_at: Time('When it was made'),
}, { additionalProperties: false });

export const ApiKeyList = Type.Object({ items: Type.Array(ApiKey, { description: 'Live keys, newest first.' }) }, { additionalProperties: false });

export const NewApiKey = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, description: 'A label.' }),
  daily_quota: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Downloads it may submit per 24 hours.' }),
}, { additionalProperties: false });

export const IssuedApiKey = Type.Object({
  id: Id("The key's id."),
  api_key: Type.String({ description: 'Shown only in this answer: send it as the Authorization header of /api/v1/.' }),
  webhook_secret: Type.String({ description: 'Signs callbacks (X-Corkboard-Signature); shown only in this answer.' }),
  daily_quota: Type.Integer(),
}, { additionalProperties: false });

export const AppParams = Type.Object({ client_id: Id("The app's client_id.") });
export const TokenParams = Type.Object({ client_id: Id("The app's client_id."), token_id: Id("The token's id (a ConsoleToken's id).") });
export const ApiKeyParams = Type.Object({ key_id: Id("The key's id.") });

/** Component names in the OpenAPI document. */
export const CONSOLE_SCHEMAS = {
  ConsoleApp, ConsoleAppList, NewApp, AppSecret, ScopeList, NewToken, IssuedToken, ConsoleToken, ConsoleTokenList,
  ApiKey, ApiKeyList, NewApiKey, IssuedApiKey,
};

export type NewAppBody = Static<typeof NewApp>;
export type NewTokenBody = Static<typeof NewToken>;
export type NewApiKeyBody = Static<typeof NewApiKey>;
