// Wire schemas of the profile and board reads (profiles-routes.ts): /v5's own shapes (Pinterest's Board, Pin,
// BoardSection and an Account-like profile), so the web app shows what it reads here exactly as what it reads from
// /v5, and the follow state of a board.
import { Pin } from './feed-schemas.js';
import { Type } from '@sinclair/typebox';
import { Account } from '../../schemas/account.js';
import { IdParam, Privacy } from '../../schemas/boards.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

// Board and pin counts are what this viewer may see (every one for the account itself).
export const Profile = Type.Omit(Account, ['monthly_views'], {
  additionalProperties: false, description: "A user's profile as /v5/user_account has it, counted as this viewer may see it.",
});

export const Board = Type.Object({
  id: Type.String(),
  created_at: Type.String(),
  board_pins_modified_at: Type.String(),
  name: Type.String(),
  description: Type.String(),
  privacy: Privacy,
  is_ads_only: Type.Boolean(),
  owner: Type.Object({ username: Type.String() }),
  pin_count: Type.Integer(),
  follower_count: Type.Integer(),
  collaborator_count: Type.Integer(),
  media: Type.Object({ image_cover_url: Nullable(Type.String()), pin_thumbnail_urls: Type.Array(Type.String()) }),
}, { description: "Pinterest's Board, as GET /v5/boards/{board_id} answers it." });

export const BoardSection = Type.Object({ id: Type.String(), name: Type.String() }, { description: "Pinterest's BoardSection." });

const list = <T extends ReturnType<typeof Type.Object>>(item: T, description: string) =>
  Type.Object({ items: Type.Array(item), bookmark: Nullable(Type.String({ description: 'Give it as bookmark for the next page; null at the end.' })) }, { description });

export const BoardList = list(Board, 'A page of boards, newest first.');
export const PinList = list(Pin, 'A page of pins, newest first.');
export const SectionList = list(BoardSection, 'A page of sections, in the order they were made.');

export const BoardFollow = Type.Object({
  following: Type.Boolean({ description: 'Whether the signed-in viewer follows the board.' }),
  follower_count: Type.Integer(),
}, { additionalProperties: false });

export const UsernameParams = Type.Object({ username: Type.String({ pattern: '^[A-Za-z0-9_]+$', maxLength: 30, description: 'The account name, as in /<user>/ (letters, digits and underscores, at most 30).' }) }, { additionalProperties: false });
export const BoardIdParams = Type.Object({ board_id: IdParam }, { additionalProperties: false });
export const SectionIdParams = Type.Object({ board_id: IdParam, section_id: IdParam }, { additionalProperties: false });
export const PageParams = Type.Object({
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, description: 'Items per page (1 to 250; 25 unless given).' })),
  bookmark: Type.Optional(Type.String({ maxLength: 500, description: 'The bookmark of the previous page.' })),
}, { additionalProperties: false });

/** Component names in the OpenAPI document (spread into NAMED_SCHEMAS). */
export const PROFILE_SCHEMAS = { Profile, Board, BoardSection, BoardList, PinList, SectionList, BoardFollow };
