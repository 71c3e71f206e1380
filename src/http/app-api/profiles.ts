// Handlers of the profile and board routes (profiles-routes.ts): the viewer is the signed-in user (who sees their
// own boards of every privacy) or nobody (PUBLIC content only).
import type { FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import { ANONYMOUS } from '../../services/public-content.js';
import type { RouteFn } from './index.js';
import { PROFILE_ROUTES } from './profiles-routes.js';
import { signedIn, viewerUser } from './signed-in.js';

type Params = { username: string; board_id: string; section_id: string };
type Query = { page_size?: number; bookmark?: string };

export function profileHandlers(route: RouteFn, ctx: Context): void {
  const viewer = async (req: FastifyRequest) => {
    const user = await viewerUser(ctx, req);
    return user ? ctx.sessions.principalFor(user) : ANONYMOUS;
  };
  const member = async (req: FastifyRequest) => ctx.sessions.principalFor(await signedIn(ctx, req));
  const params = (req: FastifyRequest) => req.params as Params;
  const page = (req: FastifyRequest) => pageRequest(req.query as Query);

  route(PROFILE_ROUTES.profile, async (req) => ctx.profiles.profile(await viewer(req), params(req).username));
  route(PROFILE_ROUTES.profileBoards, async (req) => ctx.profiles.boardsOf(await viewer(req), params(req).username, page(req)));
  route(PROFILE_ROUTES.profilePins, async (req) => ctx.profiles.pinsOf(await viewer(req), params(req).username, page(req)));
  route(PROFILE_ROUTES.board, async (req) => ctx.profiles.board(await viewer(req), params(req).board_id));
  route(PROFILE_ROUTES.boardSections, async (req) => ctx.profiles.sectionsOf(await viewer(req), params(req).board_id, page(req)));
  route(PROFILE_ROUTES.boardPins, async (req) => ctx.profiles.boardPins(await viewer(req), params(req).board_id, page(req)));
  route(PROFILE_ROUTES.sectionPins, async (req) => ctx.profiles.sectionPins(await viewer(req), params(req).board_id, params(req).section_id, page(req)));
  route(PROFILE_ROUTES.boardFollowState, async (req) => ctx.profiles.followState(await member(req), params(req).board_id));
  route(PROFILE_ROUTES.followBoard, async (req) => ctx.profiles.follow(await member(req), params(req).board_id));
  route(PROFILE_ROUTES.unfollowBoard, async (req) => ctx.profiles.unfollow(await member(req), params(req).board_id));
}
