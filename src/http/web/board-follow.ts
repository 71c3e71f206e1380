// Following a board from its page: POST /web/boards/<id>/follow with the form's csrf, action=follow|unfollow and
// next (the board's path), as the signed-in person; back to the board with 303.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import { ApiError } from '../../lib/api-error.js';
import { csrfValid } from './csrf.js';
import { errorPage, safeNext, SESSION_COOKIE } from './oauth-page.js';

interface FollowForm { csrf?: string; action?: string; next?: string }

export function boardFollowRoutes(app: FastifyInstance, ctx: Context): void {
  app.post<{ Params: { boardId: string }; Body: FollowForm }>('/web/boards/:boardId/follow', async (req, reply) => {
    const user = await ctx.sessions.user(req.cookies[SESSION_COOKIE]);
    if (!user) return errorPage(reply, 401, 'Not logged in', 'Log in to follow boards.');
    const body = req.body ?? {};
    if (!csrfValid(req, body.csrf, ctx.config.publicUrl)) return errorPage(reply, 403, 'Form expired', 'The form could not be verified. Go back and try again.');
    if (body.action !== 'follow' && body.action !== 'unfollow') return errorPage(reply, 400, 'Bad request', 'action must be follow or unfollow.');
    const p = ctx.sessions.principalFor(user);
    try {
      if (body.action === 'follow') await ctx.follows.followBoard(p, req.params.boardId);
      else await ctx.follows.unfollowBoard(p, req.params.boardId);
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) return errorPage(reply, err.status, err.status === 404 ? 'Not found' : 'Bad request', err.message);
      throw err;
    }
    return reply.redirect(safeNext(body.next), 303);
  });
}
