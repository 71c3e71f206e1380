// Wire schemas of the public pin reads (public-routes.ts): the pin in /v5's own Pin shape, so the closeup shows a
// guest's read exactly as a signed-in viewer's /v5 read; and who saved it where, which /v5 has no operation for.
import { Type } from '@sinclair/typebox';
import { IdParam, Privacy } from '../../schemas/boards.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const ImageDetails = Type.Object({ width: Type.Integer(), height: Type.Integer(), url: Type.String() });
/** Pinterest's sizes (150x150, 400x300, 600x, 1200x) and Corkboard's originals. */
const ImageSizes = Type.Record(Type.String(), ImageDetails, { description: 'Image variants by size name (150x150, 400x300, 600x, 1200x, originals).' });

const PinMedia = Type.Union([
  Type.Object({ media_type: Type.Literal('image'), images: ImageSizes }),
  Type.Object({
    media_type: Type.Literal('multiple_images'),
    items: Type.Array(Type.Object({ item_type: Type.Literal('image'), title: Nullable(Type.String()), description: Nullable(Type.String()), link: Nullable(Type.String()), images: ImageSizes })),
  }),
  Type.Object({
    media_type: Type.Literal('video'), images: ImageSizes, cover_image_url: Type.String(), video_url: Type.String(),
    duration: Type.Integer({ description: 'Milliseconds.' }), width: Type.Integer(), height: Type.Integer(),
  }),
]);

export const Pin = Type.Object({
  id: Type.String(),
  created_at: Type.String(),
  link: Nullable(Type.String()),
  title: Nullable(Type.String()),
  description: Nullable(Type.String()),
  dominant_color: Nullable(Type.String()),
  alt_text: Nullable(Type.String()),
  creative_type: Type.String(),
  board_id: Type.String(),
  board_section_id: Nullable(Type.String()),
  board_owner: Type.Object({ username: Type.String() }),
  is_owner: Type.Boolean(),
  is_standard: Type.Boolean(),
  has_been_promoted: Type.Boolean(),
  parent_pin_id: Nullable(Type.String()),
  pin_metrics: Type.Null(),
  media: PinMedia,
}, { description: "Pinterest's Pin, as GET /v5/pins/{pin_id} answers it." });

export const PinPlace = Type.Object({
  pinner: Type.Object({
    username: Type.String(),
    full_name: Type.String({ description: 'The business name of a BUSINESS account, else the username.' }),
    profile_image: Nullable(Type.String({ description: 'URL of the profile image, when the account has one.' })),
    path: Type.String({ description: 'The profile page: /<user>/.' }),
  }, { additionalProperties: false }),
  board: Type.Object({ id: Type.String(), name: Type.String(), privacy: Privacy, path: Type.String({ description: '/<user>/<board>/.' }) }, { additionalProperties: false }),
  section: Type.Union([
    Type.Object({ id: Type.String(), name: Type.String(), path: Type.String({ description: '/<user>/<board>/<section>/.' }) }, { additionalProperties: false }),
    Type.Null(),
  ], { description: 'The board section the pin is in, or null.' }),
}, { additionalProperties: false, description: 'Who saved a pin where: its pinner (the board owner), the board and the section, with their web paths.' });

export const PinIdParams = Type.Object({ pin_id: IdParam }, { additionalProperties: false });

/** Component names in the OpenAPI document (spread into NAMED_SCHEMAS). */
export const PUBLIC_SCHEMAS = { Pin, PinPlace };
