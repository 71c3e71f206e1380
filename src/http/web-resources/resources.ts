// Pinterest's web resource protocol, served for Corkboard's own public content, so one downloader (Corkboard's
// own, or the ones people already use) reads pinterest.com and any Corkboard instance alike.
//
// REQUEST
//   GET /resource/<Name>Resource/get/?source_url=<web path>&data=<JSON>        (HEAD too; trailing slash optional)
//   data = {"options": {...}, "context": {}}; source_url and the X-Pinterest-PWS-Handler header are accepted and
//   ignored (never required). Unknown option keys (field_set_key, board_url, ...) are ignored and echoed.
//   Paged resources take options.page_size (default 25, clamped to 1..250; a non-number means 25) and
//   options.bookmarks: ["<bookmark>"] (the first element is used; missing, [], [""] or [null] = first page;
//   "-end-" = past the end: an empty page). Nothing is ever visible here but PUBLIC boards and their pins:
//   PROTECTED/SECRET boards, their sections and pins answer 404 exactly like ids that never existed.
//
// SUCCESS (HTTP 200)
//   {"resource_response": {"status": "success", "code": 0, "message": "ok", "data": <DATA>, "bookmark": <B>},
//    "resource": {"name": "<Name>Resource", "options": {...the options sent..., "bookmarks": [<B>]}}}
//   Paged resources: <B> is the next page's bookmark (opaque, URL-safe) or "-end-" on the last page (a page may
//   be full and still the last). Single-object resources carry no "bookmark" and echo options unchanged.
//
// FAILURE (HTTP 400 bad data JSON / missing or malformed option / bad bookmark; 404 unknown or not public;
//   404 for an unknown resource name)
//   {"resource_response": {"status": "failure", "code": <n>, "message": "<text>", "data": null,
//     "error": {"message": "<text>", "code": <n>, "http_status": <400|404>}},
//    "resource": {"name": "<Name>Resource", "options": {...}}}
//   codes: 1 invalid parameters, 30 user not found, 40 board not found, 50 pin not found, 2031 section not found,
//   404 no such resource.
//
// RESOURCES (options -> data)
//   PinResource            {id}                                   -> PIN
//   BoardResource          {username, slug} or {board_id}         -> BOARD
//   BoardFeedResource      {board_id} (or {username, slug})       -> [PIN...] paged; the board's pins that are in none
//                                                                    of its sections (those come from its sections, as
//                                                                    on Pinterest), newest first
//   BoardSectionsResource  {board_id} (or {username, slug})       -> [SECTION...] paged, oldest first
//   BoardSectionResource   {section_id} or {username, board_slug (or slug), section_slug} -> SECTION + {"board": BOARD}
//                                                                    (section_slug may also be the section's id)
//   BoardSectionPinsResource {section_id}                         -> [PIN...] paged, newest first
//   BoardsResource         {username}                             -> [BOARD...] paged: the user's PUBLIC boards, newest
//                                                                    first (sort, include_archived, ... are ignored)
//   UserResource           {username}                             -> USER
//   UserPinsResource       {username}                             -> [PIN...] paged: the user's pins on PUBLIC boards
//   UserActivityPinsResource {username}                           -> [PIN...] paged: the same without the pins the user
//                                                                    saved from others (the profile's "Created" tab)
//   BaseSearchResource     {query, scope: "pins" (the default; no other scope)} -> {"results": [PIN...]} paged: the
//                                                                    PUBLIC pins of every user holding all the words of
//                                                                    query in their title, description, alt text or
//                                                                    board name (words as GET /v5/search/pins reads them,
//                                                                    the last one also as a prefix), best match first
//
// PIN = {"id", "type": "pin", "title" (string, "" if none), "grid_title" (= title), "description" ("" if none),
//   "alt_text" (string|null), "link" (string|null), "domain" (link's host without "www.", or "Uploaded by user"),
//   "dominant_color" ("#rrggbb"), "created_at" ("Thu, 01 Jan 2026 00:00:00 +0000"), "is_video" (bool),
//   "repin_count" (times saved), "seo_url" ("/pin/<id>/"), "board_section_id" (string|null),
//   "pinner": USER_REF, "board": {"id", "name", "url": "/<user>/<slug>/", "privacy": "PUBLIC"},
//   "images": IMAGES, "videos": null | {"id", "video_list": {"V_720P": {"url" (absolute .mp4), "width", "height",
//       "duration" (ms), "thumbnail" (absolute image URL)}}},
//   "carousel_data": null | {"carousel_slots": [{"id", "title", "description", "link", "images": IMAGES}, ...]}
//       (for carousels "images" is the first slot's),
//   "story_pin_data": null (Corkboard has no story pins)}
// IMAGES = {"orig", "736x", "474x", "236x", "170x"}, each {"url" (absolute), "width", "height"} at the rendition's
//   true size: orig = the original; 736x = Corkboard's 1200x; 474x = 600x; 236x = 400x300 crop; 170x = 150x150 crop.
// USER_REF = {"id", "username", "full_name", "image_small_url", "profile_url" (absolute)}
// USER = USER_REF + {"type": "user", "image_medium_url", "image_xlarge_url", "about", "website_url",
//   "pin_count" (public pins), "board_count" (public boards), "follower_count", "following_count"}
// BOARD = {"id", "type": "board", "name", "url": "/<user>/<slug>/", "description", "privacy": "PUBLIC",
//   "created_at", "pin_count", "section_count", "follower_count", "collaborator_count", "owner": USER_REF,
//   "image_cover_url" (string|null), "image_thumbnail_url" (string|null)}
// SECTION = {"id", "type": "board_section", "title", "slug", "pin_count", "board_id"}
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { ApiError, errors } from '../../lib/api-error.js';
import { decodeBookmark, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from '../../lib/bookmark.js';
import type { BoardRow } from '../../repositories/boards.js';
import { SEARCH_CURSOR_ARITY } from '../../services/search.js';
import { refuseNul } from '../plugins/request-checks.js';

export const END = '-end-';

type Options = Record<string, unknown>;
type Single = { kind: 'single'; run: (o: Options) => Promise<unknown> };
/** arity: how many keys the list's bookmarks hold (1 unless said); results: data is {"results": [...]}. */
type Paged = { kind: 'paged'; arity?: number; results?: true; run: (o: Options, page: PageRequest) => Promise<Page<unknown>> };

/** A string option (numbers are read as their digits); 400 naming it when missing or of another type. */
function opt(o: Options, name: string, required: true): string;
function opt(o: Options, name: string, required?: false): string | undefined;
function opt(o: Options, name: string, required = false): string | undefined {
  const v = o[name];
  if (v === undefined || v === null || v === '') {
    if (required) throw errors.invalid(`Invalid parameters: options.${name} is required.`);
    return undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string' || v.length > 2048) throw errors.invalid(`Invalid parameters: options.${name} must be a string.`);
  return v;
}

/** options.page_size coerced into 1..250 (default 25), and the first of options.bookmarks. */
export function pageFromOptions(o: Options, arity = 1): PageRequest | 'end' {
  const raw = typeof o.page_size === 'string' ? Number(o.page_size) : o.page_size;
  const size = typeof raw === 'number' && Number.isFinite(raw) ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(raw))) : DEFAULT_PAGE_SIZE;
  const list = o.bookmarks;
  const first = Array.isArray(list) ? list[0] : list;
  if (first === undefined || first === null || first === '') return { pageSize: size, after: null };
  if (typeof first !== 'string') throw errors.invalid('Invalid parameters: options.bookmarks must be a list of strings.');
  if (first === END) return 'end';
  return { pageSize: size, after: decodeBookmark(first, arity) };
}

