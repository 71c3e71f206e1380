import { Type } from '@sinclair/typebox';
import { AdAccountQuery, PageQuery } from './common.js';
import { IdParam } from './boards.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const ContentType = Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png')]);
const Slot = { title: Type.Optional(Type.String()), description: Type.Optional(Type.String()), link: Type.Optional(Type.String()) };

export const CREATIVE_TYPES = ['REGULAR', 'VIDEO', 'SHOPPING', 'CAROUSEL', 'MAX_VIDEO', 'SHOP_THE_PIN', 'COLLECTION', 'IDEA', 'SHOWCASE',
  'QUIZ', 'COLLAGE', 'MAX_WIDTH_REGULAR_COLLECTION', 'MAX_WIDTH_VIDEO_COLLECTION'] as const;

// The spec's PinMediaSource, one branch per source_type. The body schema checks only source_type; the route
// then checks the chosen branch, so a mistake is named by its field rather than as "no branch matched".
export const SOURCE_TYPES = ['image_base64', 'image_url', 'multiple_image_base64', 'multiple_image_urls', 'video_id', 'pin_url'] as const;
export const MediaSourceHead = Type.Object({ source_type: Type.Union(SOURCE_TYPES.map((t) => Type.Literal(t))) });

export const MediaSourceBranches = [
  Type.Object({ source_type: Type.Literal('image_base64'), content_type: ContentType, data: Type.String({ minLength: 1 }), is_standard: Type.Optional(Type.Boolean()) }),
  Type.Object({ source_type: Type.Literal('image_url'), url: Type.String({ minLength: 1 }), is_standard: Type.Optional(Type.Boolean()) }),
  Type.Object({
    source_type: Type.Literal('multiple_image_base64'), index: Type.Optional(Type.Integer({ minimum: 0 })),
    items: Type.Array(Type.Object({ content_type: ContentType, data: Type.String({ minLength: 1 }), ...Slot }), { minItems: 2, maxItems: 5 }),
  }),
  Type.Object({
    source_type: Type.Literal('multiple_image_urls'), index: Type.Optional(Type.Integer({ minimum: 0 })),
    items: Type.Array(Type.Object({ url: Type.String({ minLength: 1 }), ...Slot }), { minItems: 2, maxItems: 5 }),
  }),
  Type.Object({
    source_type: Type.Literal('video_id'), media_id: Type.String({ pattern: '^\\d+$' }),
    cover_image_url: Type.Optional(Type.String()), cover_image_content_type: Type.Optional(ContentType), cover_image_data: Type.Optional(Type.String()),
    cover_image_key_frame_time: Type.Optional(Type.Integer({ minimum: 0 })), is_standard: Type.Optional(Type.Boolean()),
  }),
  Type.Object({ source_type: Type.Literal('pin_url'), is_affiliate_link: Type.Optional(Type.Boolean()) }),
];

export const PinCreate = Type.Object({
  board_id: Type.String({ pattern: '^\\d+$' }),
  board_section_id: Type.Optional(Nullable(Type.String({ pattern: '^\\d+$' }))),
  title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 800 }))),
  link: Type.Optional(Nullable(Type.String({ maxLength: 2048 }))),
  alt_text: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  dominant_color: Type.Optional(Nullable(Type.String())),
  parent_pin_id: Type.Optional(Nullable(Type.String({ pattern: '^\\d+$' }))),
  sponsor_id: Type.Optional(Nullable(Type.String({ pattern: '^\\d+$' }))),
  note: Type.Optional(Nullable(Type.String())),
  media_source: MediaSourceHead,
});

export const PinUpdate = Type.Object({
  board_id: Type.Optional(Type.String({ pattern: '^\\d+$' })),
  board_section_id: Type.Optional(Nullable(Type.String({ pattern: '^\\d+$' }))),
  title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 800 }))),
  link: Type.Optional(Nullable(Type.String({ maxLength: 2048 }))),
  alt_text: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  note: Type.Optional(Nullable(Type.String())),
  carousel_slots: Type.Optional(Type.Array(Type.Object(Slot))),
});

export const PinSave = Type.Object({
  board_id: Type.Optional(Nullable(Type.String({ pattern: '^\\d+$' }))),
  board_section_id: Type.Optional(Nullable(Type.String({ pattern: '^\\d+$' }))),
});

export const PinParams = Type.Object({ pin_id: IdParam });

const Metrics = { pin_metrics: Type.Optional(Type.Boolean({ default: false })) };
const CreativeTypes = { creative_types: Type.Optional(Type.Array(Type.String())) };

export const PinGetQuery = Type.Object({ ...AdAccountQuery, ...Metrics });

export const PinListQuery = Type.Object({
  ...PageQuery, ...AdAccountQuery, ...Metrics, ...CreativeTypes,
  pin_filter: Type.Optional(Type.Union([Type.Literal('exclude_native'), Type.Literal('exclude_repins'), Type.Literal('has_been_promoted')])),
  include_protected_pins: Type.Optional(Type.Boolean({ default: false })),
  pin_type: Type.Optional(Type.Literal('PRIVATE')),
});

export const BoardPinsQuery = Type.Object({ ...PageQuery, ...AdAccountQuery, ...Metrics, ...CreativeTypes });
export const SectionPinsQuery = Type.Object({ ...PageQuery, ...AdAccountQuery });
