// Handlers of the account routes (account-routes.ts): each needs a signed-in session.
import type { Context } from '../../context.js';
import type { ProfileChanges } from '../../services/profile.js';
import { SESSION_COOKIE } from '../session-cookie.js';
import { ACCOUNT_ROUTES } from './account-routes.js';
import type { RouteFn } from './index.js';
import { signedIn } from './signed-in.js';

export function accountHandlers(route: RouteFn, ctx: Context): void {
  route(ACCOUNT_ROUTES.getProfile, async (req) => ctx.profiles.present(await signedIn(ctx, req)));

  route(ACCOUNT_ROUTES.updateProfile, async (req) => ctx.profiles.update(await signedIn(ctx, req), req.body as ProfileChanges));

  route(ACCOUNT_ROUTES.setProfileImage, async (req) => {
    const body = req.body as { content_type: string; data: string };
    return ctx.profiles.setImage(await signedIn(ctx, req), body.content_type, body.data);
  });

  route(ACCOUNT_ROUTES.removeProfileImage, async (req) => ctx.profiles.removeImage(await signedIn(ctx, req)));

  route(ACCOUNT_ROUTES.changePassword, async (req, reply) => {
    const user = await signedIn(ctx, req);
    const body = req.body as { current_password: string; new_password: string };
    await ctx.sessions.changePassword(req.cookies[SESSION_COOKIE]!, user, body.current_password, body.new_password, req.ip);
    return reply.code(204).send();
  });
}
