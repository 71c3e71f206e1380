import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { AdAccountQuery, PageQuery } from '../../schemas/common.js';
import { SEARCH_CURSOR_ARITY } from '../../services/search.js';
import { principalOf } from '../plugins/api-auth.js';
import { apiRoute } from './route.js';

const Query = Type.String({ maxLength: 1000, description: 'Search query: keywords, or comma-separated pin IDs.' });
// page_size is not among the spec's parameters of search_user_pins/list; taken anyway, as on every other list.
const SearchPinsQuery = Type.Object({ ...PageQuery, ...AdAccountQuery, query: Query });
const SearchBoardsQuery = Type.Object({ ...PageQuery, ...AdAccountQuery, query: Type.Optional(Query) });

export function searchRoutes(app: FastifyInstance, ctx: Context): void {
  apiRoute(app, 'search_user_pins/list', { querystring: SearchPinsQuery }, async (req) => {
    const q = req.query as Static<typeof SearchPinsQuery>;
    return ctx.search.pins(principalOf(req), q.query, pageRequest(q, SEARCH_CURSOR_ARITY));
  });

  apiRoute(app, 'search_user_boards/get', { querystring: SearchBoardsQuery }, async (req) => {
    const q = req.query as Static<typeof SearchBoardsQuery>;
    // no query lists the boards, with the boards list's own bookmarks
    return ctx.search.boards(principalOf(req), q.query, pageRequest(q, q.query === undefined ? 1 : SEARCH_CURSOR_ARITY));
  });
}
