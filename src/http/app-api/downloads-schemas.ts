// Wire schemas of the web app's downloads (/api/app/downloads): a job as its owner sees it, and its files.
// Imports nothing from schemas.ts, which lists these among its named components (DOWNLOAD_SCHEMAS).
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const nullable = <T extends TSchema>(t: T, description: string) => Type.Union([t, Type.Null()], { description });

export const DownloadSubmit = Type.Object({
  url: Type.String({ maxLength: 4096, description: 'A pin, board, section or profile link, or a pin.it short link, on pinterest.com (any country domain) or a Corkboard instance.' }),
}, { additionalProperties: false });

export const DownloadFile = Type.Object({
  url: Type.String({ description: 'The copy this server keeps (under /media/downloads/).' }),
  source_url: Type.String({ description: 'Where it was fetched from.' }),
  type: Type.Union([Type.Literal('image'), Type.Literal('video'), Type.Literal('audio')]),
  width: nullable(Type.Integer(), 'Pixels, when the source says.'),
  height: nullable(Type.Integer(), 'Pixels, when the source says.'),
  filename: Type.String({ description: 'Its name in the ZIP.' }),
  pin_id: Type.String(),
  title: nullable(Type.String(), "The pin's title."),
  size: Type.Integer({ description: 'Bytes.' }),
}, { additionalProperties: false });

const jobFields = {
  id: Type.String({ description: 'The job (a UUID; the download API calls it uuid).' }),
  url: Type.String({ description: 'The link as submitted.' }),
  status: Type.Union([Type.Literal('loading'), Type.Literal('done'), Type.Literal('failed')]),
  via: Type.Union([Type.Literal('web_app'), Type.Literal('api_key')], { description: 'Submitted in the web app, or with one of your download API keys.' }),
  created_at: Type.String({ description: 'ISO 8601, UTC.' }),
  finished_at: nullable(Type.String(), 'ISO 8601, UTC; null while loading.'),
  progress: Type.Object({
    pins_found: nullable(Type.Integer(), 'Pins behind the link; null until the link has been read.'),
    files_total: nullable(Type.Integer(), 'Media files to fetch; null until the link has been read.'),
    files_done: Type.Integer({ description: 'Media files fetched and stored so far.' }),
  }, { additionalProperties: false }),
  error: nullable(Type.String(), 'Why the job failed; null otherwise.'),
  kind: nullable(Type.Union([Type.Literal('pin'), Type.Literal('board'), Type.Literal('section'), Type.Literal('profile')]), 'What the link was, once done.'),
  title: nullable(Type.String(), "The pin's, board's, section's or profile's title, once done."),
  count: nullable(Type.Integer(), 'Files, once done.'),
  zip: nullable(Type.String(), 'One ZIP of every file, for a board, section or profile, once done.'),
};

export const DownloadJob = Type.Object(jobFields, { additionalProperties: false, description: 'A download job, without its files.' });

export const DownloadJobWithFiles = Type.Object({
  ...jobFields,
  results: Type.Array(DownloadFile, { description: 'Every file, in the pins\' order; empty until done.' }),
}, { additionalProperties: false, description: 'A download job and its files.' });

export const DownloadJobList = Type.Object({
  items: Type.Array(DownloadJob),
  bookmark: Type.Union([Type.String(), Type.Null()], { description: 'Pass it back for the next page; null after the last.' }),
}, { additionalProperties: false });

export const DOWNLOAD_SCHEMAS = { DownloadSubmit, DownloadFile, DownloadJob, DownloadJobWithFiles, DownloadJobList };

export type DownloadJobSummary = Static<typeof DownloadJob>;
export type DownloadJobBody = Static<typeof DownloadJobWithFiles>;
