// Table types for Kysely. Ids are 19-digit strings (see lib/ids.ts); times are ISO 8601 UTC strings,
// so both dialects store and order them the same way.

export interface CountersTable { name: string; value: number }

export interface UsersTable {
  id: string;
  username: string;
  /** Lower-cased username: Pinterest usernames are unique without regard to case. */
  username_key: string;
  password_hash: string;
  account_type: 'PINNER' | 'BUSINESS';
  business_name: string | null;
  about: string;
  website_url: string;
  /**
   * Blob key of the profile image's square variant (images/../<hash>/150x150.jpg), served under /media/ like a
   * pin's images; its image row is kept while a user refers to it. null: the default avatar.
   */
  profile_image: string | null;
  created_at: string;
}

export interface AppsTable {
  id: string; // the numeric client_id
  owner_id: string;
  name: string;
  secret_hash: string;
  created_at: string;
}

export interface AppRedirectUrisTable { app_id: string; uri: string }

export interface OauthTokensTable {
  id: string;
  token_hash: string;
  kind: 'access' | 'refresh';
  grant_type: 'authorization_code' | 'refresh_token' | 'client_credentials';
  app_id: string;
  user_id: string;
  /** Space-separated scopes. */
  scopes: string;
  /** Tokens descending from one authorization code share a family; reuse of the code revokes the family. */
  family_id: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface AuthCodesTable {
  code_hash: string;
  app_id: string;
  user_id: string;
  redirect_uri: string;
  scopes: string;
  refreshable: number;
  family_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface WebSessionsTable {
  id_hash: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}

export type Privacy = 'PUBLIC' | 'PROTECTED' | 'SECRET';

export interface BoardsTable {
  id: string;
  owner_id: string;
  name: string;
  /** The board's path segment in web URLs (/<user>/<slug>/), unique per owner. */
  slug: string;
  description: string;
  privacy: Privacy;
  pin_count: number;
  follower_count: number;
  collaborator_count: number;
  board_pins_modified_at: string;
  created_at: string;
}

export interface BoardSectionsTable { id: string; board_id: string; name: string; slug: string; created_at: string }

export interface ImageVariant { key: string; width: number; height: number }

export interface ImagesTable {
  hash: string;
  width: number;
  height: number;
  dominant_color: string;
  variants: string;
  created_at: string;
}

export type MediaType = 'image' | 'multiple_images' | 'video';

export interface PinsTable {
  id: string;
  owner_id: string;
  board_id: string;
  board_section_id: string | null;
  title: string | null;
  description: string | null;
  link: string | null;
  alt_text: string | null;
  dominant_color: string | null;
  media_type: MediaType;
  creative_type: 'REGULAR' | 'CAROUSEL' | 'VIDEO';
  parent_pin_id: string | null;
  created_at: string;
  /** The video upload of a video pin. */
  media_id: string | null;
  /** Lower-cased host of `link`, kept by PinsRepository: claimed-website analytics match on it. */
  link_host: string | null;
}

export interface PinMediaTable {
  pin_id: string;
  position: number;
  image_hash: string;
  title: string | null;
  description: string | null;
  link: string | null;
}

export interface SettingsTable { name: string; value: string }

export type MediaStatus = 'registered' | 'processing' | 'succeeded' | 'failed';

export interface MediaUploadsTable {
  id: string;
  owner_id: string;
  media_type: 'video';
  status: MediaStatus;
  failure_reason: string | null;
  upload_key: string;
  upload_expires_at: string;
  video_key: string | null;
  cover_hash: string | null;
  duration_ms: number | null;
  width: number | null;
  height: number | null;
  source_info: string | null;
  created_at: string;
  updated_at: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: string;
  owner_id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  webhook_secret: string;
  daily_quota: number;
  created_at: string;
  revoked_at: string | null;
}

export interface DownloadsTable {
  id: string;
  /** The user the job is for. */
  owner_id: string;
  /** The download API key that submitted it; null for the web app's jobs (made with the session). */
  api_key_id: string | null;
  url: string;
  callback_url: string | null;
  status: 'loading' | 'done' | 'failed';
  error: string | null;
  result: string | null;
  created_at: string;
  finished_at: string | null;
  /** Progress, once the link is read: the pins behind it and the files to fetch (null before), the files stored. */
  pins_found: number | null;
  files_total: number | null;
  files_done: number;
}

export interface UserFollowsTable { follower_id: string; followee_id: string; created_at: string }
export interface BoardFollowsTable { follower_id: string; board_id: string; created_at: string }

export interface UserWebsitesTable { user_id: string; website: string; verified_at: string }

export type AppType = 'MOBILE' | 'TABLET' | 'WEB';

export interface EventsTable {
  id: string;
  pin_id: string;
  actor_id: string | null;
  type: string;
  app_type: AppType;
  /** Where it was recorded: api, web, widget, beacon, import. */
  source: string;
  /** VIDEO_WATCH: milliseconds watched; 0 for the rest. */
  value: number;
  at: string;
  dedupe_key: string | null;
}

/** Per pin, day (UTC) and app type: one counter column per recorded metric, kept as events arrive. */
export interface PinDailyMetricsTable {
  pin_id: string;
  day: string;
  app_type: AppType;
  impression: number;
  save: number;
  pin_click: number;
  outbound_click: number;
  profile_visit: number;
  user_follow: number;
  video_start: number;
  video_mrc_view: number;
  video_10s_view: number;
  video_q95_view: number;
  video_watch_ms: number;
  comments: number;
  reactions: number;
}

export interface Database {
  counters: CountersTable;
  users: UsersTable;
  apps: AppsTable;
  app_redirect_uris: AppRedirectUrisTable;
  oauth_tokens: OauthTokensTable;
  auth_codes: AuthCodesTable;
  web_sessions: WebSessionsTable;
  boards: BoardsTable;
  board_sections: BoardSectionsTable;
  images: ImagesTable;
  pins: PinsTable;
  pin_media: PinMediaTable;
  settings: SettingsTable;
  media_uploads: MediaUploadsTable;
  jobs: JobsTable;
  api_keys: ApiKeysTable;
  user_follows: UserFollowsTable;
  user_websites: UserWebsitesTable;
  board_follows: BoardFollowsTable;
  downloads: DownloadsTable;
  events: EventsTable;
  pin_daily_metrics: PinDailyMetricsTable;
}
