// Handlers of the public pin routes (public-routes.ts): the viewer is the signed-in user or nobody (ANONYMOUS).
import type { FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { ANONYMOUS } from '../../services/public-content.js';
import { PinCloseupService } from '../../services/pin-closeup.js';
import type { RouteFn } from './index.js';
import { PUBLIC_ROUTES } from './public-routes.js';
import { viewerUser } from './signed-in.js';

export function publicHandlers(route: RouteFn, ctx: Context): void {
  const closeup = new PinCloseupService(ctx.pins, ctx.boards, ctx.sections, ctx.users);
  const viewer = async (req: FastifyRequest) => {
    const user = await viewerUser(ctx, req);
    return user ? ctx.sessions.principalFor(user) : ANONYMOUS;
  };
  const pinId = (req: FastifyRequest) => (req.params as { pin_id: string }).pin_id;

  route(PUBLIC_ROUTES.publicPin, async (req) => closeup.pin(await viewer(req), pinId(req)));
  route(PUBLIC_ROUTES.pinPlace, async (req) => closeup.place(await viewer(req), pinId(req)));
}
