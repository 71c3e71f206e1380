// Accounts: creation with Pinterest's username rules, and password checks: throttled per account and address
// (login-throttle.ts), and hashed at most PASSWORD_HASHING at a time, so a flood of guesses cannot take libuv's
// threadpool (4 threads, shared with file, DNS, crypto and image work) from everything else.
import { availableParallelism } from 'node:os';
import { ApiError, errors } from '../lib/api-error.js';
import { hashPassword, verifyPassword } from '../lib/secrets.js';
import { QueueFull, Semaphore } from '../lib/semaphore.js';
import { LoginThrottle } from './login-throttle.js';
import type { IdGenerator } from '../lib/ids.js';
import type { UserRow, UsersRepository } from '../repositories/users.js';
import { RESERVED_NAMES } from '../lib/reserved-names.js';

export type AccountType = 'PINNER' | 'BUSINESS';

// Pinterest: 3 to 30 letters, digits or underscores. Some names are taken by the app's own paths.
const USERNAME = /^[A-Za-z0-9_]{3,30}$/;
const MAX_PASSWORD = 256;

export interface NewUser {
  username: string;
  password: string;
  accountType?: AccountType;
  businessName?: string | null;
  about?: string;
  websiteUrl?: string;
}

/**
 * One process, one threadpool: at most two scrypt hashes at a time (each ~32 MB, tens of ms of a core), and one
 * on a two-core machine, so a flood of guesses leaves threads to file, DNS and image work and a core to the
 * event loop. A burst waits its turn up to 16 deep; beyond that the server is too busy for more and says so (429).
 */
export const PASSWORD_HASHING = new Semaphore(Math.max(1, Math.min(2, availableParallelism() - 1)), 16);

function checkNewPassword(password: unknown, field: string): void {
  if (typeof password !== 'string' || password.length < 8) throw errors.invalid(`${field} must be at least 8 characters`);
  if (password.length > MAX_PASSWORD) throw errors.invalid(`${field} must be at most ${MAX_PASSWORD} characters`);
}

const tooManyFailures = (seconds: number) => new ApiError(429, 8,
  `Too many failed log-ins. Try again in ${seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}.`, { 'retry-after': String(seconds) });
const tooBusy = () => new ApiError(429, 8, 'Too many passwords are being checked right now. Try again in a moment.', { 'retry-after': '1' });

export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly ids: IdGenerator,
    readonly throttle = new LoginThrottle(),
    private readonly hashing = PASSWORD_HASHING,
  ) {}

  private async hash<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.hashing.run(work);
    } catch (err) {
      throw err instanceof QueueFull ? tooBusy() : err;
    }
  }

  async create(input: NewUser): Promise<UserRow> {
    if (!USERNAME.test(input.username)) throw errors.invalid('username must be 3 to 30 letters, digits or underscores');
    if (RESERVED_NAMES.has(input.username.toLowerCase())) throw errors.invalid(`username ${input.username} is reserved`);
    checkNewPassword(input.password, 'password');
    const accountType = input.accountType ?? 'PINNER';
    if (accountType !== 'PINNER' && accountType !== 'BUSINESS') throw errors.invalid('account_type must be PINNER or BUSINESS');
    if (await this.users.byUsername(input.username)) throw errors.conflict(`username ${input.username} is taken`);
    const row: UserRow = {
      id: this.ids.next(),
      username: input.username,
      username_key: input.username.toLowerCase(),
      password_hash: await this.hash(() => hashPassword(input.password)),
      account_type: accountType,
      business_name: accountType === 'BUSINESS' ? (input.businessName ?? input.username) : null,
      about: input.about ?? '',
      website_url: input.websiteUrl ?? '',
      profile_image: null,
      created_at: new Date().toISOString(),
    };
    try {
      await this.users.insert(row);
    } catch (err) {
      // two creations raced past the check above: the unique index decided
      if (await this.users.byUsername(input.username)) throw errors.conflict(`username ${input.username} is taken`);
      throw err;
    }
    return row;
  }

  /**
   * Sets a new password once the current one is proven. A wrong one counts as a failed log-in of the account
   * from `address` (the same throttle: past it, 429 before any check), so a stolen session cannot be used to
   * guess the password faster than the log-in form allows.
   */
  async changePassword(user: UserRow, current: string, next: string, address: string): Promise<void> {
    checkNewPassword(next, 'new_password');
    if (next === current) throw errors.invalid('new_password must differ from current_password');
    const proven = await this.checkPassword(user.username, current, address);
    if (proven?.id !== user.id) throw errors.invalid('current_password is wrong');
    await this.users.setPasswordHash(user.id, await this.hash(() => hashPassword(next)));
  }

  async byUsername(username: string): Promise<UserRow> {
    const user = await this.users.byUsername(username);
    if (!user) throw errors.userNotFound();
    return user;
  }

  /** Ids of the named users that exist, by lower-cased username. */
  idsByUsername(usernames: string[]): Promise<Map<string, string>> {
    return this.users.idsByUsername(usernames);
  }

  /**
   * The user for a username and password, or null: one answer for both "no such user" and "wrong password".
   * 429 (with Retry-After) when `address` or the account had too many failures lately, or too many checks wait.
   */
  async checkPassword(username: string, password: string, address: string): Promise<UserRow | null> {
    const wait = this.throttle.begin(username, address);
    if (wait) throw tooManyFailures(wait);
    // No account has such a name or password (create() refuses them): wrong for all, so not worth hashing.
    if (!USERNAME.test(username) || password.length > MAX_PASSWORD) return null;
    let user: UserRow | undefined;
    let ok: boolean;
    try {
      user = await this.users.byUsername(username);
      // same cost either way, so timing does not tell which usernames exist
      ok = await this.hash(() => (user ? verifyPassword(password, user.password_hash) : hashPassword(password).then(() => false)));
    } catch (err) {
      this.throttle.cancelled(username, address);
      throw err;
    }
    if (!ok || !user) return null;
    this.throttle.succeeded(username, address);
    return user;
  }
}
