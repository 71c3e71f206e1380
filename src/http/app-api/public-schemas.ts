// Wire schemas of the public pin reads (public-routes.ts) beside the app API's one Pin (feed-schemas.ts): who saved
// a pin where, which /v5 has no operation for, and the pin id of the path.
import { Type } from '@sinclair/typebox';
import { IdParam, Privacy } from '../../schemas/boards.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

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
export const PUBLIC_SCHEMAS = { PinPlace };
