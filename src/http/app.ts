// Builds the Fastify app for a context. It never listens: server.ts does, and tests may inject.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { Context } from '../context.js';
import { toJson } from '../lib/immutable.js';
import { clientError, frameworkError, registerErrorHandling } from './plugins/errors.js';
import { registerRequestId, requestId } from './plugins/request-id.js';
import { registerRequestChecks } from './plugins/request-checks.js';
import { buildValidator, registerFormBodyTypes } from './plugins/body-validation.js';
import { boundConnectionsPerAddress, enforceMinBodyRate, timeoutOptions } from './limits.js';
import { registerApiAuth } from './plugins/api-auth.js';
import { oauthRoutes } from './v5/oauth.js';
import { userAccountRoutes } from './v5/user-account.js';
import { boardRoutes } from './v5/boards.js';
import { sectionRoutes } from './v5/sections.js';
import { pinRoutes } from './v5/pins.js';
import { mediaRoutes } from './media.js';
import { uploadRoutes } from './uploads.js';
import { downloadApiRoutes } from './download-api.js';
import { mediaApiRoutes } from './v5/media.js';
import { followRoutes } from './v5/follows.js';
import { searchRoutes } from './v5/search.js';
import { websiteRoutes } from './v5/websites.js';
import { analyticsRoutes } from './v5/analytics.js';
import { eventRoutes } from './web/events.js';
import { boardFollowRoutes } from './web/board-follow.js';
import { oauthPageRoutes } from './web/oauth-page.js';
import { homeRoutes } from './web/home.js';
import { appShellRoutes } from './web/app-shell.js';
import { resourceRoutes } from './web-resources/resources.js';
import { shortLinkRoutes } from './web-resources/short-links.js';
import { pidgetRoutes } from './v3/pidgets.js';
import { publicPageRoutes } from './web/public-pages.js';
import { securityHeaders } from './web/security-headers.js';
import { appApiRoutes } from './app-api/index.js';

export interface AppOptions { logger?: boolean }

/** Trusts the `n` proxies nearest the server, whatever their addresses. */
const hops = (n: number) => (_address: string, hop: number) => hop < n;

export async function buildApp(ctx: Context, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : {
      level: ctx.config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'], // secrets never reach the log
    },
    bodyLimit: 48 * 1024 * 1024, // base64 images of Pinterest's 20 MB maximum, with room to spare
    // Query strings and path parameters are text read as the schema's types; bodies are not coerced (body-validation.ts).
    ajv: { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: false } },
    schemaController: { compilersFactory: { buildValidator } },
    return503OnClosing: false, // plugins/errors.ts answers 503 itself, as {code, message}
    forceCloseConnections: 'idle',
    genReqId: requestId,
    // req.ip (log-in throttle, beacons) from X-Forwarded-For only through these proxies (a count: the nearest hops)
    trustProxy: typeof ctx.config.trustProxy === 'number' ? hops(ctx.config.trustProxy) : ctx.config.trustProxy,
    ...timeoutOptions(ctx.config.http),
    clientErrorHandler: clientError,
    frameworkErrors: frameworkError,
  });
  boundConnectionsPerAddress(app.server, ctx.config.http.maxConnectionsPerAddress);
  enforceMinBodyRate(app.server, ctx.config.http);
  app.setReplySerializer((payload) => toJson(payload)); // immutable answers (cached pins) are stringified once
  registerRequestId(app);
  registerErrorHandling(app);
  registerRequestChecks(app);
  registerFormBodyTypes(app);
  await app.register(formbody);
  await app.register(multipart);
  registerApiAuth(app, ctx);

  oauthRoutes(app, ctx);
  userAccountRoutes(app, ctx);
  boardRoutes(app, ctx);
  sectionRoutes(app, ctx);
  pinRoutes(app, ctx);
  mediaRoutes(app, ctx);
  mediaApiRoutes(app, ctx);
  followRoutes(app, ctx);
  searchRoutes(app, ctx);
  websiteRoutes(app, ctx);
  analyticsRoutes(app, ctx);
  uploadRoutes(app, ctx);
  downloadApiRoutes(app, ctx);
  // Workers run while the app serves: they start once it is ready and finish their jobs before it closes.
  app.addHook('onReady', () => ctx.jobs.start());
  app.addHook('preClose', () => ctx.jobs.stop());
  resourceRoutes(app, ctx);
  shortLinkRoutes(app, ctx);
  pidgetRoutes(app, ctx);
  // Pages for people: only they carry cookies, so only their requests pay for parsing them.
  await app.register(async (web) => {
    await web.register(cookie);
    securityHeaders(web, () => ctx.config.publicUrl);
    appApiRoutes(web, ctx);
    oauthPageRoutes(web, ctx);
    homeRoutes(web);
    appShellRoutes(web);
    eventRoutes(web, ctx);
    boardFollowRoutes(web, ctx);
    publicPageRoutes(web, ctx); // catch-all web paths (/<user>/...): reserved first segments fall through to not-found
  });
  return app;
}
