// Handlers of the downloads routes (downloads-routes.ts): the signed-in user's jobs, through the same service
// calls as the download API. What the service knows of a job becomes the wire shape (downloads-schemas.ts).
import type { Context } from '../../context.js';
import { pageRequest } from '../../lib/bookmark.js';
import type { DownloadJob } from '../../services/downloads.js';
import { DOWNLOAD_ROUTES } from './downloads-routes.js';
import type { DownloadJobBody, DownloadJobSummary } from './downloads-schemas.js';
import type { RouteFn } from './index.js';
import { signedIn } from './signed-in.js';

/** The job as the list shows it: without its files. */
function summary(job: DownloadJob): DownloadJobSummary {
  const o = job.outcome;
  return {
    id: job.id, url: job.url, status: job.status, via: job.via, created_at: job.created_at, finished_at: job.finished_at,
    progress: { pins_found: job.pins_found, files_total: job.files_total, files_done: job.files_done },
    error: job.error, kind: o?.kind ?? null, title: o?.title ?? null, count: o?.count ?? null, zip: o?.zip ?? null,
  };
}

const withFiles = (job: DownloadJob): DownloadJobBody => ({ ...summary(job), results: job.outcome?.results ?? [] });

export function downloadHandlers(route: RouteFn, ctx: Context): void {
  route(DOWNLOAD_ROUTES.submitDownload, async (req, reply) => {
    const user = await signedIn(ctx, req);
    const job = await ctx.downloads.submitForUser(user.id, (req.body as { url: string }).url);
    return reply.code(201).send(withFiles(job));
  });

  route(DOWNLOAD_ROUTES.listDownloads, async (req) => {
    const user = await signedIn(ctx, req);
    const page = await ctx.downloads.listForUser(user.id, pageRequest(req.query as { page_size?: number; bookmark?: string }, 2));
    return { items: page.items.map(summary), bookmark: page.bookmark };
  });

  route(DOWNLOAD_ROUTES.getDownload, async (req) => {
    const user = await signedIn(ctx, req);
    return withFiles(await ctx.downloads.jobForUser(user.id, (req.params as { id: string }).id));
  });
}
