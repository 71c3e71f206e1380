// The download jobs the downloads page shows, as /api/app/downloads answers them, and how their figures read.
import type { CorkboardComponents } from '../../src/sdk/index.js';

type Schemas = CorkboardComponents['schemas'];
export type DownloadJob = Schemas['DownloadJob'];
export type DownloadJobWithFiles = Schemas['DownloadJobWithFiles'];
export type DownloadFile = Schemas['DownloadFile'];

/** The page's address for one job: /downloads/?job=<id>, so a reload (or a shared tab) shows it again. */
export const jobHref = (id: string) => `/downloads/?job=${encodeURIComponent(id)}`;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export const formatDate = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the job knows of its progress, in words: never more than the counts it has. */
export function progressText(job: DownloadJob): string {
  const { pins_found: pins, files_total: total, files_done: done } = job.progress;
  if (total === null || total === undefined) return 'Reading the link…';
  return `${plural(pins ?? 0, 'pin')} found · ${done} of ${plural(total, 'file')} downloaded`;
}

/** One line for a finished job: how many files, of what. */
export function doneText(job: DownloadJob): string {
  return `${plural(job.count ?? 0, 'file')}${job.kind ? ` from a ${job.kind}` : ''}`;
}
