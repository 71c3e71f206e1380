// Reads content the way Pinterest's own web app does, from pinterest.com (through CORKBOARD_PINTEREST_UPSTREAM)
// or from any Corkboard instance, which serves the same protocol: /resource/<Name>Resource/get/ with the options
// as JSON, bookmarks to page, and /url_shortener/<code>/redirect/ for short links. Every request goes through
// the SSRF-safe fetch; 429 and 5xx answers are retried with backoff before giving up.
import { safeFetch, safeOpen, FetchRefused, type SafeFetchOptions } from '../adapters/safe-fetch.js';

/** The upstream failed; `retryable` when trying again later may work (429, 5xx, unreachable). */
export class UpstreamError extends Error {
  constructor(message: string, readonly retryable: boolean) { super(message); }
}

export interface UpstreamOptions { allowAddress: SafeFetchOptions['allowAddress']; timeoutMs?: number; retries?: number; retryBaseMs?: number }

const END = '-end-';
const MAX_RESOURCE_BYTES = 32 * 1024 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Envelope<T> {
  resource_response?: { status?: string; data?: T; bookmark?: string | null; message?: string; error?: { message?: string } };
  resource?: { options?: { bookmarks?: string[] } };
}

export class Upstream {
  constructor(readonly origin: string, private readonly opts: UpstreamOptions) {}

  private fetchOpts(maxBytes: number): SafeFetchOptions {
    return { allowAddress: this.opts.allowAddress, maxBytes, timeoutMs: this.opts.timeoutMs ?? 30_000, headers: { accept: 'application/json' } };
  }

  /** Runs `attempt`, retrying retryable failures with exponential backoff (Retry-After honoured up to 10 s). */
  private async retrying<T>(what: string, attempt: () => Promise<{ value?: T; status: number; retryAfter?: string }>): Promise<T> {
    const retries = this.opts.retries ?? 3;
    for (let i = 0; ; i++) {
      let res;
      try { res = await attempt(); } catch (err) {
        if (!(err instanceof FetchRefused)) throw err;
        if (i >= retries || /private network|not a valid URL|only http/.test(err.message)) throw new UpstreamError(`${what}: ${err.message}`, !/private network/.test(err.message));
        await sleep((this.opts.retryBaseMs ?? 500) * 2 ** i);
        continue;
      }
      if (res.value !== undefined) return res.value;
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || i >= retries) {
        const why = res.status === 404 ? 'not found, or not public' : res.status === 429 ? 'the upstream is rate limiting us' : `the upstream answered HTTP ${res.status}`;
        throw new UpstreamError(`${what}: ${why}`, retryable);
      }
      const after = Number(res.retryAfter);
      await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 10_000) : (this.opts.retryBaseMs ?? 500) * 2 ** i);
    }
  }

  /** One page of a resource: its data and the bookmark of the next page (null at the end). */
  async resource<T>(name: string, options: Record<string, unknown>, sourceUrl: string): Promise<{ data: T; bookmark: string | null }> {
    const url = new URL(`/resource/${name}Resource/get/`, this.origin);
    url.searchParams.set('source_url', sourceUrl);
    url.searchParams.set('data', JSON.stringify({ options, context: {} }));
    return this.retrying(`${name} of ${sourceUrl}`, async () => {
      const res = await safeFetch(url.toString(), { ...this.fetchOpts(MAX_RESOURCE_BYTES), headers: { accept: 'application/json', 'x-pinterest-pws-handler': `www${sourceUrl}` } });
      if (res.status !== 200) return { status: res.status };
      let json: Envelope<T>;
      try { json = JSON.parse(res.body.toString('utf8')) as Envelope<T>; } catch { throw new UpstreamError(`${name} of ${sourceUrl}: the upstream did not answer JSON`, false); }
      const rr = json.resource_response;
      if (!rr || rr.status !== 'success' || rr.data === undefined || rr.data === null) {
        throw new UpstreamError(`${name} of ${sourceUrl}: ${rr?.error?.message ?? rr?.message ?? 'not found, or not public'}`, false);
      }
      const next = json.resource?.options?.bookmarks?.[0] ?? rr.bookmark ?? null;
      return { status: 200, value: { data: rr.data, bookmark: next && next !== END ? next : null } };
    });
  }

  /** Every item of a paged resource, page by page, stopping at -end- (or if a bookmark ever repeats). */
  async *pages<T>(name: string, options: Record<string, unknown>, sourceUrl: string, maxItems: number): AsyncGenerator<T[]> {
    const seen = new Set<string>();
    let bookmark: string | null = null;
    let total = 0;
    do {
      const page: { data: T[]; bookmark: string | null } = await this.resource<T[]>(name, { ...options, ...(bookmark ? { bookmarks: [bookmark] } : {}) }, sourceUrl);
      if (!Array.isArray(page.data)) throw new UpstreamError(`${name} of ${sourceUrl}: the upstream answered an unexpected shape`, false);
      yield page.data;
      total += page.data.length;
      bookmark = page.bookmark;
      if (bookmark && seen.has(bookmark)) break;
      if (bookmark) seen.add(bookmark);
    } while (bookmark && total < maxItems);
  }

  /** Where a short link leads (a pin or board web URL). */
  async resolveShort(code: string): Promise<string> {
    const url = new URL(`/url_shortener/${encodeURIComponent(code)}/redirect/`, this.origin).toString();
    return this.retrying(`short link ${code}`, async () => {
      const res = await safeOpen(url, { ...this.fetchOpts(1), method: 'HEAD', followRedirects: false });
      res.body.resume();
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location) return { status: res.status, value: new URL(location, url).toString() };
      return { status: res.status === 200 ? 404 : res.status, retryAfter: String(res.headers['retry-after'] ?? '') };
    });
  }
}
