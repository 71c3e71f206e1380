// Tokens and authorization codes: everything here is looked up by the SHA-256 of its secret.
import type { Db } from '../db/database.js';
import type { AuthCodesTable, OauthTokensTable, UsersTable } from '../db/schema.js';

export type TokenRow = OauthTokensTable;
export type AuthCodeRow = AuthCodesTable;

export class OauthRepository {
  constructor(private readonly db: Db) {}

  async insertTokens(rows: TokenRow[]): Promise<void> {
    await this.db.insertInto('oauth_tokens').values(rows).execute();
  }

  tokenByHash(hash: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('oauth_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }

  /** The hot path of every API call: a live access token and its user, in one indexed query. */
  liveAccessToken(hash: string, now: string): Promise<(TokenRow & { user: UsersTable }) | undefined> {
    return this.db.selectFrom('oauth_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .selectAll('t')
      .select(['u.username', 'u.username_key', 'u.password_hash', 'u.account_type', 'u.business_name', 'u.about', 'u.website_url', 'u.profile_image', 'u.created_at as user_created_at'])
      .where('t.token_hash', '=', hash)
      .where('t.kind', '=', 'access')
      .where('t.revoked_at', 'is', null)
      .where('t.expires_at', '>', now)
      .executeTakeFirst()
      .then((r) => r && {
        ...r,
        user: {
          id: r.user_id, username: r.username, username_key: r.username_key, password_hash: r.password_hash, account_type: r.account_type,
          business_name: r.business_name, about: r.about, website_url: r.website_url, profile_image: r.profile_image, created_at: r.user_created_at,
        },
      });
  }

  /** Revokes one token; false when it was already revoked (a concurrent caller got there first). */
  async revokeToken(id: string, now: string): Promise<boolean> {
    const res = await this.db.updateTable('oauth_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** A user's tokens for an app that still work (neither revoked nor expired), oldest first. */
  liveTokensOf(appId: string, userId: string, now: string): Promise<TokenRow[]> {
    return this.db.selectFrom('oauth_tokens').selectAll()
      .where('app_id', '=', appId).where('user_id', '=', userId).where('revoked_at', 'is', null).where('expires_at', '>', now)
      .orderBy('id').execute();
  }

  /** Revokes a family of this app and user; false when it has no live token (none, or another's). */
  async revokeFamilyOf(familyId: string, appId: string, userId: string, now: string): Promise<boolean> {
    const res = await this.db.updateTable('oauth_tokens').set({ revoked_at: now })
      .where('family_id', '=', familyId).where('app_id', '=', appId).where('user_id', '=', userId)
      .where('revoked_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async revokeFamily(familyId: string, now: string): Promise<void> {
    await this.db.updateTable('oauth_tokens').set({ revoked_at: now }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
  }

  async insertCode(row: AuthCodeRow): Promise<void> {
    await this.db.insertInto('auth_codes').values(row).execute();
  }

  codeByHash(hash: string): Promise<AuthCodeRow | undefined> {
    return this.db.selectFrom('auth_codes').selectAll().where('code_hash', '=', hash).executeTakeFirst();
  }

  /** Marks a code used; false when it already was (the atomic test that makes codes single-use). */
  async useCode(hash: string, now: string): Promise<boolean> {
    const res = await this.db.updateTable('auth_codes').set({ used_at: now }).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}
