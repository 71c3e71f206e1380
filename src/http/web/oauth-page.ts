// Pinterest's authorization page (https://www.pinterest.com/oauth/): log in, then approve or deny an app's
// request for scopes. Unknown apps and unregistered redirect URIs get an error page, never a redirect. Log-ins
// are throttled (UsersService.checkPassword): a throttled one gets the form again with 429 and Retry-After.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import type { AppRow } from '../../repositories/apps.js';
import type { UserRow } from '../../repositories/users.js';
import { ApiError } from '../../lib/api-error.js';
import { checkRedirectUri } from '../../services/apps.js';
import { parseScopes } from '../../services/oauth.js';
import { scopeDescription } from '../../schemas/operations.js';
import { csrfToken, csrfValid } from './csrf.js';
import { html, page, type Raw } from './html.js';
import { clearSessionCookie, secureCookies, SESSION_COOKIE, setSessionCookie } from '../session-cookie.js';

export { secureCookies, SESSION_COOKIE } from '../session-cookie.js';

type Params = Record<string, string | undefined>;

interface AuthorizeRequest { app: AppRow; redirectUri: string; scopes: string[]; state: string | undefined; refreshable: boolean }

/** An error for the person at the browser (a page), or for the app (a redirect back to it). */
type Outcome = { ok: AuthorizeRequest } | { page: { status: number; title: string; message: string } } | { redirect: string };

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

function usableRedirect(uri: string): boolean {
  try { checkRedirectUri(uri); return true; } catch { return false; }
}

async function validate(ctx: Context, q: Params): Promise<Outcome> {
  const clientId = q.client_id ?? q.consumer_id;
  const app = clientId ? await ctx.apps.byClientId(clientId) : undefined;
  if (!app) return { page: { status: 400, title: 'Unknown app', message: clientId ? `No app has the id ${clientId}.` : 'The link has no client_id.' } };
  const redirectUri = q.redirect_uri;
  // Checked again here: an app registered before the scheme rule may still hold a javascript: or plain-http URI.
  if (!redirectUri || !usableRedirect(redirectUri) || !(await ctx.apps.isRegisteredRedirect(app.id, redirectUri))) {
    return { page: { status: 400, title: 'Redirect not allowed', message: `The redirect_uri ${redirectUri ?? '(none)'} is not registered for ${app.name}. Nothing was shared.` } };
  }
  if (q.response_type !== 'code') {
    return { redirect: redirectWith(redirectUri, { error: 'unsupported_response_type', error_description: 'response_type must be code', state: q.state }) };
  }
  let scopes: string[];
  try {
    scopes = parseScopes(q.scope);
  } catch (err) {
    return { redirect: redirectWith(redirectUri, { error: 'invalid_scope', error_description: (err as Error).message, state: q.state }) };
  }
  return { ok: { app, redirectUri, scopes, state: q.state, refreshable: q.refreshable !== 'false' } };
}

function loginPage(csrf: string, next: string, error?: string): Raw {
  return html`<h1>Log in to Corkboard</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/login">
  <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="next" value="${next}">
  <label for="username">Username</label><input id="username" type="text" name="username" autocomplete="username" required>
  <label for="password">Password</label><input id="password" type="password" name="password" autocomplete="current-password" required>
  <button class="primary" type="submit">Log in</button>
</form>`;
}

function consentPage(csrf: string, user: UserRow, r: AuthorizeRequest): Raw {
  return html`<h1>${r.app.name} wants access to your Corkboard account</h1>
<p class="signed-in">Signed in as <strong>${user.username}</strong></p>
<p>If you allow it, ${r.app.name} will be able to:</p>
<ul class="scopes">${r.scopes.map((s) => html`<li><strong>${scopeDescription(s)}</strong> <span class="muted">(${s})</span></li>`)}</ul>
<form method="post" action="/oauth/">
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="client_id" value="${r.app.id}">
  <input type="hidden" name="redirect_uri" value="${r.redirectUri}">
  <input type="hidden" name="response_type" value="code">
  <input type="hidden" name="scope" value="${r.scopes.join(',')}">
  ${r.state !== undefined ? html`<input type="hidden" name="state" value="${r.state}">` : ''}
  <input type="hidden" name="refreshable" value="${r.refreshable ? 'true' : 'false'}">
  <div class="actions">
    <button class="secondary" type="submit" name="decision" value="deny">Deny</button>
    <button class="primary" type="submit" name="decision" value="allow">Allow</button>
  </div>
</form>
<p class="muted footnote">You will be sent back to ${new URL(r.redirectUri).origin}.</p>`;
}

