// OAuth 2.0 as Pinterest runs it: authorization codes, refresh (with continuous refresh, and reuse detection of
// rotated refresh tokens), client credentials, revocation, and the bearer-token check every /v5 call goes through.
import { errors, ApiError } from '../lib/api-error.js';
import { TtlCache } from '../lib/ttl-cache.js';
import { randomToken, sha256 } from '../lib/secrets.js';
import type { IdGenerator } from '../lib/ids.js';
import type { Config } from '../config.js';
import type { AppRow } from '../repositories/apps.js';
import type { OauthRepository, TokenRow } from '../repositories/oauth.js';
import type { UserRow } from '../repositories/users.js';
import { KNOWN_SCOPES, type OperationSpec } from '../schemas/operations.js';

export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';

/**
 * The app id of Corkboard's own web app: a person logged in through the browser (cb_session cookie) calls /v5 as
 * this first-party app. No app row has it (app ids are numeric), so rate limits keyed by it never meet a real app's.
 */
export const WEB_APP_ID = 'web';

/** Who is calling: the token's user (the app's owner for client_credentials), app and scopes. */
export interface Principal {
  user: UserRow;
  /** The app's id, or WEB_APP_ID for a browser session of the web app. */
  appId: string;
  scopes: ReadonlySet<string>;
  grant: GrantType;
  tokenId: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
  response_type: GrantType;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  refresh_token_expires_at?: number;
}

/**
 * A grant as the developer console lists it: the tokens of one authorization (a minted token, a consent, or a
 * client-credentials call), with its refreshes. No secret: those are stored hashed and shown once, when issued.
 */
export interface Grant {
  /** The family id: every access and refresh token descending from the one authorization. */
  id: string;
  scopes: string[];
  grant_type: GrantType;
  created_at: string;
  /** When the newest live access token expires; null when only the refresh token is left. */
  expires_at: string | null;
  refresh_token_expires_at: string | null;
}

/** Pinterest sends scopes comma-separated; RFC 6749 uses spaces. Both are read. Unknown scopes are refused. */
export function parseScopes(raw: string | undefined, field = 'scope'): string[] {
  const scopes = [...new Set((raw ?? '').split(/[\s,]+/).filter(Boolean))];
  if (!scopes.length) throw errors.invalid(`${field} is required: a comma-separated list of scopes`);
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s));
  if (unknown.length) throw errors.invalid(`${field} has unknown scopes: ${unknown.join(', ')}`);
  return scopes;
}

const invalidGrant = (message: string) => new ApiError(400, 1, message);
/** One answer for every refused refresh token, a detected replay included: it tells a thief nothing. */
const invalidRefresh = () => invalidGrant('Invalid refresh token: unknown, expired, revoked, or issued to another app.');

/**
 * A rotated-away refresh token presented again more than this long after its rotation is a replay, and revokes
 * its family (every access and refresh token descending from the same authorization). Sooner, it is the same
 * client racing itself and is only refused.
 */
export const ROTATION_RACE_MS = 2_000;

/**
 * Access tokens checked in the last few seconds, so a busy client costs no database read per call. A token revoked
 * here leaves the cache at once; revoked through another instance, it may still pass here for PRINCIPAL_TTL_MS.
 */
const PRINCIPAL_TTL_MS = 5_000;

export class OauthService {
  private readonly principals = new TtlCache<Principal>(PRINCIPAL_TTL_MS, 10_000);

  constructor(
    private readonly repo: OauthRepository,
    private readonly ids: IdGenerator,
    private readonly ttl: Config['tokens'],
  ) {}

  /** Issues a single-use authorization code for an approved consent. */
  async issueCode(app: AppRow, user: UserRow, redirectUri: string, scopes: string[], refreshable: boolean): Promise<string> {
    const code = randomToken('', 24);
    const now = new Date();
    await this.repo.insertCode({
      code_hash: sha256(code), app_id: app.id, user_id: user.id, redirect_uri: redirectUri, scopes: scopes.join(','),
      refreshable: refreshable ? 1 : 0, family_id: this.ids.next(),
      expires_at: new Date(now.getTime() + this.ttl.authCodeTtlSeconds * 1000).toISOString(), used_at: null, created_at: now.toISOString(),
    });
    return code;
  }

