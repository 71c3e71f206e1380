// The download API of the hosted Pinterest downloaders: submit a link with an API key, poll the uuid until the
// files are ready. Each job is durable (the queue's table), fetches every media file behind the link into the blob
// store, adds one ZIP for boards, sections and profiles, and POSTs the results to an optional callback, signed.
// The web app submits and reads jobs with the session instead of a key: every job belongs to a user, and a
// user's jobs (made either way) are theirs to list. One submit and one job runner serve both.
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BlobStore } from '../adapters/blob-store/blob-store.js';
import { contentTypeOf } from '../adapters/blob-store/blob-store.js';
import type { JobQueue } from '../adapters/queue/queue.js';
import { FetchRefused, safeOpen, type SafeFetchOptions } from '../adapters/safe-fetch.js';
import { extract } from '../downloader/extract.js';
import { fetchToFile } from '../downloader/fetch-file.js';
import { inside } from '../downloader/paths.js';
import { planFiles, type PlannedFile } from '../downloader/plan.js';
import { UpstreamError } from '../downloader/upstream.js';
import { parseTarget, UnsupportedUrl } from '../downloader/urls.js';
import { writeZip } from '../downloader/zip.js';
import { ApiError, errors } from '../lib/api-error.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import { randomToken, sha256 } from '../lib/secrets.js';
import type { IdGenerator } from '../lib/ids.js';
import type { ApiKeyRow, ApiKeysRepository } from '../repositories/api-keys.js';
import type { DownloadRow, DownloadsRepository } from '../repositories/downloads.js';

export const DOWNLOAD_JOB = 'download.run';

export interface DownloadSettings {
  pinterestOrigin: string;
  allowAddress: SafeFetchOptions['allowAddress'];
  publicUrl: () => string;
  maxPins: number;
  maxFileBytes: number;
  concurrency: number;
}

export interface DownloadResult {
  url: string; type: PlannedFile['type']; width: number | null; height: number | null; filename: string;
  pin_id: string; title: string | null; source_url: string; size: number;
}

/** What a finished job found: the files (each a copy kept here) and the ZIP of them all for a board, section or profile. */
export interface DownloadOutcome {
  kind: 'pin' | 'board' | 'section' | 'profile'; title: string; count: number; results: DownloadResult[]; zip: string | null;
}

/** A job as its owner sees it, whichever way it was submitted. */
export interface DownloadJob {
  id: string; url: string; status: DownloadRow['status']; created_at: string; finished_at: string | null;
  via: 'web_app' | 'api_key';
  /** Null until the link has been read. */
  pins_found: number | null; files_total: number | null; files_done: number;
  error: string | null;
  outcome: DownloadOutcome | null;
}

/** Submissions per 24 hours: a key's own quota (--quota, this by default); the web app's, per user. */
export const DEFAULT_DAILY_QUOTA = 1000;

/** A key as its owner's console lists it: never the key or its webhook secret. */
export interface ApiKeySummary {
  id: string; name: string; key_prefix: string; daily_quota: number;
  /** Downloads submitted in the last 24 hours: what the quota counts. */
  used_24h: number;
  created_at: string;
}

const QUOTA_WINDOW_MS = 24 * 3600 * 1000;
const quotaWindowStart = () => new Date(Date.now() - QUOTA_WINDOW_MS).toISOString();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Runs `fn` over `items` with at most `n` at once. */
async function eachLimit<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

