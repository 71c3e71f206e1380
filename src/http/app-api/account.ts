// Handlers of the account routes (account-routes.ts): each needs a signed-in session.
import type { Context } from '../../context.js';
import type { ProfileChanges } from '../../services/account-settings.js';
import { SESSION_COOKIE } from '../session-cookie.js';
import { ACCOUNT_ROUTES } from './account-routes.js';
import type { RouteFn } from './index.js';
import { signedIn } from './signed-in.js';

export function accountHandlers(route: RouteFn, ctx: Context): void {
  route(ACCOUNT_ROUTES.getProfile, async (req) => ctx.accountSettings.present(await signedIn(ctx, req)));

  route(ACCOUNT_ROUTES.updateProfile, async (req) => ctx.accountSettings.update(await signedIn(ctx, req), req.body as ProfileChanges));

  route(ACCOUNT_ROUTES.setProfileImage, async (req) => {
    const body = req.body as { content_type: string; data: string };
    return ctx.accountSettings.setImage(await signedIn(ctx, req), body.content_type, body.data);
  });

  route(ACCOUNT_ROUTES.removeProfileImage, async (req) => ctx.accountSettings.removeImage(await signedIn(ctx, req)));

  route(ACCOUNT_ROUTES.changePassword, async (req, reply) => {
    const user = await signedIn(ctx, req);
    const body = req.body as { current_password: string; new_password: string };
    await ctx.sessions.changePassword(req.cookies[SESSION_COOKIE]!, user, body.current_password, body.new_password, req.ip);
    return reply.code(204).send();
  });
}
