// The shareable paths, as Pinterest spells them: /pin/<id>/ (also /pin/<slug>--<id>/), /<user>/, /<user>/pins/,
// /<user>/<board>/, /<user>/<board>/<section>/. Each answers the web app's shell with the status of what the
// visitor may see there (404 otherwise) and, for link previews, crawlers, downloaders and browsers without
// JavaScript, the public content itself: Open Graph tags and a plain page inside <noscript>. Anonymous renderings:
// PUBLIC boards and their pins only.
// These catch-all paths never shadow other routes: first segments in RESERVED_NAMES (and every static route, which
// the router prefers) go to the app's not-found handler instead.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { ApiError } from '../../lib/api-error.js';
import { decodeBookmark, type PageRequest } from '../../lib/bookmark.js';
import { shortCodeFor } from '../../lib/short-links.js';
import type { WebBoard, WebPin, WebSection } from '../../services/public-content.js';
import { escapeHtml, html, type Raw } from './html.js';
import { secureCookies, SESSION_COOKIE } from './oauth-page.js';
import { csrfToken } from './csrf.js';
import { PLAYER_BEACON_JS, PUBLIC_CSS } from './static-assets.js';
import type { UserRow } from '../../repositories/users.js';
import { RESERVED_NAMES } from '../../lib/reserved-names.js';
import { fillShell, readShell } from './app-shell.js';


const PAGE_PINS = 50;

function layout(title: string, body: Raw): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Corkboard</title>
<link rel="stylesheet" href="${PUBLIC_CSS.path}"></head><body><header><a href="/">Corkboard</a></header><main>${body.value}</main></body></html>`;
}

const tile = (p: WebPin) => html`<a class="tile" href="/pin/${p.id}/"><img src="${p.images['236x'].url}" alt="${p.alt_text ?? p.title}" loading="lazy" width="${p.images['236x'].width}" height="${p.images['236x'].height}"><span>${p.title || p.description.slice(0, 80)}</span></a>`;

const grid = (pins: WebPin[], bookmark: string | null, base: string) => html`<div class="grid">${pins.map(tile)}</div>
${bookmark ? html`<a class="more" href="${base}?bookmark=${encodeURIComponent(bookmark)}">More pins</a>` : ''}`;

function pinBody(pin: WebPin, publicUrl: string): Raw {
  const media = pin.videos
    ? html`<video data-pin="${pin.id}" controls preload="metadata" src="${pin.videos.video_list.V_720P.url}" poster="${pin.images['736x'].url}" width="${pin.videos.video_list.V_720P.width}" height="${pin.videos.video_list.V_720P.height}"></video>`
    : pin.carousel_data
      ? pin.carousel_data.carousel_slots.map((s) => html`<figure><a href="${s.images.orig.url}"><img src="${s.images['736x'].url}" alt="${s.title}"></a>${s.title || s.description ? html`<figcaption>${s.title} ${s.description}</figcaption>` : ''}</figure>`)
      : html`<a href="${pin.images.orig.url}"><img src="${pin.images['736x'].url}" alt="${pin.alt_text ?? pin.title}" width="${pin.images['736x'].width}" height="${pin.images['736x'].height}"></a>`;
  return html`<article class="pin">${media}
