// Test helpers: a fresh database per suite on each dialect, a server on 127.0.0.1, and seeding shortcuts.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../src/config.js';
import { createContext, type Context } from '../src/context.js';
import { buildApp } from '../src/http/app.js';
import { ORGANIC_SCOPES } from '../src/schemas/operations.js';
import { PASSWORD_HASHING } from '../src/services/users.js';

export type Dialect = 'sqlite' | 'postgres';

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const FIXTURES = path.resolve(REPO_ROOT, 'test', 'fixtures');

export function dialects(): Dialect[] {
  const wanted = (process.env.DIALECTS ?? 'sqlite').split(',').map((d) => d.trim());
  return wanted.filter((d): d is Dialect => d === 'sqlite' || (d === 'postgres' && !!process.env.CORKBOARD_TEST_PG_URL));
}

/** Runs `fn` once per dialect, inside a describe block named after it (one suite, every implementation). */
export function forEachDialect(name: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of dialects()) describe(`${name} [${dialect}]`, () => fn(dialect));
}

export interface TestDatabase { env: Record<string, string>; drop(): Promise<void> }

/** A brand-new, empty database: a temp data dir for SQLite, a new database in the test PostgreSQL server. */
export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-test-'));
  if (dialect === 'sqlite') {
    return { env: { CORKBOARD_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const admin = process.env.CORKBOARD_TEST_PG_URL!;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    env: { CORKBOARD_DATA_DIR: dataDir, CORKBOARD_DATABASE_URL: url.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  url: string;
  ctx: Context;
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
  /** Creates a user and returns it with its password. */
  user(name?: string, password?: string): Promise<{ id: string; username: string; password: string }>;
  /** Creates an app owned by `owner` with the given redirect URIs. */
  app_(owner: string, redirectUris?: string[]): Promise<{ client_id: string; client_secret: string }>;
  /** Mints an access token for a user (all organic scopes unless given). */
  token(username: string, clientId: string, scopes?: string[]): Promise<{ access_token: string; refresh_token?: string }>;
}

let counter = 0;
export const uniqueName = (prefix = 'user') => `${prefix}_${process.pid}_${++counter}`;

export async function startServer(dialect: Dialect, env: Record<string, string> = {}): Promise<TestServer> {
  const database = await freshDatabase(dialect);
  const config = loadConfig({ ...database.env, CORKBOARD_LOG_LEVEL: 'silent', ...env }, { port: 0, host: '127.0.0.1' });
  const ctx = await createContext(config);
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  config.publicUrl = url;
  return {
    url, ctx, app, config,
    async close() { await app.close(); await ctx.close(); await database.drop(); },
    async user(name = uniqueName(), password = 'correct horse battery') {
      const row = await ctx.users.create({ username: name, password });
      return { id: row.id, username: row.username, password };
    },
    async app_(owner, redirectUris = ['http://localhost:8085/']) {
      return ctx.apps.create((await ctx.users.byUsername(owner)).id, 'Test app', redirectUris);
    },
    async token(username, clientId, scopes = [...ORGANIC_SCOPES]) {
      const app = await ctx.apps.byClientId(clientId);
      return ctx.oauth.mint(app!, await ctx.users.byUsername(username), scopes);
    },
  };
}

/** Two users with all-scope tokens on an app of the first (the owner), and a board of the owner's. */
export async function ownerAndOther(s: TestServer, boardName: string) {
  const owner = await s.user();
  const other = await s.user();
  const app = await s.app_(owner.username);
  const token = (await s.token(owner.username, app.client_id)).access_token;
  const otherToken = (await s.token(other.username, app.client_id)).access_token;
  const board = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: boardName } })).data.id as string;
  return { owner, app, token, otherToken, board };
}

/** fetch with a bearer token and JSON in and out. */
export async function api(base: string, method: string, pathname: string, opts: { token?: string; json?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(opts.json); }
  const res = await fetch(base + pathname, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let data: any;
  try { data = text ? JSON.parse(text) : undefined; } catch { data = text; }
  return { status: res.status, data, headers: res.headers };
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/** Runs `fn` while every password-hashing slot and queue place is taken, then frees them. */
export async function whileHashingIsFull(fn: () => Promise<void>) {
  let release!: () => void;
  const busy = new Promise<void>((r) => { release = r; });
  const held = Array.from({ length: PASSWORD_HASHING.limit + PASSWORD_HASHING.maxWaiting }, () => PASSWORD_HASHING.run(() => busy));
  try { await fn(); } finally {
    release();
    await Promise.all(held);
  }
}
