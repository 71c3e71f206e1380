// Signed-in people of the web side (the OAuth consent page, the web app and /v5 called from it). The cookie holds a random
// session id; the database holds only its hash.
import { randomToken, sha256 } from '../lib/secrets.js';
import type { UserRow } from '../repositories/users.js';
import type { WebSessionsRepository } from '../repositories/web-sessions.js';
import type { UsersService } from './users.js';
import { WEB_APP_ID, type Principal } from './oauth.js';
import { ORGANIC_SCOPES } from '../schemas/operations.js';

const SESSION_TTL_SECONDS = 14 * 86400;

export class WebSessionsService {
  readonly ttlSeconds = SESSION_TTL_SECONDS;

  constructor(private readonly repo: WebSessionsRepository, private readonly users: UsersService) {}

  /**
   * A new session id for a correct username and password, or null; 429 when throttled (UsersService.checkPassword).
   * `address` is the client's; callers in this process (tests) count as one, 'local'.
   */
  async logIn(username: string, password: string, address = 'local'): Promise<{ sessionId: string; user: UserRow } | null> {
    const user = await this.users.checkPassword(username, password, address);
    if (!user) return null;
    return { sessionId: await this.open(user), user };
  }

  /** A new session id for a user already proven (just signed up, or logged in). */
  async open(user: UserRow): Promise<string> {
    const sessionId = randomToken('', 32);
    const now = Date.now();
    await this.repo.deleteExpired(new Date(now).toISOString());
    await this.repo.insert({ id_hash: sha256(sessionId), user_id: user.id, created_at: new Date(now).toISOString(), expires_at: new Date(now + SESSION_TTL_SECONDS * 1000).toISOString() });
    return sessionId;
  }

  async user(sessionId: string | undefined): Promise<UserRow | null> {
    if (!sessionId) return null;
    return (await this.repo.userFor(sha256(sessionId), new Date().toISOString())) ?? null;
  }

  async logOut(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.repo.delete(sha256(sessionId));
  }

  /**
   * Changes the password of the session's user (UsersService.changePassword's rules) and ends every other
   * session of theirs: a browser that learnt the old password is logged out; this one stays.
   */
  async changePassword(sessionId: string, user: UserRow, current: string, next: string, address = 'local'): Promise<void> {
    await this.users.changePassword(user, current, next, address);
    await this.repo.deleteOthers(user.id, sha256(sessionId));
  }

  /** A signed-in person acts on the web side as the first-party app: with every organic scope, on their own behalf. */
  principalFor(user: UserRow): Principal {
    return { user, appId: WEB_APP_ID, scopes: WEB_SCOPES, grant: 'authorization_code', tokenId: WEB_APP_ID };
  }
}

const WEB_SCOPES: ReadonlySet<string> = new Set(ORGANIC_SCOPES);
