// Wire schemas of the home feed: each item is exactly the v5 Pin (what GET /v5/pins/{id} answers, the presenter
// in src/services/pins.ts), written here once more in TypeBox for the app API's document.
import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);

const ImageDetails = Type.Object({ url: Type.String(), width: Type.Integer(), height: Type.Integer() });
const Images = Type.Record(Type.String(), ImageDetails, { description: 'By size name: 150x150, 400x300, 600x, 1200x, originals.' });

/** The one Pin schema of the app API (profiles-schemas.ts lists it too). */
export const Pin = Type.Object({
  id: Type.String({ pattern: '^\\d+$' }),
  created_at: Type.String({ description: "UTC, as Pinterest writes it: 2025-01-15T10:30:00." }),
  link: Nullable(Type.String()),
  title: Nullable(Type.String()),
  description: Nullable(Type.String()),
  dominant_color: Nullable(Type.String()),
  alt_text: Nullable(Type.String()),
  creative_type: Type.Union([Type.Literal('REGULAR'), Type.Literal('CAROUSEL'), Type.Literal('VIDEO')]),
  board_id: Type.String(),
  board_section_id: Nullable(Type.String()),
  board_owner: Type.Object({ username: Type.String() }),
  is_owner: Type.Boolean(),
  is_standard: Type.Boolean(),
  has_been_promoted: Type.Boolean(),
  parent_pin_id: Nullable(Type.String()),
  pin_metrics: Type.Null(),
  media: Type.Union([
    Type.Object({ media_type: Type.Literal('image'), images: Images }),
    Type.Object({
      media_type: Type.Literal('multiple_images'),
      items: Type.Array(Type.Object({
        item_type: Type.Literal('image'), title: Nullable(Type.String()), description: Nullable(Type.String()), link: Nullable(Type.String()), images: Images,
      })),
    }),
    Type.Object({
      media_type: Type.Literal('video'), images: Images, cover_image_url: Type.String(), video_url: Type.String(),
      duration: Type.Integer({ description: 'Milliseconds.' }), width: Type.Integer(), height: Type.Integer(),
    }),
  ]),
}, { description: 'A pin exactly as GET /v5/pins/{pin_id} answers it (Pinterest API v5 Pin).' });

export const HomeFeed = Type.Object({
  items: Type.Array(Pin, { description: 'Newest first (created_at, then id).' }),
  bookmark: Type.Union([Type.String(), Type.Null()], { description: 'Send it back as bookmark for the next page; null on the last page.' }),
}, { additionalProperties: false });

/** Component names in the OpenAPI document (schemas.ts NAMED_SCHEMAS spreads them). */
export const FEED_SCHEMAS = { Pin, HomeFeed };