<h1>${pin.title || 'Pin'}</h1>
${pin.description ? html`<p>${pin.description}</p>` : ''}
${pin.link && /^https?:\/\//i.test(pin.link) ? html`<p><a href="/events/outbound/${pin.id}/" rel="nofollow noopener">${pin.domain}</a></p>` : ''}
<p class="muted">Saved by <a href="/${encodeURIComponent(pin.pinner.username)}/">${pin.pinner.full_name}</a> to <a href="${pin.board.url}">${pin.board.name}</a> · ${pin.created_at}</p>
<p class="muted">Short link: <code>${publicUrl}/url_shortener/${shortCodeFor('pin', pin.id)}/redirect/</code> · <a href="${pin.images.orig.url}">original image</a>${pin.videos ? html` · <a href="${pin.videos.video_list.V_720P.url}">video</a>` : ''}</p>
</article>${pin.videos ? PLAYER_BEACON : ''}`;
}

/** Tells analytics a video started, and how long it played (static-assets.ts). */
const PLAYER_BEACON = html`<script src="${PLAYER_BEACON_JS.path}" defer></script>`;

const followForm = (b: WebBoard, following: boolean, csrf: string) => html`<form method="post" action="/web/boards/${b.id}/follow">
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="action" value="${following ? 'unfollow' : 'follow'}"><input type="hidden" name="next" value="${b.url}">
<button type="submit">${following ? 'Unfollow' : 'Follow'}</button> <span class="muted">${b.follower_count} followers</span></form>`;

/** A page as anonymous visitors see it: the no-script body, and what link previews show (Open Graph). */
type Rendered = { title: string; body: Raw; og?: { description: string; image?: string; type?: string } };

/** Link-preview tags: Open Graph, which most previewers (and Pinterest's own) read. */
function openGraph(page: Rendered, url: string): string {
  const tags: Array<[string, string]> = [['og:site_name', 'Corkboard'], ['og:title', page.title], ['og:url', url], ['og:type', page.og?.type ?? 'website']];
  if (page.og?.description) tags.push(['og:description', page.og.description.slice(0, 300)]);
  if (page.og?.image) tags.push(['og:image', page.og.image]);
  tags.push(['twitter:card', page.og?.image ? 'summary_large_image' : 'summary']);
  const description = page.og?.description ? `<meta name="description" content="${escapeHtml(page.og.description.slice(0, 300))}">\n` : '';
  return description + tags.map(([k, v]) => `<meta property="${k}" content="${escapeHtml(v)}">`).join('\n');
}

function boardHeader(board: WebBoard, publicUrl: string, section?: WebSection): Raw {
  return html`<h1>${section ? section.title : board.name}</h1>
${section ? html`<p class="muted">A section of <a href="${board.url}">${board.name}</a></p>` : board.description ? html`<p>${board.description}</p>` : ''}
<p class="muted">By <a href="/${encodeURIComponent(board.owner.username)}/">${board.owner.full_name}</a> · ${section ? section.pin_count : board.pin_count} pins${section ? '' : html` · short link <code>${publicUrl}/url_shortener/${shortCodeFor('board', board.id)}/redirect/</code>`}</p>`;
}

export function publicPageRoutes(app: FastifyInstance, ctx: Context): void {
  const pc = ctx.publicContent;
  const publicUrl = () => ctx.config.publicUrl;

  type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, unknown> }>;
  const pageOf = (req: Req): PageRequest => {
    const b = req.query.bookmark;
    return { pageSize: PAGE_PINS, after: typeof b === 'string' && b ? decodeBookmark(b, 1) : null };
  };

  /** Who is signed in (or null) and the reply, for pages that offer actions. */
  type Visit = { user: UserRow | null; reply: FastifyReply };

  /**
   * The web app's shell for a shareable path, with the status the visitor's view of it has: 200 when they may
   * see it (a signed-in owner sees their own secret board), else 404. Inside it, for link previews and visitors
   * without JavaScript, `work`'s page of the public content; reserved first segments go to the app's not-found
   * handler. Without a built app the public page is served alone. What the app then shows, it reports to
   * analytics itself (its beacon), so serving the page records nothing.
   */
  const view = (work: (req: Req, visit: Visit) => Promise<Rendered>, guarded = true) => async (req: Req, reply: FastifyReply) => {
    if (guarded && RESERVED_NAMES.has((req.params.user ?? '').toLowerCase())) return reply.callNotFound();
    const user = req.cookies[SESSION_COOKIE] ? await ctx.sessions.user(req.cookies[SESSION_COOKIE]) : null;
    let status = 200;
    let page: Rendered;
    try {
      // The public rendering's own lookups 404 what an anonymous visitor may not see; a signed-in one may see
      // more (their own non-public boards), which only the resolver knows.
      if (user) await pc.resolvePath(req.url.split('?')[0]!, ctx.sessions.principalFor(user));
      page = await work(req, { user, reply }).catch((err) => {
        if (!user || !(err instanceof ApiError) || err.status !== 404) throw err;
        return { title: 'Private', body: html`<p>This page is private: open it with JavaScript on, signed in as its owner.</p>` };
      });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
      status = err.status;
      const title = err.status === 404 ? 'Not found' : 'Bad request';
      page = { title, body: html`<h1>${title}</h1>
<p>${err.status === 404 ? 'There is nothing here, or it is not public.' : err.message}</p>` };
    }
    const shell = await readShell();
    reply.code(status).type('text/html; charset=utf-8');
    if (!shell) return reply.send(layout(page.title, page.body));
    return reply.header('cache-control', 'no-cache').send(fillShell(shell, { title: `${escapeHtml(page.title)} · Corkboard`, head: openGraph(page, publicUrl() + req.url.split('?')[0]), noscript: page.body.value }));
  };

  const pin = view(async (req) => {
    const id = (req.params.id ?? '').split('--').pop() ?? '';
    const p = await pc.pin(id);
    return { title: p.title || 'Pin', body: pinBody(p, publicUrl()), og: { description: p.description, image: p.images['736x'].url, type: 'article' } };
  }, false);

  const profile = view(async (req, { user: viewer }) => {
    const user = await pc.user(await pc.userByName(req.params.user!));
    const boards = await pc.userBoards(await pc.userByName(req.params.user!), { pageSize: 100, after: null });
    return {
      title: user.full_name,
      body: html`<img class="avatar" src="${user.image_medium_url}" alt="${user.full_name}" width="120" height="120">
<h1>${user.full_name}</h1><p class="muted">@${user.username} · ${user.pin_count} pins · ${user.board_count} boards</p>
${user.about ? html`<p class="about">${user.about}</p>` : ''}
${/^https?:\/\//i.test(user.website_url) ? html`<p><a href="${user.website_url}" rel="nofollow noopener ugc">${user.website_url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '')}</a></p>` : ''}
<p><a href="/${encodeURIComponent(user.username)}/pins/">All pins</a>${viewer?.id === user.id ? html` · <a href="/settings/">Edit profile</a>` : ''}</p>
<div class="grid">${boards.items.map((b) => html`<a class="tile" href="${b.url}">${b.image_cover_url ? html`<img src="${b.image_cover_url}" alt="" loading="lazy">` : ''}<span><b>${b.name}</b> · ${b.pin_count} pins</span></a>`)}</div>`,
      og: { description: user.about || `${user.pin_count} pins and ${user.board_count} boards on Corkboard.`, type: 'profile', ...(user.image_medium_url ? { image: user.image_medium_url } : {}) },
    };
  });

  const userPins = view(async (req) => {
    const row = await pc.userByName(req.params.user!);
    const page = await pc.userPins(row, pageOf(req));
    const name = row.business_name || row.username;
    return { title: `${name}'s pins`, body: html`<h1>Pins by <a href="/${encodeURIComponent(row.username)}/">${name}</a></h1>${grid(page.items, page.bookmark, `/${encodeURIComponent(row.username)}/pins/`)}`, og: { description: `Pins saved by ${name} on Corkboard.`, ...(page.items[0] ? { image: page.items[0].images['736x'].url } : {}) } };
  });

  const board = view(async (req, { user, reply }) => {
    const row = await pc.boardRowBySlug(req.params.user!, req.params.board!);
    const [b, sections, page] = await Promise.all([pc.board(row), pc.sections(row, { pageSize: 250, after: null }), pc.boardPins(row, pageOf(req))]);
    // Signed-in people may follow someone else's board from its page.
    const follow = user && user.id !== row.owner_id
      ? followForm(b, await ctx.follows.followsBoard(user.id, b.id), csrfToken(req, reply, secureCookies(ctx)))
      : '';
    return {
      title: b.name,
      body: html`${boardHeader(b, publicUrl())}${follow}
${sections.items.length ? html`<ul class="links">${sections.items.map((s) => html`<li><a href="${b.url}${encodeURIComponent(s.slug)}/">${s.title}</a> <span class="muted">${s.pin_count} pins</span></li>`)}</ul>` : ''}
${grid(page.items, page.bookmark, b.url)}`,
      og: { description: b.description || `${b.pin_count} pins by ${b.owner.full_name}`, ...(b.image_cover_url ? { image: b.image_cover_url } : {}) },
    };
  });

  const section = view(async (req) => {
    const found = await pc.sectionRowBySlug(req.params.user!, req.params.board!, req.params.section!);
    const [b, s, page] = await Promise.all([pc.board(found.board), pc.section(found.section), pc.sectionPins(found.section, pageOf(req))]);
    return { title: `${s.title} · ${b.name}`, body: html`${boardHeader(b, publicUrl(), s)}${grid(page.items, page.bookmark, `${b.url}${encodeURIComponent(s.slug)}/`)}`, og: { description: `${s.pin_count} pins in a section of ${b.name}`, ...(page.items[0] ? { image: page.items[0].images['736x'].url } : {}) } };
  });

  const both = (path: string, handler: ReturnType<typeof view>) => { app.get(path, handler); app.get(`${path}/`, handler); };
  both('/pin/:id', pin);
  both('/:user', profile);
  both('/:user/pins', userPins);
  both('/:user/:board', board);
  both('/:user/:board/:section', section);
}