export class DownloadsService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly repo: DownloadsRepository,
    private readonly blobs: BlobStore,
    private readonly queue: JobQueue,
    private readonly settings: DownloadSettings,
    private readonly ids: IdGenerator,
  ) {
    queue.register<{ id: string }>(DOWNLOAD_JOB, {
      run: ({ id }) => this.run(id),
      giveUp: async ({ id }, err) => { await this.fail(id, err.message); },
    });
  }

  /** A new key for a user; the key itself is shown only here. */
  async createKey(ownerId: string, name: string, dailyQuota: number): Promise<{ api_key: string; id: string; webhook_secret: string; daily_quota: number }> {
    if (!name.trim() || name.length > 100) throw errors.invalid('name must be 1 to 100 characters');
    if (!Number.isInteger(dailyQuota) || dailyQuota < 1) throw errors.invalid('daily_quota must be a whole number of at least 1');
    const key = randomToken('cbk_');
    const row: ApiKeyRow = {
      id: this.ids.next(), owner_id: ownerId, name: name.trim(), key_hash: sha256(key), key_prefix: key.slice(0, 10),
      webhook_secret: randomToken('whsec_'), daily_quota: dailyQuota, created_at: new Date().toISOString(), revoked_at: null,
    };
    await this.keys.insert(row);
    return { api_key: key, id: row.id, webhook_secret: row.webhook_secret, daily_quota: dailyQuota };
  }

  /** The owner's live keys, newest first, each with its use in the quota's window. */
  async keysOf(ownerId: string): Promise<ApiKeySummary[]> {
    const rows = await this.keys.live(ownerId);
    const used = await this.repo.countsSince(rows.map((r) => r.id), quotaWindowStart());
    return rows.map((r) => ({ id: r.id, name: r.name, key_prefix: r.key_prefix, daily_quota: r.daily_quota, used_24h: used.get(r.id) ?? 0, created_at: r.created_at }));
  }

  /** Revokes one of the owner's keys: it is refused from then on; another's key is 404 as none is. */
  async revokeKey(ownerId: string, keyId: string): Promise<void> {
    if (!(await this.keys.revoke(keyId, ownerId, new Date().toISOString()))) throw errors.notFound('No live API key of yours has that id.');
  }

  /** The key of an `Authorization` header: the bare key as the hosted APIs take it, or after Bearer/Token/Api-Key. */
  async authenticate(header: string | undefined): Promise<ApiKeyRow> {
    const key = (header ?? '').trim().replace(/^(?:Bearer|Token|Api-Key)\s+/i, '');
    const row = key ? await this.keys.byHash(sha256(key)) : undefined;
    if (!row) throw new ApiError(401, 2, 'Authentication failed: send your API key in the Authorization header.');
    return row;
  }

  /** The download API's submit: a job for the key's owner, counted against the key's quota. */
  async submit(key: ApiKeyRow, url: unknown, callbackUrl: unknown): Promise<{ uuid: string }> {
    const row = await this.enqueue(key.owner_id, key, url, callbackUrl);
    return { uuid: row.id };
  }

  /** The web app's submit, with the session: no key and no callback; the user's own daily quota. */
  async submitForUser(userId: string, url: unknown): Promise<DownloadJob> {
    return this.jobOf(await this.enqueue(userId, null, url, undefined));
  }

  private async enqueue(ownerId: string, key: ApiKeyRow | null, url: unknown, callbackUrl: unknown): Promise<DownloadRow> {
    if (typeof url !== 'string' || !url.trim()) throw errors.invalid('Invalid parameters: url is required.');
    try { parseTarget(url, this.settings.pinterestOrigin); } catch (err) {
      if (err instanceof UnsupportedUrl) throw errors.invalid(`Invalid parameters: url: ${err.message}`);
      throw err;
    }
    let callback: string | null = null;
    if (callbackUrl !== undefined && callbackUrl !== null && callbackUrl !== '') {
      const ok = typeof callbackUrl === 'string' && URL.canParse(callbackUrl) && /^https?:$/.test(new URL(callbackUrl).protocol);
      if (!ok) throw errors.invalid('Invalid parameters: callback_url must be an http(s) URL.');
      callback = callbackUrl as string;
    }
    const since = quotaWindowStart();
    if (key) {
      if (await this.repo.countByKeySince(key.id, since) >= key.daily_quota) throw new ApiError(429, 8, `Quota spent: this key may submit ${key.daily_quota} downloads per 24 hours.`);
    } else if (await this.repo.countWebSince(ownerId, since) >= DEFAULT_DAILY_QUOTA) {
      throw new ApiError(429, 8, `Quota spent: the web app may submit ${DEFAULT_DAILY_QUOTA} downloads per user per 24 hours.`);
    }
    const row: DownloadRow = {
      id: randomUUID(), owner_id: ownerId, api_key_id: key?.id ?? null, url: url.trim(), callback_url: callback, status: 'loading',
      error: null, result: null, created_at: new Date().toISOString(), finished_at: null, pins_found: null, files_total: null, files_done: 0,
    };
    await this.repo.insert(row);
    await this.queue.enqueue(DOWNLOAD_JOB, { id: row.id }, { maxAttempts: 4 });
    return row;
  }

  async results(key: ApiKeyRow, uuid: unknown): Promise<Record<string, unknown>> {
    if (typeof uuid !== 'string' || !uuid) throw errors.invalid('Invalid parameters: uuid is required.');
    const row = UUID.test(uuid) ? await this.repo.byId(uuid) : undefined;
    if (!row || row.api_key_id !== key.id) throw errors.notFound('No download with that uuid.');
    if (row.status === 'loading') return { loading: true };
    if (row.status === 'failed') return { loading: false, error: row.error, results: [] };
    return { loading: false, ...(JSON.parse(row.result!) as Record<string, unknown>) };
  }

  /** A user's jobs, newest first, whichever way they were submitted. */
  async listForUser(userId: string, page: PageRequest): Promise<Page<DownloadJob>> {
    const rows = await this.repo.listByOwner(userId, page.after as [string, string] | null, page.pageSize + 1);
    return toPage(rows, page, (r) => [r.created_at, r.id], (r) => this.jobOf(r));
  }

  /** One of the user's jobs; another user's answers as one that does not exist. */
  async jobForUser(userId: string, id: string): Promise<DownloadJob> {
    const row = UUID.test(id) ? await this.repo.byId(id) : undefined;
    if (!row || row.owner_id !== userId) throw errors.notFound('No download with that id.');
    return this.jobOf(row);
  }

  private jobOf(row: DownloadRow): DownloadJob {
    return {
      id: row.id, url: row.url, status: row.status, created_at: row.created_at, finished_at: row.finished_at,
      via: row.api_key_id ? 'api_key' : 'web_app',
      pins_found: row.pins_found, files_total: row.files_total, files_done: row.files_done, error: row.error,
      outcome: row.status === 'done' ? JSON.parse(row.result!) as DownloadOutcome : null,
    };
  }

  private async fail(id: string, message: string): Promise<void> {
    if (await this.repo.finish(id, { status: 'failed', error: message, result: null })) await this.notify(id);
  }

  /** The job: resolve the link, fetch every file into storage, then record and announce the results. */
  private async run(id: string): Promise<void> {
    const row = await this.repo.byId(id);
    if (!row || row.status !== 'loading') return;
    const s = this.settings;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'corkboard-download-'));
    const stored: string[] = [];
    try {
      const extracted = await extract(row.url, { pinterestOrigin: s.pinterestOrigin, allowAddress: s.allowAddress, maxPins: s.maxPins });
      const files = planFiles(extracted);
      if (!files.length) throw new UpstreamError('There is nothing to download behind that link.', false);
      await this.repo.planned(id, extracted.pins.length, files.length);
      const results: DownloadResult[] = [];
      await eachLimit(files, s.concurrency, async (f) => {
        const local = inside(dir, f.filename);
        const size = await fetchToFile(f.source_url, local, { allowAddress: s.allowAddress, maxBytes: s.maxFileBytes, timeoutMs: 10 * 60_000 });
        const key = `downloads/${id}/${f.filename}`;
        await this.blobs.putFile(key, local, contentTypeOf(key));
        stored.push(key);
        await this.repo.fileDone(id);
        results.push({ url: `${s.publicUrl()}/media/${key}`, type: f.type, width: f.width, height: f.height, filename: f.filename, pin_id: f.pin_id, title: f.title, source_url: f.source_url, size });
      });
      results.sort((a, b) => files.findIndex((f) => f.filename === a.filename) - files.findIndex((f) => f.filename === b.filename));
      let zip: string | null = null;
      if (extracted.kind !== 'pin') {
        const zipFile = path.join(dir, 'all.zip');
        await writeZip(zipFile, files.map((f) => ({ path: inside(dir, f.filename), name: f.filename })));
        const key = `downloads/${id}/all.zip`;
        await this.blobs.putFile(key, zipFile, 'application/zip');
        stored.push(key);
        zip = `${s.publicUrl()}/media/${key}`;
      }
      const result: DownloadOutcome = { kind: extracted.kind, title: extracted.title, count: results.length, results, zip };
      if (await this.repo.finish(id, { status: 'done', error: null, result: JSON.stringify(result) })) await this.notify(id);
      stored.length = 0; // they belong to the finished job now
    } catch (err) {
      const retryable = err instanceof UpstreamError ? err.retryable : !(err instanceof FetchRefused || err instanceof UnsupportedUrl);
      if (retryable) throw err; // the queue tries again later; when it gives up, fail() records the reason
      await this.fail(id, (err as Error).message);
    } finally {
      for (const key of stored) await this.blobs.delete(key); // nothing half-written survives a failed job
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * POSTs the outcome to the job's callback_url, signed: X-Corkboard-Signature is `sha256=` + the hex HMAC-SHA256
   * of `<X-Corkboard-Timestamp>.<body>` under the key's webhook secret. Best effort: a failed callback is logged.
   */
  private async notify(id: string): Promise<void> {
    const row = await this.repo.byId(id);
    if (!row?.callback_url || !row.api_key_id) return;
    const key = await this.keys.byId(row.api_key_id);
    if (!key) return;
    const body = JSON.stringify({ uuid: row.id, url: row.url, ...(await this.results(key, row.id)) });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', key.webhook_secret).update(`${timestamp}.${body}`).digest('hex');
    try {
      const res = await safeOpen(row.callback_url, {
        method: 'POST', body: Buffer.from(body), allowAddress: this.settings.allowAddress, maxBytes: 1 << 20, timeoutMs: 10_000, followRedirects: false,
        headers: { 'content-type': 'application/json', 'x-corkboard-timestamp': timestamp, 'x-corkboard-signature': `sha256=${signature}` },
      });
      res.body.resume();
    } catch {
      // the results stay available at /api/v1/results/; a receiver that was down can poll
    }
  }
}
