// The /api/app/ routes of the web app's downloads page: submit a link with the session (no API key needed), list
// my jobs newest first, read one job's progress and files. The same jobs, rules and errors as the download API
// (/api/v1/submit/, /api/v1/results/), which a user's API keys use.
import { Type } from '@sinclair/typebox';
import { MAX_PAGE_SIZE } from '../../lib/bookmark.js';
import { DownloadJobList, DownloadJobWithFiles, DownloadSubmit } from './downloads-schemas.js';
import { AppError } from './schemas.js';
import type { AppResponse, AppRoute } from './routes.js';

const error = (description: string): AppResponse => ({ description, schema: AppError });
const loggedOut = error('No one is logged in.');

export const DOWNLOAD_ROUTES = {
  submitDownload: {
    method: 'POST', path: '/api/app/downloads', operationId: 'downloads/submit', tag: 'downloads', csrf: true,
    summary: "Starts downloading every media file behind a link, as the signed-in user; poll the job (downloads/get) until it is no longer loading.",
    body: DownloadSubmit,
    responses: {
      201: { description: 'The job, loading.', schema: DownloadJobWithFiles },
      400: error('url is missing, or not a link the downloader takes; the message says which links work.'),
      401: loggedOut,
      403: error('The CSRF proof is missing or wrong (X-CSRF-Token header, cb_csrf cookie), or the request is cross-site.'),
      429: error('The 24-hour quota of the web app is spent (1000 downloads per user).'),
    },
  },
  listDownloads: {
    method: 'GET', path: '/api/app/downloads', operationId: 'downloads/list', tag: 'downloads', csrf: false,
    summary: "The signed-in user's download jobs, newest first, made in the web app or with their API keys.",
    query: Type.Object({
      page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, description: `Jobs per page, 1 to ${MAX_PAGE_SIZE} (default 25).` })),
      bookmark: Type.Optional(Type.String({ maxLength: 512, description: 'The bookmark of the previous page.' })),
    }, { additionalProperties: false }),
    responses: {
      200: { description: 'A page of jobs.', schema: DownloadJobList },
      400: error('page_size is out of range, or the bookmark is not one this server issued.'),
      401: loggedOut,
    },
  },
  getDownload: {
    method: 'GET', path: '/api/app/downloads/:id', operationId: 'downloads/get', tag: 'downloads', csrf: false,
    summary: "One of the signed-in user's jobs: its progress while loading, then its files and ZIP, or why it failed.",
    params: Type.Object({ id: Type.String({ maxLength: 64, description: 'The job id.' }) }, { additionalProperties: false }),
    responses: {
      200: { description: 'The job.', schema: DownloadJobWithFiles },
      401: loggedOut,
      404: error('No job with that id is yours.'),
    },
  },
} as const satisfies Record<string, AppRoute>;
