// The composition root: opens the database, leases an id worker, and wires repositories, services and
// adapters together. The HTTP app, the CLI and the tests all start from here.
import type { Config } from './config.js';
import { openDatabase, type DbHandle } from './db/database.js';
import { IdGenerator, MAX_WORKERS } from './lib/ids.js';
import { AppsRepository } from './repositories/apps.js';
import { CountersRepository } from './repositories/counters.js';
import { OauthRepository } from './repositories/oauth.js';
import { UsersRepository } from './repositories/users.js';
import { WebSessionsRepository } from './repositories/web-sessions.js';
import { AppsService } from './services/apps.js';
import { OauthService } from './services/oauth.js';
import { UsersService } from './services/users.js';
import { WebSessionsService } from './services/web-sessions.js';
import { MemoryRateLimiter } from './adapters/rate-limiter/memory.js';
import type { RateLimiter } from './adapters/rate-limiter/rate-limiter.js';
import type { BlobStore } from './adapters/blob-store/blob-store.js';
import { FsBlobStore } from './adapters/blob-store/fs.js';
import { S3BlobStore } from './adapters/blob-store/s3.js';
import { contentHash, processImage } from './adapters/media/images.js';
import { allowAny, allowPublicOnly, FetchRefused, safeFetch } from './adapters/safe-fetch.js';
import { errors } from './lib/api-error.js';
import { randomToken } from './lib/secrets.js';
import { LocalJobQueue } from './adapters/queue/local.js';
import type { JobQueue } from './adapters/queue/queue.js';
import { videoTools } from './adapters/media/video.js';
import { JobsRepository } from './repositories/jobs.js';
import { MediaRepository } from './repositories/media.js';
import { SettingsRepository } from './repositories/settings.js';
import { LocalUploads } from './services/local-uploads.js';
import { MediaService } from './services/media.js';
import { ApiKeysRepository } from './repositories/api-keys.js';
import { DownloadsRepository } from './repositories/downloads.js';
import { DownloadsService } from './services/downloads.js';
import { BoardsRepository } from './repositories/boards.js';
import { ImagesRepository } from './repositories/images.js';
import { PinsRepository } from './repositories/pins.js';
import { SectionsRepository } from './repositories/sections.js';
import { AccountService } from './services/account.js';
import { AccountSettingsService } from './services/account-settings.js';
import { FollowsRepository } from './repositories/follows.js';
import { FollowsService } from './services/follows.js';
import { FeedRepository } from './repositories/feed.js';
import { FeedService } from './services/feed.js';
import { WebsitesRepository } from './repositories/websites.js';
import { WebsitesService } from './services/websites.js';
import { BoardsService } from './services/boards.js';
import { ImagesService, MAX_IMAGE_BYTES } from './services/images.js';
import { PinsService, type FetchImage } from './services/pins.js';
import { SectionsService } from './services/sections.js';
import { SearchRepository } from './repositories/search.js';
import { SearchService } from './services/search.js';
import { PublicContentRepository } from './repositories/public-content.js';
import { PublicContentService } from './services/public-content.js';
import { PidgetsService } from './services/pidgets.js';
import { EventsRepository } from './repositories/events.js';
import { EventsService, type Viewer } from './services/events.js';
import { AnalyticsService } from './services/analytics.js';
import { ProfilesService } from './services/profiles.js';

export interface Context {
  config: Config;
  database: DbHandle;
  ids: IdGenerator;
  users: UsersService;
  apps: AppsService;
  oauth: OauthService;
  sessions: WebSessionsService;
  rateLimiter: RateLimiter;
  blobs: BlobStore;
  accounts: AccountService;
  /** The signed-in person's own profile (settings): name, about, website, profile image. */
  accountSettings: AccountSettingsService;
  follows: FollowsService;
  /** The home feed (followed boards and one's own, newest first). */
  feed: FeedService;
  websites: WebsitesService;
  images: ImagesService;
  boards: BoardsService;
  sections: SectionsService;
  pins: PinsService;
  search: SearchService;
  media: MediaService;
  downloads: DownloadsService;
  /** What anonymous viewers may see, in Pinterest's web shapes (web resources, widgets, short links, web pages). */
  publicContent: PublicContentService;
  /** The v3 widgets, on publicContent. */
  pidgets: PidgetsService;
  /** Recorded activity (saves, impressions, clicks, video plays) behind analytics. */
  events: EventsService;
  analytics: AnalyticsService;
  /** Profiles, boards and pins as any viewer (a guest too) may see them, in /v5's shapes; board follows. */
  profiles: ProfilesService;
  /** Background jobs; the HTTP app starts the workers when it is ready and stops them when it closes. */
  jobs: JobQueue;
  close(): Promise<void>;
}

function blobStoreFor(config: Config): BlobStore {
  return config.storage.kind === 's3' ? new S3BlobStore(config.storage) : new FsBlobStore(config.storage.root);
}

