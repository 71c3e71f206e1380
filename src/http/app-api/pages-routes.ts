// The /api/app/ routes of the web app's shareable pages: what a path shows, and the web paths of boards and
// sections (/v5 boards and sections carry no URL).
import { Type } from '@sinclair/typebox';
import { AppError, PathTarget, WebPaths } from './schemas.js';
import type { AppRoute } from './routes.js';

const ids = (what: string) => Type.Optional(Type.String({ maxLength: 2000, description: `Comma-separated ${what} ids (at most 250).` }));

export const PAGE_ROUTES = {
  resolvePath: {
    method: 'GET', path: '/api/app/pages/resolve', operationId: 'pages/resolve', tag: 'pages', csrf: false,
    summary: "What a web path (/pin/<id>/, /<user>/, /<user>/pins/, /<user>/<board>/, /<user>/<board>/<section>/) shows to this visitor: the same answer the page's HTTP status gives.",
    query: Type.Object({ path: Type.String({ minLength: 1, maxLength: 1000, description: 'The path, e.g. /alice/recipes/.' }) }, { additionalProperties: false }),
    responses: {
      200: { description: 'What the path shows.', schema: PathTarget },
      400: { description: 'path is missing or too long.', schema: AppError },
      404: { description: 'Nothing there that this visitor may see.', schema: AppError },
    },
  },
  webPaths: {
    method: 'GET', path: '/api/app/pages/paths', operationId: 'pages/paths', tag: 'pages', csrf: false,
    summary: 'The web paths of boards and sections by id; those this visitor may not see are left out.',
    query: Type.Object({ board_ids: ids('board'), section_ids: ids('section') }, { additionalProperties: false }),
    responses: {
      200: { description: 'Paths by id.', schema: WebPaths },
      400: { description: 'More than 250 ids.', schema: AppError },
    },
  },
} as const satisfies Record<string, AppRoute>;
