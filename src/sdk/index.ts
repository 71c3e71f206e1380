// Corkboard's typed SDK: openapi-fetch clients for Pinterest's API v5 (as Corkboard serves it, under /v5) and for
// Corkboard's own JSON API (/api/app/), typed by the files `npm run gen:sdk` generates from spec/. Used by the web
// app (bundled from here) and exported by the package as "corkboard/sdk".
// A browser authenticated by the cb_session cookie must prove each state change with X-CSRF-Token: the clients
// share a CsrfToken that adds it to every non-GET request without an Authorization header, taking the value from
// GET /api/app/session (and from the session, log-in and sign-up answers, which carry the current one).
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as CorkboardPaths } from './corkboard.generated.js';
import type { paths as PinterestPaths } from './pinterest.generated.js';

export type { CorkboardPaths, PinterestPaths };
export type { components as CorkboardComponents } from './corkboard.generated.js';
export type { components as PinterestComponents } from './pinterest.generated.js';
export type PinterestClient = Client<PinterestPaths>;
export type CorkboardClient = Client<CorkboardPaths>;

export interface ClientOptions {
  /** The server's origin, e.g. "https://corkboard.example"; in a browser, the page's origin when omitted. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
  /** The CSRF token source; clients given the same one share it (the default is one per client). */
  csrf?: CsrfToken;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Corkboard answers whose JSON body carries the current csrf_token. */
const CARRIES_TOKEN = /\/api\/app\/(session|login|signup)$/;

export class CsrfToken {
  private value: Promise<string> | null = null;

  constructor(private readonly origin: string, private readonly fetchImpl: typeof globalThis.fetch = globalThis.fetch,
    private readonly headers: Record<string, string> = {}) {}

  /** The current token, asking the server once (again after a failure). */
  get(): Promise<string> {
    const fetchImpl = this.fetchImpl; // called unbound: a browser's fetch refuses another `this`
    this.value ??= fetchImpl(`${this.origin}/api/app/session`, { headers: this.headers, credentials: 'same-origin' })
      .then(async (res) => {
        const body = (await res.json()) as { csrf_token?: unknown };
        if (!res.ok || typeof body.csrf_token !== 'string') throw new Error(`GET /api/app/session answered ${res.status}`);
        return body.csrf_token;
      })
      .catch((e: unknown) => { this.value = null; throw e; });
    return this.value;
  }

  set(token: string): void { this.value = Promise.resolve(token); }

  readonly middleware: Middleware = {
    onRequest: async ({ request }) => {
      if (SAFE_METHODS.has(request.method) || request.headers.has('authorization') || request.headers.has('x-csrf-token')) return request;
      request.headers.set('x-csrf-token', await this.get());
      return request;
    },
    onResponse: async ({ response }) => {
      if (response.ok && CARRIES_TOKEN.test(new URL(response.url || 'http://x/').pathname)) {
        const body = (await response.clone().json().catch(() => null)) as { csrf_token?: unknown } | null;
        if (typeof body?.csrf_token === 'string') this.set(body.csrf_token);
      }
      return response;
    },
  };
}

function originOf(options: ClientOptions): string {
  // `location` exists in browsers only (the server's build has no DOM types).
  const here = (globalThis as { location?: { origin: string } }).location;
  const origin = options.baseUrl ?? here?.origin;
  if (!origin) throw new Error('baseUrl is required outside a browser');
  return origin.replace(/\/+$/, '');
}

function withCsrf<T extends Client<any>>(client: T, origin: string, options: ClientOptions): T {
  client.use((options.csrf ?? new CsrfToken(origin, options.fetch, options.headers)).middleware);
  return client;
}

/** Pinterest's API v5 on a Corkboard server (paths as in Pinterest's document: "/boards" is /v5/boards). */
export function createPinterestClient(options: ClientOptions = {}): PinterestClient {
  const origin = originOf(options);
  return withCsrf(createClient<PinterestPaths>({ baseUrl: `${origin}/v5`, fetch: options.fetch, headers: options.headers, credentials: 'same-origin' }), origin, options);
}

/** Corkboard's own JSON API (paths as in spec/corkboard.openapi.json: "/api/app/session"). */
export function createCorkboardClient(options: ClientOptions = {}): CorkboardClient {
  const origin = originOf(options);
  return withCsrf(createClient<CorkboardPaths>({ baseUrl: origin, fetch: options.fetch, headers: options.headers, credentials: 'same-origin' }), origin, options);
}