  async exchangeCode(app: AppRow, code: string | undefined, redirectUri: string | undefined): Promise<TokenResponse> {
    if (!code) throw errors.invalid('code is required for grant_type authorization_code');
    if (!redirectUri) throw errors.invalid('redirect_uri is required for grant_type authorization_code');
    const hash = sha256(code);
    const row = await this.repo.codeByHash(hash);
    const now = new Date().toISOString();
    if (!row || row.app_id !== app.id) throw invalidGrant('Invalid authorization code: unknown, or issued to another app.');
    if (row.used_at || !(await this.repo.useCode(hash, now))) {
      // RFC 6749 4.1.2: a code used twice may have been stolen; revoke what the first use issued.
      await this.repo.revokeFamily(row.family_id, now);
      this.principals.clear(); // revocations are rare; dropping every cached token is simpler than finding the family's
      throw invalidGrant('Invalid authorization code: it was already used. Tokens issued with it have been revoked.');
    }
    if (row.expires_at <= now) throw invalidGrant('Invalid authorization code: it expired.');
    if (row.redirect_uri !== redirectUri) throw invalidGrant('redirect_uri does not match the one the authorization code was issued for.');
    return this.issue({ appId: app.id, userId: row.user_id, scopes: row.scopes, familyId: row.family_id }, 'authorization_code', row.refreshable === 1);
  }

  async refresh(app: AppRow, refreshToken: string | undefined, scope: string | undefined, continuous: boolean): Promise<TokenResponse> {
    if (!refreshToken) throw errors.invalid('refresh_token is required for grant_type refresh_token');
    const row = await this.repo.tokenByHash(sha256(refreshToken));
    const now = new Date().toISOString();
    if (!row || row.kind !== 'refresh' || row.app_id !== app.id) throw invalidRefresh();
    if (row.revoked_at) {
      // RFC 9700 4.14.2: a spent refresh token presented again means two parties hold it; revoke what it led to.
      // The same client racing itself (a retry, two tabs) presents it within moments of the rotation: not counted.
      if (Date.parse(now) - Date.parse(row.revoked_at) > ROTATION_RACE_MS) {
        await this.repo.revokeFamily(row.family_id, now);
        this.principals.clear();
      }
      throw invalidRefresh();
    }
    if (row.expires_at <= now) throw invalidRefresh();
    let scopes = row.scopes;
    if (scope) {
      const asked = parseScopes(scope);
      const held = new Set(row.scopes.split(','));
      const extra = asked.filter((s) => !held.has(s));
      if (extra.length) throw errors.invalid(`scope asks for more than the refresh token holds: ${extra.join(', ')}`);
      scopes = asked.join(',');
    }
    // Rotation spends the old refresh token; the conditional revoke lets exactly one of concurrent rotations win.
    // The loser of such a race read the token while it was live: a race, not a replay.
    if (continuous && !(await this.repo.revokeToken(row.id, now))) throw invalidRefresh();
    return this.issue({ appId: app.id, userId: row.user_id, scopes, familyId: row.family_id }, 'refresh_token', continuous);
  }

  /** A token for the app acting as its owner's account, as Pinterest's client credentials grant gives. */
  async clientCredentials(app: AppRow, scope: string | undefined): Promise<TokenResponse> {
    const scopes = parseScopes(scope);
    return this.issue({ appId: app.id, userId: app.owner_id, scopes: scopes.join(','), familyId: this.ids.next() }, 'client_credentials', false);
  }

  /** Mints tokens for a user and app without a browser, as Pinterest's developer console does. */
  mint(app: AppRow, user: UserRow, scopes: string[]): Promise<TokenResponse> {
    return this.issue({ appId: app.id, userId: user.id, scopes: scopes.join(','), familyId: this.ids.next() }, 'authorization_code', true);
  }

  /** Revokes an access or refresh token of this app; revoking a refresh token revokes its family. */
  async revoke(app: AppRow, token: string | undefined): Promise<void> {
    if (!token) throw errors.invalid('token is required');
    const row = await this.repo.tokenByHash(sha256(token));
    if (!row) return; // RFC 7009 2.2: an unknown token is not an error
    if (row.app_id !== app.id) throw errors.notPermitted();
    const now = new Date().toISOString();
    if (row.kind === 'refresh') await this.repo.revokeFamily(row.family_id, now);
    else await this.repo.revokeToken(row.id, now);
    this.principals.clear();
  }

