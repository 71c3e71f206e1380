// Website claiming as Pinterest runs it: a per-user code, published by the site as a meta tag, a file or a DNS
// TXT record, then checked for real (through the SSRF-safe fetch, or DNS) before the site is recorded as verified.
import { createHmac } from 'node:crypto';
import { resolveTxt } from 'node:dns/promises';
import { FetchRefused, safeFetch, type SafeFetchOptions } from '../adapters/safe-fetch.js';
import { errors } from '../lib/api-error.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import type { WebsitesRepository } from '../repositories/websites.js';
import type { Principal } from './oauth.js';

export type VerificationMethod = 'METATAG' | 'FILENAME' | 'DNSTXT';

export interface VerificationCode { verification_code: string; dns_txt_record: string; metatag: string; filename: string; file_content: string }
export interface WebsiteSummary { website: string; status: 'success'; verified_at: string }

/** "mysite.test" or "mysite.test/path": a host (with an optional port) and an optional path, no scheme. */
function checkWebsite(raw: unknown): string {
  const w = typeof raw === 'string' ? raw.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '') : '';
  if (!w || w.length > 253 || !/^[A-Za-z0-9.-]+(:\d{1,5})?(\/[\w\-./~%]*)?$/.test(w)) {
    throw errors.invalid('Invalid parameters: website must be a domain, optionally with a path, such as mysite.test or mysite.test/shop.');
  }
  return w.toLowerCase();
}

export class WebsitesService {
  constructor(
    private readonly repo: WebsitesRepository,
    private readonly secret: string,
    private readonly fetchOpts: Pick<SafeFetchOptions, 'allowAddress'>,
  ) {}

  code(p: Principal): VerificationCode {
    const code = createHmac('sha256', this.secret).update(p.user.id).digest('hex').slice(0, 32);
    return {
      verification_code: code,
      dns_txt_record: `pinterest-site-verification=${code}`,
      metatag: `<meta name="p:domain_verify" content="${code}"/>`,
      filename: `pinterest-${code.slice(0, 5)}.html`,
      file_content: `<!DOCTYPE html><html lang="en"><head><meta name="pinterest" content="nopin" description="Pinterest site verification"/></head><body>Pinterest site verification: ${code}</body></html>\n`,
    };
  }

  /** The site's page (https first, then http), or null when neither answers 200. */
  private async page(url: string): Promise<string | null> {
    for (const scheme of ['https', 'http']) {
      try {
        const res = await safeFetch(`${scheme}://${url}`, { ...this.fetchOpts, maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000 });
        if (res.status === 200) return res.body.toString('utf8');
      } catch (err) {
        if (!(err instanceof FetchRefused)) throw err;
        if (/private network/.test(err.message)) throw errors.invalid(`Invalid parameters: website ${url} cannot be checked: ${err.message}.`);
      }
    }
    return null;
  }

  async verify(p: Principal, rawWebsite: unknown, method: VerificationMethod = 'METATAG'): Promise<WebsiteSummary> {
    const website = checkWebsite(rawWebsite);
    const c = this.code(p);
    let found = false;
    if (method === 'METATAG') {
      const html = await this.page(website);
      found = !!html && [...html.matchAll(/<meta\b[^>]*>/gi)].some(([tag]) => /name\s*=\s*["']p:domain_verify["']/i.test(tag) && tag.includes(c.verification_code));
    } else if (method === 'FILENAME') {
      const body = await this.page(`${website.split('/')[0]}/${c.filename}`);
      found = !!body && body.includes(c.verification_code);
    } else {
      const records = await resolveTxt(website.split('/')[0]!.replace(/:\d+$/, '')).catch(() => [] as string[][]);
      found = records.some((r) => r.join('') === c.dns_txt_record);
    }
    if (!found) throw errors.invalid(`Website verification failed: ${website} does not show this account's ${method === 'METATAG' ? 'meta tag' : method === 'FILENAME' ? `file ${c.filename}` : 'DNS TXT record'} (GET /v5/user_account/websites/verification gives it).`);
    const verifiedAt = new Date().toISOString().replace('Z', '');
    await this.repo.upsert({ user_id: p.user.id, website, verified_at: verifiedAt });
    return { website, status: 'success', verified_at: verifiedAt };
  }

  async list(p: Principal, page: PageRequest): Promise<Page<WebsiteSummary>> {
    return toPage(await this.repo.list(p.user.id, page), page, (r) => [r.website], (r) => ({ website: r.website, status: 'success' as const, verified_at: r.verified_at }));
  }

  async unverify(p: Principal, rawWebsite: unknown): Promise<void> {
    if (!(await this.repo.delete(p.user.id, checkWebsite(rawWebsite)))) throw errors.notFound('Website not found among your verified websites.');
  }
}
