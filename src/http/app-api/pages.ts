// Handlers of the pages routes (pages-routes.ts): the signed-in viewer sees their own non-public boards too.
import type { Context } from '../../context.js';
import { errors } from '../../lib/api-error.js';
import { ANONYMOUS } from '../../services/public-content.js';
import { PAGE_ROUTES } from './pages-routes.js';
import type { RouteFn } from './index.js';
import { viewerUser } from './signed-in.js';

const MAX_IDS = 250;

function idList(value: string | undefined, field: string): string[] {
  const list = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length > MAX_IDS) throw errors.invalid(`Invalid parameters: ${field} takes at most ${MAX_IDS} ids.`);
  return list;
}

export function pageHandlers(route: RouteFn, ctx: Context): void {
  const viewer = async (req: Parameters<Parameters<RouteFn>[1]>[0]) => {
    const user = await viewerUser(ctx, req);
    return user ? ctx.sessions.principalFor(user) : ANONYMOUS;
  };

  route(PAGE_ROUTES.resolvePath, async (req) => {
    const { path } = req.query as { path: string };
    return ctx.publicContent.resolvePath(path, await viewer(req));
  });

  route(PAGE_ROUTES.webPaths, async (req) => {
    const q = req.query as { board_ids?: string; section_ids?: string };
    return ctx.publicContent.webPaths(await viewer(req), idList(q.board_ids, 'board_ids'), idList(q.section_ids, 'section_ids'));
  });
}