  /** A user's live grants for an app, newest first. */
  async grants(app: AppRow, user: UserRow): Promise<Grant[]> {
    const families = new Map<string, Grant>();
    for (const t of await this.repo.liveTokensOf(app.id, user.id, new Date().toISOString())) { // oldest first
      const g = families.get(t.family_id) ?? { id: t.family_id, scopes: [], grant_type: t.grant_type, created_at: t.created_at, expires_at: null, refresh_token_expires_at: null };
      families.set(t.family_id, g);
      g.scopes = t.scopes.split(','); // a refresh may narrow them: the newest token's
      if (t.kind === 'access') g.expires_at = t.expires_at;
      else g.refresh_token_expires_at = t.expires_at;
    }
    return [...families.values()].reverse();
  }

  /** Revokes one of the user's grants for an app: its access and refresh tokens stop working at once. */
  async revokeGrant(app: AppRow, user: UserRow, grantId: string): Promise<void> {
    if (!(await this.repo.revokeFamilyOf(grantId, app.id, user.id, new Date().toISOString()))) throw errors.notFound('No live token of yours for this app has that id.');
    this.principals.clear();
  }

  /** Forgets every cached token check: after tokens were deleted from under it (an app deleted), or a user's
   * profile changed (checked tokens hold the old row; edits are rare). */
  forgetCachedTokens(): void {
    this.principals.clear();
  }

  /** The principal behind an Authorization header, or 401 (code 2). */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw errors.authFailed('Authentication failed: send an access token as "Authorization: Bearer <token>".');
    const token = match[1]!;
    const cached = this.principals.get(token);
    if (cached) return cached;
    const row = await this.repo.liveAccessToken(sha256(token), new Date().toISOString());
    if (!row) throw new ApiError(401, 2, 'Authentication failed: the access token is not valid, has expired or was revoked.');
    const principal: Principal = { user: row.user, appId: row.app_id, scopes: new Set(row.scopes.split(',')), grant: row.grant_type, tokenId: row.id };
    this.principals.set(token, principal, Date.parse(row.expires_at));
    return principal;
  }

  private async issue(
    grant: { appId: string; userId: string; scopes: string; familyId: string },
    responseType: GrantType,
    withRefresh: boolean,
  ): Promise<TokenResponse> {
    const now = Date.now();
    const createdAt = new Date(now).toISOString();
    const access = randomToken('pina_');
    const grantType: GrantType = responseType;
    const row = (kind: TokenRow['kind'], secret: string, ttl: number): TokenRow => ({
      id: this.ids.next(), token_hash: sha256(secret), kind, grant_type: grantType, app_id: grant.appId, user_id: grant.userId,
      scopes: grant.scopes, family_id: grant.familyId, expires_at: new Date(now + ttl * 1000).toISOString(), revoked_at: null, created_at: createdAt,
    });
    const rows = [row('access', access, this.ttl.accessTtlSeconds)];
    const response: TokenResponse = {
      access_token: access,
      token_type: 'bearer',
      expires_in: this.ttl.accessTtlSeconds,
      scope: grant.scopes,
      response_type: responseType,
    };
    if (withRefresh) {
      const refresh = randomToken('pinr_');
      rows.push(row('refresh', refresh, this.ttl.refreshTtlSeconds));
      response.refresh_token = refresh;
      response.refresh_token_expires_in = this.ttl.refreshTtlSeconds;
      response.refresh_token_expires_at = Math.floor(now / 1000) + this.ttl.refreshTtlSeconds;
    }
    await this.repo.insertTokens(rows);
    return response;
  }
}

/**
 * The scope rule of one operation, from the spec's security lists: a user token needs every scope of the
 * pinterest_oauth2 entry; a client_credentials token needs every scope of the client_credentials entry, and is
 * refused where the spec has none.
 */
export function checkScopes(op: OperationSpec, principal: Principal): void {
  const required = principal.grant === 'client_credentials' ? op.clientCredentials : op.oauth;
  if (required === null) {
    throw new ApiError(403, 29, principal.grant === 'client_credentials'
      ? 'You are not permitted to access that resource: this operation does not accept client_credentials tokens.'
      : 'You are not permitted to access that resource with a user token.');
  }
  const missing = required.filter((s) => !principal.scopes.has(s));
  if (missing.length) throw errors.insufficientScope(missing);
}
