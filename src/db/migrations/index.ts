// Every migration, in order. Each file is frozen once it has landed: change the schema with a new one.
import type { Migration } from 'kysely';
import * as accountsAndOauth from './2026-11-23-0001-accounts-and-oauth.js';
import * as boardsSectionsPins from './2026-11-23-0002-boards-sections-pins.js';
import * as mediaAndJobs from './2026-11-23-0003-media-and-jobs.js';
import * as follows from './2026-11-23-0004-follows.js';
import * as apiKeysAndDownloads from './2026-11-23-0005-api-keys-and-downloads.js';
import * as websites from './2026-11-23-0006-websites.js';
import * as search from './2026-11-23-0007-search.js';
import * as analytics from './2026-11-23-0008-analytics.js';
import * as downloadOwners from './2026-11-23-0009-download-owners.js';
import * as homeFeed from './2026-11-23-0010-home-feed.js';

export const migrations: Record<string, Migration> = {
  '2026-11-23-0001-accounts-and-oauth': accountsAndOauth,
  '2026-11-23-0002-boards-sections-pins': boardsSectionsPins,
  '2026-11-23-0003-media-and-jobs': mediaAndJobs,
  '2026-11-23-0004-follows': follows,
  '2026-11-23-0005-api-keys-and-downloads': apiKeysAndDownloads,
  '2026-11-23-0006-websites': websites,
  '2026-11-23-0007-search': search,
  '2026-11-23-0008-analytics': analytics,
  '2026-11-23-0009-download-owners': downloadOwners,
  '2026-11-23-0010-home-feed': homeFeed,
};