/** image_url fetches: SSRF-guarded, capped, and a refusal is the client's 400 naming the field. */
function imageFetcher(config: Config): FetchImage {
  return async (url, field) => {
    try {
      const res = await safeFetch(url, { allowAddress: config.allowPrivateNetworks ? allowAny : allowPublicOnly, maxBytes: MAX_IMAGE_BYTES, timeoutMs: 15_000 });
      if (res.status !== 200) throw new FetchRefused(`it answered HTTP ${res.status}`);
      return res.body;
    } catch (err) {
      if (err instanceof FetchRefused) throw errors.invalid(`Invalid parameters: ${field} could not be fetched: ${err.message}.`);
      throw err;
    }
  };
}

export async function createContext(config: Config): Promise<Context> {
  const database = await openDatabase(config);
  const { db } = database;
  // Each process leases its own worker number, so ids from concurrent processes never collide.
  const worker = (await new CountersRepository(db).increment('id_worker')) % MAX_WORKERS;
  const ids = new IdGenerator(worker);
  const rateLimiter = new MemoryRateLimiter();
  const users = new UsersService(new UsersRepository(db), ids);
  const blobs = blobStoreFor(config);
  const boardsRepo = new BoardsRepository(db);
  const pinsRepo = new PinsRepository(db);
  // publicUrl is read late: tests and `serve --port 0` learn the port only after listening.
  const images = new ImagesService(new ImagesRepository(db), { process: processImage, hash: contentHash, blobs }, () => config.publicUrl);
  const followsRepo = new FollowsRepository(db);
  const accounts = new AccountService(boardsRepo, pinsRepo, followsRepo, () => config.publicUrl);
  const countsChanged = (userId: string) => accounts.countsChanged(userId);
  const boards = new BoardsService(boardsRepo, pinsRepo, images, ids, countsChanged);
  const sections = new SectionsService(new SectionsRepository(db), pinsRepo, boards, ids);
  const jobs = new LocalJobQueue(new JobsRepository(db), ids, { ...config.jobs });
  const websiteSecret = await new SettingsRepository(db).getOrCreate('website_verification_secret', () => randomToken());
  const uploadSecret = await new SettingsRepository(db).getOrCreate('upload_signing_secret', () => randomToken());
  const media = new MediaService(
    new MediaRepository(db), blobs, new LocalUploads(() => config.publicUrl, uploadSecret), images, jobs,
    videoTools(config.video), config.video, ids,
  );
  const events = new EventsService(new EventsRepository(db), ids);
  // A save is acknowledged once the pin exists; its analytics event is recorded after, and never undoes it.
  const recordSave = async (actorId: string, pinId: string, appType: Viewer['appType']) => {
    await events.record({ userId: actorId, appType, viewerKey: actorId, bot: false }, [{ pinId, type: 'SAVE' }], 'api')
      .catch((err: Error) => process.emitWarning(`SAVE of pin ${pinId} not recorded: ${err.message}`));
  };
  const pins = new PinsService(pinsRepo, boards, sections, images, media, imageFetcher(config), ids, database.generation, countsChanged, recordSave);
  const websitesRepo = new WebsitesRepository(db);
  const oauth = new OauthService(new OauthRepository(db), ids, config.tokens);
  const follows = new FollowsService(followsRepo, users, boardsRepo, boards, countsChanged);
  const profiles = new ProfilesService(users, boardsRepo, pinsRepo, new PublicContentRepository(db), accounts, follows, boards, sections, pins);
  const publicContent = new PublicContentService(new PublicContentRepository(db), boardsRepo, pinsRepo, new SectionsRepository(db), new UsersRepository(db), boards, pins, () => config.publicUrl);
  return {
    config,
    database,
    ids,
    users,
    apps: new AppsService(new AppsRepository(db), ids, () => oauth.forgetCachedTokens()),
    oauth,
    sessions: new WebSessionsService(new WebSessionsRepository(db), users),
    rateLimiter,
    blobs,
    accounts,
    accountSettings: new AccountSettingsService(new UsersRepository(db), images, () => config.publicUrl, () => oauth.forgetCachedTokens()),
    websites: new WebsitesService(websitesRepo, websiteSecret, { allowAddress: config.allowPrivateNetworks ? allowAny : allowPublicOnly }),
    follows,
    feed: new FeedService(new FeedRepository(db), pins),
    images,
    boards,
    sections,
    pins,
    search: new SearchService(new SearchRepository(db, database.capabilities.fullText), pins, boards),
    publicContent,
    pidgets: new PidgetsService(publicContent, (pinIds, viewer) => events.record(viewer, pinIds.map((pinId) => ({ pinId, type: 'IMPRESSION' as const })), 'widget')),
    events,
    profiles,
    analytics: new AnalyticsService(new EventsRepository(db), pins, websitesRepo),
    media,
    downloads: new DownloadsService(new ApiKeysRepository(db), new DownloadsRepository(db), blobs, jobs, {
      pinterestOrigin: config.pinterestUpstream, allowAddress: config.allowPrivateNetworks ? allowAny : allowPublicOnly,
      publicUrl: () => config.publicUrl, maxPins: 10_000, maxFileBytes: config.video.maxBytes, concurrency: 4,
    }, ids),
    jobs,
    async close() {
      await jobs.stop();
      await rateLimiter.close();
      await database.close();
    },
  };
}