export function resourceRoutes(app: FastifyInstance, ctx: Context): void {
  const pc = ctx.publicContent;
  const board = (o: Options): Promise<BoardRow> => {
    const id = opt(o, 'board_id');
    if (id) return pc.boardRow(id);
    return pc.boardRowBySlug(opt(o, 'username', true), opt(o, 'slug', true));
  };
  const RESOURCES: Record<string, Single | Paged> = {
    PinResource: { kind: 'single', run: async (o) => pc.pin(opt(o, 'pin_id') ?? opt(o, 'id', true)) },
    BoardResource: { kind: 'single', run: async (o) => pc.board(await board(o)) },
    BoardFeedResource: { kind: 'paged', run: async (o, page) => pc.boardFeed(await board(o), page) },
    BoardSectionsResource: { kind: 'paged', run: async (o, page) => pc.sections(await board(o), page) },
    BoardSectionResource: {
      kind: 'single',
      run: async (o) => {
        const id = opt(o, 'section_id');
        const found = id ? await pc.sectionRow(id) : await pc.sectionRowBySlug(opt(o, 'username', true), opt(o, 'board_slug') ?? opt(o, 'slug') ?? opt(o, 'board_slug', true), opt(o, 'section_slug', true));
        const [section, board] = await Promise.all([pc.section(found.section), pc.board(found.board)]);
        return { ...section, board };
      },
    },
    BoardSectionPinsResource: { kind: 'paged', run: async (o, page) => pc.sectionPins((await pc.sectionRow(opt(o, 'section_id', true))).section, page) },
    UserResource: { kind: 'single', run: async (o) => pc.user(await pc.userByName(opt(o, 'username', true))) },
    BoardsResource: { kind: 'paged', run: async (o, page) => pc.userBoards(await pc.userByName(opt(o, 'username', true)), page) },
    UserPinsResource: { kind: 'paged', run: async (o, page) => pc.userPins(await pc.userByName(opt(o, 'username', true)), page) },
    UserActivityPinsResource: { kind: 'paged', run: async (o, page) => pc.userCreatedPins(await pc.userByName(opt(o, 'username', true)), page) },
    BaseSearchResource: {
      kind: 'paged',
      arity: SEARCH_CURSOR_ARITY,
      results: true,
      run: async (o, page) => {
        const scope = opt(o, 'scope');
        if (scope !== undefined && scope !== 'pins') throw errors.invalid('Invalid parameters: options.scope must be "pins" (only pins are searched here).');
        const found = await ctx.search.publicPins(opt(o, 'query', true), page);
        return { items: await pc.presentPins(found.items), bookmark: found.bookmark };
      },
    },
  };

  const handler = async (req: FastifyRequest<{ Params: { name: string }; Querystring: Record<string, unknown> }>, reply: FastifyReply) => {
    const name = req.params.name;
    let options: Options = {};
    const fail = (err: ApiError) => reply.code(err.status).type('application/json; charset=utf-8').send({
      resource_response: { status: 'failure', code: err.code, message: err.message, data: null, error: { message: err.message, code: err.code, http_status: err.status } },
      resource: { name, options },
    });
    try {
      options = parseData(req.query.data);
      const resource = Object.hasOwn(RESOURCES, name) ? RESOURCES[name] : undefined;
      if (!resource) throw new ApiError(404, 404, `Resource not found: ${name}.`);
      if (resource.kind === 'single') {
        const data = await resource.run(options);
        return reply.type('application/json; charset=utf-8').send({ resource_response: { status: 'success', code: 0, message: 'ok', data }, resource: { name, options } });
      }
      const page = pageFromOptions(options, resource.arity);
      const result = page === 'end' ? { items: [], bookmark: null } : await resource.run(options, page);
      const bookmark = result.bookmark ?? END;
      return reply.type('application/json; charset=utf-8').send({
        resource_response: { status: 'success', code: 0, message: 'ok', data: resource.results ? { results: result.items } : result.items, bookmark },
        resource: { name, options: { ...options, bookmarks: [bookmark] } },
      });
    } catch (err) {
      if (err instanceof ApiError) return fail(err);
      req.log.error({ err }, 'resource failed');
      return fail(new ApiError(500, 500, 'Internal error. It has been logged.'));
    }
  };
  app.get('/resource/:name/get/', handler);
  app.get('/resource/:name/get', handler);
}

/** The options of the `data` parameter: a JSON object whose "options" is an object (missing: {}). */
function parseData(raw: unknown): Options {
  if (raw === undefined || raw === '') return {};
  if (typeof raw !== 'string') throw errors.invalid('Invalid parameters: data must be given once, as JSON.');
  let parsed: unknown;
  try { parsed = JSON.parse(raw); } catch { throw errors.invalid('Invalid parameters: data is not valid JSON.'); }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw errors.invalid('Invalid parameters: data must be a JSON object with "options".');
  const options = (parsed as { options?: unknown }).options;
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw errors.invalid('Invalid parameters: data.options must be a JSON object.');
  refuseNul(options, 'data.options');
  return options as Options;
}
