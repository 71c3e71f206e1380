import { Type } from '@sinclair/typebox';
import { AdAccountQuery, PageQuery } from './common.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const Privacy = Type.Union([Type.Literal('PUBLIC'), Type.Literal('PROTECTED'), Type.Literal('SECRET')]);
export const IdParam = Type.String({ pattern: '^\\d+$', maxLength: 19 });

export const BoardCreate = Type.Object({
  name: Type.String(),
  description: Type.Optional(Nullable(Type.String())),
  privacy: Type.Optional(Privacy),
  is_ads_only: Type.Optional(Type.Boolean()),
});

export const BoardUpdate = Type.Object({
  name: Type.Optional(Type.String()),
  description: Type.Optional(Nullable(Type.String())),
  privacy: Type.Optional(Privacy),
});

export const BoardParams = Type.Object({ board_id: IdParam });
export const SectionParams = Type.Object({ board_id: IdParam, section_id: IdParam });

export const BoardListQuery = Type.Object({
  ...PageQuery,
  ...AdAccountQuery,
  privacy: Type.Optional(Type.Union(['ALL', 'PUBLIC', 'PROTECTED', 'SECRET', 'PUBLIC_AND_SECRET'].map((v) => Type.Literal(v)))),
});

export const SectionBody = Type.Object({ name: Type.String() });
