// The composition root: opens the database, leases an id worker, and wires repositories, services and
// adapters together. The HTTP app, the CLI and the tests all start from here.
import type { Config } from './config.js';
import { openDatabase, type DbHandle } from './db/database.js';
import { IdGenerator, MAX_WORKERS } from './lib/ids.js';
import { AppsRepository } from './repositories/apps.js';
import { CountersRepository } from './repositories/counters.js';
import { OauthRepository } from './repositories/oauth.js';
import { UsersRepository } from './repositories/users.js';
import { WebSessionsRepository } from './repositories/web-sessions.js';
import { AppsService } from './services/apps.js';
import { OauthService } from './services/oauth.js';
import { UsersService } from './services/users.js';
import { WebSessionsService } from './services/web-sessions.js';
import { MemoryRateLimiter } from './adapters/rate-limiter/memory.js';
import type { RateLimiter } from './adapters/rate-limiter/rate-limiter.js';

export interface Context {
  config: Config;
  database: DbHandle;
  ids: IdGenerator;
  users: UsersService;
  apps: AppsService;
  oauth: OauthService;
  sessions: WebSessionsService;
  rateLimiter: RateLimiter;
  close(): Promise<void>;
}

export async function createContext(config: Config): Promise<Context> {
  const database = await openDatabase(config);
  const { db } = database;
  // Each process leases its own worker number, so ids from concurrent processes never collide.
  const worker = (await new CountersRepository(db).increment('id_worker')) % MAX_WORKERS;
  const ids = new IdGenerator(worker);
  const rateLimiter = new MemoryRateLimiter();
  const users = new UsersService(new UsersRepository(db), ids);
  return {
    config,
    database,
    ids,
    users,
    apps: new AppsService(new AppsRepository(db), ids),
    oauth: new OauthService(new OauthRepository(db), ids, config.tokens),
    sessions: new WebSessionsService(new WebSessionsRepository(db), users),
    rateLimiter,
    async close() {
      await rateLimiter.close();
      await database.close();
    },
  };
}