export function errorPage(reply: FastifyReply, status: number, title: string, message: string) {
  return reply.code(status).type('text/html; charset=utf-8').send(page(title, html`<h1>${title}</h1><p class="error">${message}</p>`));
}

/** Only same-site paths, so the login form cannot be turned into an open redirect. */
export function safeNext(next: unknown): string {
  // Control characters too: browsers drop a tab or newline, so "/\t/evil.example" would leave the site.
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') && !/[\u0000-\u001f\u007f]/.test(next) ? next : '/';
}

export function oauthPageRoutes(app: FastifyInstance, ctx: Context): void {
  const secure = secureCookies(ctx);

  app.get('/oauth/', async (req, reply) => {
    const outcome = await validate(ctx, req.query as Params);
    if ('page' in outcome) return errorPage(reply, outcome.page.status, outcome.page.title, outcome.page.message);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 302);
    const csrf = csrfToken(req, reply, secure);
    const user = await ctx.sessions.user(req.cookies[SESSION_COOKIE]);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!user) return page('Log in', loginPage(csrf, req.url));
    return page(`Allow ${outcome.ok.app.name}`, consentPage(csrf, user, outcome.ok));
  });
  app.get('/oauth', async (req, reply) => reply.redirect(`/oauth/${req.url.slice('/oauth'.length)}`, 301));

  app.post('/oauth/', async (req, reply) => {
    const body = (req.body ?? {}) as Params;
    if (!csrfValid(req, body.csrf, ctx.config.publicUrl)) return errorPage(reply, 403, 'Form expired', 'The form could not be verified. Go back and try again.');
    const user = await ctx.sessions.user(req.cookies[SESSION_COOKIE]);
    if (!user) return errorPage(reply, 401, 'Not logged in', 'Your session ended. Go back and log in again.');
    const outcome = await validate(ctx, body);
    if ('page' in outcome) return errorPage(reply, outcome.page.status, outcome.page.title, outcome.page.message);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 302);
    const r = outcome.ok;
    if (body.decision !== 'allow') return reply.redirect(redirectWith(r.redirectUri, { error: 'access_denied', state: r.state }), 302);
    const code = await ctx.oauth.issueCode(r.app, user, r.redirectUri, r.scopes, r.refreshable);
    return reply.redirect(redirectWith(r.redirectUri, { code, state: r.state }), 302);
  });

  app.post('/login', async (req: FastifyRequest, reply) => {
    const body = (req.body ?? {}) as Params;
    const next = safeNext(body.next);
    if (!csrfValid(req, body.csrf, ctx.config.publicUrl)) return errorPage(reply, 403, 'Form expired', 'The form could not be verified. Go back and try again.');
    let session: Awaited<ReturnType<typeof ctx.sessions.logIn>> = null;
    try {
      session = body.username && body.password ? await ctx.sessions.logIn(body.username, body.password, req.ip) : null;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 429) throw err;
      // Throttled: the form again, with the wait, as a browser shows it; Retry-After for scripts.
      const csrf = csrfToken(req, reply, secure);
      return reply.code(429).headers(err.headers).type('text/html; charset=utf-8').send(page('Log in', loginPage(csrf, next, err.message)));
    }
    if (!session) {
      const csrf = csrfToken(req, reply, secure);
      return reply.code(401).type('text/html; charset=utf-8').send(page('Log in', loginPage(csrf, next, 'Wrong username or password.')));
    }
    setSessionCookie(reply, ctx, session.sessionId);
    return reply.redirect(next, 303);
  });

  app.post('/logout', async (req, reply) => {
    const body = (req.body ?? {}) as Params;
    if (!csrfValid(req, body.csrf, ctx.config.publicUrl)) return errorPage(reply, 403, 'Form expired', 'The form could not be verified. Go back and try again.');
    await ctx.sessions.logOut(req.cookies[SESSION_COOKIE]);
    clearSessionCookie(reply, ctx);
    return reply.redirect('/', 303);
  });
}
