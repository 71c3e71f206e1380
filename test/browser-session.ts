// A browser as the web app's API sees it: a cookie jar, and the CSRF token it learnt from GET /api/app/session,
// sent as X-CSRF-Token on state-changing requests (as the SDK does). Over real HTTP, with fetch. And the check that
// an answer is what the app API's route table documents.
import assert from 'node:assert/strict';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { APP_ROUTES } from '../src/http/app-api/routes.js';

export interface Answer { status: number; data: any; headers: Headers; setCookie: string[] }

/** The answer has the status and matches the schema the route table (routes.ts) documents for it. */
export function documented(route: keyof typeof APP_ROUTES, res: Answer, status: number): void {
  assert.equal(res.status, status, JSON.stringify(res.data));
  const documentedResponse = (APP_ROUTES[route].responses as Record<number, { schema?: TSchema }>)[status];
  assert.ok(documentedResponse, `${route} does not document ${status}`);
  if (documentedResponse.schema) {
    assert.ok(Value.Check(documentedResponse.schema, res.data), `${route} ${status}: ${JSON.stringify(res.data)} does not match its schema`);
  } else {
    assert.equal(res.data, undefined);
  }
}

export class Browser {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(readonly base: string) {}

  /** A request with the jar's cookies; the CSRF header unless `csrf: false` (or a value of one's choosing). */
  async fetch(method: string, pathname: string, opts: { json?: unknown; headers?: Record<string, string>; csrf?: string | false } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    let body: string | undefined;
    if (opts.json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(opts.json); }
    const res = await fetch(this.base + pathname, { method, headers: { ...headers, ...opts.headers }, body, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const text = await res.text();
    let data: any;
    try { data = text ? JSON.parse(text) : undefined; } catch { data = text; }
    return { status: res.status, data, headers: res.headers, setCookie };
  }

  /** GET /api/app/session, keeping its CSRF token. */
  async session(): Promise<Answer> {
    const res = await this.fetch('GET', '/api/app/session');
    if (res.status === 200) this.csrf = res.data.csrf_token;
    return res;
  }

  /** Signs up (after a session GET for the CSRF token); throws unless it answers 201. */
  async signUp(username: string, password = 'correct horse battery'): Promise<Answer> {
    if (!this.csrf) await this.session();
    const res = await this.fetch('POST', '/api/app/signup', { json: { username, password } });
    if (res.status !== 201) throw new Error(`signup ${username}: ${res.status} ${JSON.stringify(res.data)}`);
    return res;
  }

  async logIn(username: string, password: string): Promise<Answer> {
    if (!this.csrf) await this.session();
    return this.fetch('POST', '/api/app/login', { json: { username, password } });
  }
}
