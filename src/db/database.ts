// Opens the database the configuration names (SQLite under the data dir, or PostgreSQL) and migrates it.
// The rest of the code sees only Kysely<Database> and the capability flags below, never a dialect name.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider, type SqliteDialectConfig } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  /** What the engine can do, for the few places where the two differ. */
  capabilities: { fullText: 'fts5' | 'tsvector' };
  /**
   * A number that moves whenever committed data may have changed, by this process or any other: what lets a
   * cache keep database reads exactly as long as they are true. Null where the engine cannot tell cheaply
   * (PostgreSQL: other instances write without telling this one), and then nothing is kept.
   */
  generation: (() => number) | null;
  describe: string;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; our counters fit in a JS number.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * better-sqlite3 with each statement prepared once per SQL text. Kysely prepares on every query, and preparing
 * costs more than running the small indexed queries most requests make. Bounded, oldest dropped first.
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000): SqliteDialectConfig['database'] {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close: () => { cache.clear(); sqlite.close(); },
  } as SqliteDialectConfig['database'];
}

/**
 * SQLite's generation: rows changed by this connection (total_changes(), every INSERT/UPDATE/DELETE, trigger and
 * cascade, counted even when rolled back) and commits by other connections (data_version: the CLI writing the
 * same file). Either one moving moves the generation.
 */
function sqliteGeneration(sqlite: SQLite.Database): () => number {
  const own = sqlite.prepare('SELECT total_changes()').pluck();
  const others = sqlite.prepare('PRAGMA data_version').pluck();
  let lastOwn = -1;
  let lastOthers = -1;
  let generation = 0;
  return () => {
    const o = own.get() as number;
    const x = others.get() as number;
    if (o !== lastOwn || x !== lastOthers) { lastOwn = o; lastOthers = x; generation++; }
    return generation;
  };
}

export async function openDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<DbHandle> {
  let handle: DbHandle;
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover, pg_terminate_backend) is only discarded: the pool
    // opens a new one when needed. Without a listener, that 'error' would end the process.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL dropped an idle connection: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    handle = { db, capabilities: { fullText: 'tsvector' }, generation: null, describe: 'postgresql', close: () => db.destroy() };
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    const file = path.join(config.dataDir, 'corkboard.sqlite');
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL'); // with WAL: durable across process crashes, fast commits
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000'); // the CLI and the server may write at the same time
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    handle = { db, capabilities: { fullText: 'fts5' }, generation: sqliteGeneration(sqlite), describe: `sqlite ${file}`, close: () => db.destroy() };
  }
  try {
    await migrate(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

export async function migrate(db: Kysely<any>): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${(error as Error).message ?? error}`);
  }
}
