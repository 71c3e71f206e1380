// Wire schemas of Corkboard's own JSON API (/api/app/): TypeBox, so one definition validates requests, types the
// handlers and becomes the OpenAPI document (scripts/gen-openapi.ts). Named schemas become components there.
import { Type, type Static } from '@sinclair/typebox';
import { DOWNLOAD_SCHEMAS } from './downloads-schemas.js';
import { CONSOLE_SCHEMAS } from './console-schemas.js';
import { ACCOUNT_SCHEMAS } from './account-schemas.js';
import { FEED_SCHEMAS } from './feed-schemas.js';
import { PROFILE_SCHEMAS } from './profiles-schemas.js';

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  full_name: Type.Optional(Type.String({ description: "The account's name (business_name in GET /v5/user_account), when it has one." })),
  profile_image: Type.Optional(Type.String({ description: 'URL of the profile image, when the account has one.' })),
}, { additionalProperties: false });

export const Session = Type.Object({
  user: Type.Union([User, Type.Null()], { description: 'The logged-in user, or null.' }),
  csrf_token: Type.String({ description: 'Send it as the X-CSRF-Token header with every state-changing request.' }),
}, { additionalProperties: false });

export const LoggedIn = Type.Object({
  user: User,
  csrf_token: Type.String({ description: 'Send it as the X-CSRF-Token header with every state-changing request.' }),
}, { additionalProperties: false });

export const Credentials = Type.Object({
  username: Type.String({ description: "3 to 30 letters, digits or underscores (Pinterest's rules); some names are reserved." }),
  password: Type.String({ description: 'At least 8 characters (at most 256).' }),
}, { additionalProperties: false });

export const AppError = Type.Object({ code: Type.Integer(), message: Type.String() }, { additionalProperties: false });

export const PathTarget = Type.Union([
  Type.Object({ kind: Type.Literal('pin'), pin_id: Type.String() }, { additionalProperties: false }),
  Type.Object({ kind: Type.Union([Type.Literal('user'), Type.Literal('user-pins')]), username: Type.String() }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('board'), username: Type.String(), board_id: Type.String() }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('section'), username: Type.String(), board_id: Type.String(), section_id: Type.String() }, { additionalProperties: false }),
], { description: 'What a web path shows: a pin, a profile, its pins, a board or a section. username is as the account spells it.' });

export const WebPaths = Type.Object({
  boards: Type.Record(Type.String(), Type.String(), { description: 'Board id -> /<user>/<board>/.' }),
  sections: Type.Record(Type.String(), Type.String(), { description: 'Section id -> /<user>/<board>/<section>/.' }),
}, { additionalProperties: false });

/** Component names in the OpenAPI document. */
export const NAMED_SCHEMAS = { User, Session, LoggedIn, Credentials, PathTarget, WebPaths, ...DOWNLOAD_SCHEMAS, ...CONSOLE_SCHEMAS, ...ACCOUNT_SCHEMAS, ...FEED_SCHEMAS, ...PROFILE_SCHEMAS, Error: AppError };

export type UserBody = Static<typeof User>;
export type CredentialsBody = Static<typeof Credentials>;
