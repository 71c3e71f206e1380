// Developer apps: numeric client ids, secrets shown once and stored hashed, redirect URIs matched exactly.
import { errors } from '../lib/api-error.js';
import { randomToken, safeEqual, sha256 } from '../lib/secrets.js';
import type { IdGenerator } from '../lib/ids.js';
import type { AppRow, AppsRepository } from '../repositories/apps.js';

export interface CreatedApp { client_id: string; client_secret: string }

/** An app as its owner's console lists it: never its secret (only a hash of it is stored). */
export interface AppSummary { client_id: string; name: string; redirect_uris: string[]; created_at: string }

/** Hosts an http: redirect may go to: this machine only (RFC 8252 7.3), where no one else can listen. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
/** RFC 8252 7.1 private-use schemes for native apps: reverse domain names, so at least one dot (com.example.app:). */
const PRIVATE_USE_SCHEME = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/;

/**
 * Where an app may have codes sent: https: anywhere, http: to loopback only, or a native app's private-use
 * scheme. Never javascript:, data:, file:, vbscript: or other schemes a browser would run or read locally, and
 * never with credentials or a fragment (RFC 6749 3.1.2).
 */
export function checkRedirectUri(uri: string): void {
  let url: URL;
  try { url = new URL(uri); } catch { throw errors.invalid(`redirect_uri ${JSON.stringify(uri)} is not an absolute URL`); }
  const scheme = url.protocol;
  if (scheme === 'http:' && !LOOPBACK.test(url.hostname)) throw errors.invalid(`redirect_uri ${uri} must use https: (http: only to localhost, 127.0.0.1 or [::1])`);
  if (scheme !== 'http:' && scheme !== 'https:' && !PRIVATE_USE_SCHEME.test(scheme)) {
    throw errors.invalid(`redirect_uri ${uri} must use https:, http: to localhost, or a reverse-domain app scheme such as com.example.app:`);
  }
  if (url.username || url.password) throw errors.invalid(`redirect_uri ${uri} must not carry a user name or password`);
  if (url.hash || uri.includes('#')) throw errors.invalid(`redirect_uri ${uri} must not have a fragment`);
}

// RFC 6749 2.3.1: the id and secret are form-encoded before they are joined; a bad escape is just a wrong secret.
function formDecode(value: string): string {
  try { return decodeURIComponent(value.replace(/\+/g, ' ')); } catch { return value; }
}

const notYours = () => errors.notFound('No app of yours has that client_id.');

export class AppsService {
  /** `deleted` runs after an app is deleted: its tokens are gone from the database, and must leave any cache too. */
  constructor(private readonly apps: AppsRepository, private readonly ids: IdGenerator, private readonly deleted: () => void = () => {}) {}

  async create(ownerId: string, name: string, redirectUris: string[]): Promise<CreatedApp> {
    if (!name.trim() || name.length > 100) throw errors.invalid('name must be 1 to 100 characters');
    if (!redirectUris.length) throw errors.invalid('at least one redirect_uri is required');
    redirectUris.forEach(checkRedirectUri);
    const secret = randomToken('', 30);
    const id = this.ids.next();
    await this.apps.insert({ id, owner_id: ownerId, name: name.trim(), secret_hash: sha256(secret), created_at: new Date().toISOString() }, [...new Set(redirectUris)]);
    return { client_id: id, client_secret: secret };
  }

  /** The owner's apps, newest first. */
  async list(ownerId: string): Promise<AppSummary[]> {
    const rows = await this.apps.byOwner(ownerId);
    const uris = await this.apps.redirectUris(rows.map((r) => r.id));
    return rows.map((r) => ({ client_id: r.id, name: r.name, redirect_uris: uris.get(r.id) ?? [], created_at: r.created_at }));
  }

  /** The app with this client_id if `ownerId` owns it; 404 alike for another's app and for none. */
  async owned(ownerId: string, clientId: string): Promise<AppRow> {
    const app = await this.byClientId(clientId);
    if (!app || app.owner_id !== ownerId) throw notYours();
    return app;
  }

  /** A new secret for the owner's app; the old one stops working at once. Shown only here, stored hashed. */
  async rotateSecret(ownerId: string, clientId: string): Promise<CreatedApp> {
    const app = await this.owned(ownerId, clientId);
    const secret = randomToken('', 30);
    await this.apps.setSecretHash(app.id, sha256(secret));
    return { client_id: app.id, client_secret: secret };
  }

  /** Deletes the owner's app with its tokens and codes: they stop working at once. */
  async delete(ownerId: string, clientId: string): Promise<void> {
    const app = await this.owned(ownerId, clientId);
    await this.apps.delete(app.id);
    this.deleted();
  }

  async byClientId(clientId: string): Promise<AppRow | undefined> {
    return /^\d{1,19}$/.test(clientId) ? this.apps.byId(clientId) : undefined;
  }

  /** The app for HTTP Basic credentials; 401 (code 2) for anything else. */
  async authenticate(authorization: string | undefined): Promise<AppRow> {
    const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? '');
    if (!match) throw errors.authFailed('Authentication failed: send the app id and secret with HTTP Basic authentication.');
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = formDecode(decoded.slice(0, colon));
    const secret = formDecode(decoded.slice(colon + 1));
    const app = colon > 0 ? await this.byClientId(clientId) : undefined;
    if (!app || !safeEqual(sha256(secret), app.secret_hash)) throw errors.authFailed();
    return app;
  }

  isRegisteredRedirect(appId: string, uri: string): Promise<boolean> {
    return this.apps.hasRedirectUri(appId, uri);
  }
}
