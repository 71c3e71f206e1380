// Handlers of the developer console's routes (console-routes.ts), for the signed-in user only. Each calls the
// service the CLI uses for the same thing: ctx.apps for apps, ctx.oauth.mint for a token (as `corkboard token`),
// ctx.downloads for API keys (as `corkboard apikey create`).
import type { Context } from '../../context.js';
import { KNOWN_SCOPES, scopeDescription } from '../../schemas/operations.js';
import { CONSOLE_ROUTES } from './console-routes.js';
import type { NewApiKeyBody, NewAppBody, NewTokenBody } from './console-schemas.js';
import type { RouteFn } from './index.js';
import { signedIn } from './signed-in.js';

export function consoleHandlers(route: RouteFn, ctx: Context): void {
  route(CONSOLE_ROUTES.scopes, async (req) => {
    await signedIn(ctx, req);
    return { items: KNOWN_SCOPES.map((scope) => ({ scope, description: scopeDescription(scope) })) };
  });

  route(CONSOLE_ROUTES.appsList, async (req) => ({ items: await ctx.apps.list((await signedIn(ctx, req)).id) }));

  route(CONSOLE_ROUTES.appsCreate, async (req, reply) => {
    const user = await signedIn(ctx, req);
    const body = req.body as NewAppBody;
    return reply.code(201).send(await ctx.apps.create(user.id, body.name, body.redirect_uris));
  });

  route(CONSOLE_ROUTES.appsRotateSecret, async (req) => {
    const user = await signedIn(ctx, req);
    return ctx.apps.rotateSecret(user.id, (req.params as { client_id: string }).client_id);
  });

  route(CONSOLE_ROUTES.appsDelete, async (req, reply) => {
    const user = await signedIn(ctx, req);
    await ctx.apps.delete(user.id, (req.params as { client_id: string }).client_id);
    return reply.code(204).send();
  });

  route(CONSOLE_ROUTES.tokensList, async (req) => {
    const user = await signedIn(ctx, req);
    const app = await ctx.apps.owned(user.id, (req.params as { client_id: string }).client_id);
    return { items: await ctx.oauth.grants(app, user) };
  });

  route(CONSOLE_ROUTES.tokensCreate, async (req, reply) => {
    const user = await signedIn(ctx, req);
    const app = await ctx.apps.owned(user.id, (req.params as { client_id: string }).client_id);
    return reply.code(201).send(await ctx.oauth.mint(app, user, (req.body as NewTokenBody).scopes));
  });

  route(CONSOLE_ROUTES.tokensRevoke, async (req, reply) => {
    const user = await signedIn(ctx, req);
    const params = req.params as { client_id: string; token_id: string };
    await ctx.oauth.revokeGrant(await ctx.apps.owned(user.id, params.client_id), user, params.token_id);
    return reply.code(204).send();
  });

  route(CONSOLE_ROUTES.apiKeysList, async (req) => ({ items: await ctx.downloads.keysOf((await signedIn(ctx, req)).id) }));

  route(CONSOLE_ROUTES.apiKeysCreate, async (req, reply) => {
    const user = await signedIn(ctx, req);
    const body = req.body as NewApiKeyBody;
    return reply.code(201).send(await ctx.downloads.createKey(user.id, body.name, body.daily_quota));
  });

  route(CONSOLE_ROUTES.apiKeysRevoke, async (req, reply) => {
    const user = await signedIn(ctx, req);
    await ctx.downloads.revokeKey(user.id, (req.params as { key_id: string }).key_id);
    return reply.code(204).send();
  });
}
