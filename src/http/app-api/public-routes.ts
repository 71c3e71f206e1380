// The /api/app/ routes of public pins: what a guest (who has no /v5) reads to see a pin's closeup, and who saved a
// pin where, for every viewer. The rules are /v5's: pins on PUBLIC boards, and the signed-in viewer's own.
// Boards and profiles for guests live in their own table (profiles-routes.ts).
import type { AppResponse, AppRoute } from './routes.js';
import { AppError } from './schemas.js';
import { Pin } from './feed-schemas.js';
import { PinIdParams, PinPlace } from './public-schemas.js';

const error = (description: string): AppResponse => ({ description, schema: AppError });
const badId = error('pin_id is not a numeric id (code 1); the message names it.');
const pinGone = error('No such pin, or not one this viewer may see (code 50).');

export const PUBLIC_ROUTES = {
  publicPin: {
    method: 'GET', path: '/api/app/public/pins/:pin_id', operationId: 'public/pin', tag: 'public', csrf: false, params: PinIdParams,
    summary: "A pin as GET /v5/pins/{pin_id} answers it, for a guest too: pins on PUBLIC boards, and the signed-in viewer's own.",
    responses: { 200: { description: 'The pin.', schema: Pin }, 400: badId, 404: pinGone },
  },
  pinPlace: {
    method: 'GET', path: '/api/app/public/pins/:pin_id/place', operationId: 'public/pin-place', tag: 'public', csrf: false, params: PinIdParams,
    summary: 'Who saved a pin where: the pinner with their profile image, the board and the section, with their web paths.',
    responses: { 200: { description: 'The pinner, board and section.', schema: PinPlace }, 400: badId, 404: pinGone },
  },
} as const satisfies Record<string, AppRoute>;
