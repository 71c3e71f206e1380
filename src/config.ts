// Configuration is read and validated once, at start, into a typed object; nothing else reads process.env.
import { accessSync, constants, statSync } from 'node:fs';
import { connect, isIP } from 'node:net';
import path from 'node:path';

export type RateCategory = 'org_read' | 'org_write' | 'org_analytics' | 'ads_read' | 'ads_write' | 'ads_analytics' | 'default';

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  /** postgres://... when set; SQLite under dataDir otherwise. */
  databaseUrl: string | null;
  allowPrivateNetworks: boolean;
  pinterestUpstream: string;
  tokens: {
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    authCodeTtlSeconds: number;
  };
  /** Requests per window, per user, app and the operation's x-ratelimit-category. */
  rateLimits: { windowSeconds: number; perCategory: Record<RateCategory, number> };
  logLevel: string;
  /**
   * Proxies whose X-Forwarded-For (and -Proto, -Host) are believed: a list of addresses and CIDR ranges, or a hop
   * count; false trusts none, so the client address is the connection's (what log-in throttling and beacons key on).
   */
  trustProxy: string[] | number | false;
  /** Whether anyone may create an account through the web app (POST /api/app/signup). */
  signup: 'open' | 'closed';
  /** The HTTP edge (README: Limits): how long a client may take, and how many connections one address may hold. */
  http: {
    headersTimeoutMs: number; requestTimeoutMs: number; idleTimeoutMs: number; maxConnectionsPerAddress: number;
    /** A request body must average minBodyBytesPerSecond once bodyGraceMs have passed (0: no minimum). */
    bodyGraceMs: number; minBodyBytesPerSecond: number;
  };
  /** Background jobs: how many run at once per process, and how long a worker's claim lasts without a heartbeat. */
  jobs: { concurrency: number; leaseSeconds: number };
  /** What a video upload must be (README: Video), and the tools that check and convert it. */
  video: { maxBytes: number; minDurationMs: number; maxDurationMs: number; minSide: number; maxSide: number; servedHeight: number; ffmpegPath: string | null; ffprobePath: string | null };
  /** Where media bytes live: files under dataDir/media, or an S3-compatible bucket. */
  storage: { kind: 'fs'; root: string } | {
    kind: 's3'; bucket: string; endpoint?: string; region: string;
    /** From AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; absent, the AWS SDK's own chain (profiles, roles) applies. */
    credentials?: { accessKeyId: string; secretAccessKey: string };
  };
}

export class ConfigError extends Error {}

// Pinterest's published organic limits are per user per app per minute; these are the same order of magnitude.
const DEFAULT_RATE_LIMITS: Record<RateCategory, number> = {
  org_read: 1000,
  org_write: 300,
  org_analytics: 300,
  ads_read: 1000,
  ads_write: 300,
  ads_analytics: 300,
  default: 1000,
};

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new ConfigError(`${name} must be a whole number >= ${min} (was ${JSON.stringify(raw)})`);
  return Number(raw);
}

function bool(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(raw)) return false;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  throw new ConfigError(`${name} must be true or false (was ${JSON.stringify(env[name])})`);
}

function origin(name: string, raw: string): string {
  let url: URL;
  try { url = new URL(raw); } catch { throw new ConfigError(`${name} must be an absolute http(s) URL (was ${JSON.stringify(raw)})`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be http(s) (was ${JSON.stringify(raw)})`);
  return raw.replace(/\/+$/, '');
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function oneOf(env: NodeJS.ProcessEnv, name: string, allowed: string[], fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (was ${JSON.stringify(raw)})`);
  return raw;
}

/** CORKBOARD_TRUST_PROXY: `2` (hops), or `127.0.0.1,10.0.0.0/8,::1` (addresses and CIDR ranges); unset trusts none. */
function trustedProxies(env: NodeJS.ProcessEnv): Config['trustProxy'] {
  const raw = (env.CORKBOARD_TRUST_PROXY ?? '').trim();
  if (raw === '') return false;
  if (/^\d+$/.test(raw) && Number(raw) >= 1) return Number(raw);
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of list) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
      throw new ConfigError(`CORKBOARD_TRUST_PROXY must be a hop count or addresses and CIDR ranges separated by commas (was ${JSON.stringify(raw)}; ${JSON.stringify(entry)} is neither)`);
    }
  }
  return list;
}

export interface ConfigOverrides { dataDir?: string; port?: number; host?: string }

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const host = overrides.host ?? (env.HOST || '127.0.0.1');
  const port = overrides.port ?? int(env, 'PORT', 8080, 0);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535 (was ${port})`);
  const dataDir = path.resolve(overrides.dataDir ?? (env.CORKBOARD_DATA_DIR || './data'));
  if (statSync(dataDir, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new ConfigError(`${overrides.dataDir ? '--data' : 'CORKBOARD_DATA_DIR'} ${JSON.stringify(dataDir)} is a file, not a directory`);
  }
  const databaseUrl = env.CORKBOARD_DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('CORKBOARD_DATABASE_URL must start with postgres://');
  const perCategory = { ...DEFAULT_RATE_LIMITS };
  for (const cat of Object.keys(perCategory) as RateCategory[]) {
    perCategory[cat] = int(env, `CORKBOARD_RATE_LIMIT_${cat.toUpperCase()}`, perCategory[cat]);
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port,
    publicUrl: env.CORKBOARD_PUBLIC_URL ? origin('CORKBOARD_PUBLIC_URL', env.CORKBOARD_PUBLIC_URL) : `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`,
    dataDir,
    databaseUrl,
    allowPrivateNetworks: bool(env, 'CORKBOARD_ALLOW_PRIVATE_NETWORKS'),
    pinterestUpstream: origin('CORKBOARD_PINTEREST_UPSTREAM', env.CORKBOARD_PINTEREST_UPSTREAM || 'https://api.pinterest.com'),
    tokens: {
      accessTtlSeconds: int(env, 'CORKBOARD_ACCESS_TOKEN_TTL', 30 * 86400),
      refreshTtlSeconds: int(env, 'CORKBOARD_REFRESH_TOKEN_TTL', 60 * 86400),
      authCodeTtlSeconds: int(env, 'CORKBOARD_AUTH_CODE_TTL', 600),
    },
    rateLimits: { windowSeconds: int(env, 'CORKBOARD_RATE_LIMIT_WINDOW', 60), perCategory },
    logLevel: oneOf(env, 'CORKBOARD_LOG_LEVEL', LOG_LEVELS, 'info'),
    signup: oneOf(env, 'CORKBOARD_SIGNUP', ['open', 'closed'], 'open') as Config['signup'],
    trustProxy: trustedProxies(env),
    http: {
      headersTimeoutMs: int(env, 'CORKBOARD_HEADERS_TIMEOUT', 10) * 1000,
      requestTimeoutMs: int(env, 'CORKBOARD_REQUEST_TIMEOUT', 3600) * 1000, // a 2 GB video upload at 0.6 MB/s
      bodyGraceMs: int(env, 'CORKBOARD_BODY_TIMEOUT', 10) * 1000,
      minBodyBytesPerSecond: int(env, 'CORKBOARD_MIN_BODY_RATE', 1024, 0),
      idleTimeoutMs: int(env, 'CORKBOARD_IDLE_TIMEOUT', 60) * 1000,
      maxConnectionsPerAddress: int(env, 'CORKBOARD_MAX_CONNECTIONS_PER_ADDRESS', 256),
    },
    jobs: { concurrency: int(env, 'CORKBOARD_JOB_CONCURRENCY', 2), leaseSeconds: int(env, 'CORKBOARD_JOB_LEASE_SECONDS', 30) },
    video: {
      maxBytes: int(env, 'CORKBOARD_VIDEO_MAX_BYTES', 2 * 1024 ** 3), // Pinterest's 2 GB
      minDurationMs: 1000,
      maxDurationMs: int(env, 'CORKBOARD_VIDEO_MAX_SECONDS', 15 * 60) * 1000, // Pinterest's 15 minutes
      minSide: 64,
      maxSide: 7680,
      servedHeight: 720,
      ffmpegPath: env.CORKBOARD_FFMPEG_PATH || null,
      ffprobePath: env.CORKBOARD_FFPROBE_PATH || null,
    },
    storage: env.CORKBOARD_S3_BUCKET
      ? {
        kind: 's3', bucket: env.CORKBOARD_S3_BUCKET, region: env.CORKBOARD_S3_REGION || 'us-east-1',
        ...(env.CORKBOARD_S3_ENDPOINT ? { endpoint: origin('CORKBOARD_S3_ENDPOINT', env.CORKBOARD_S3_ENDPOINT) } : {}),
        ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
          ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } } : {}),
      }
      : { kind: 'fs', root: path.join(dataDir, 'media') },
  };
}

/** An executable file at `file`, or a ConfigError naming the variable that set it. */
function checkTool(name: string, file: string | null): void {
  if (!file) return;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new ConfigError(`${name} is ${JSON.stringify(file)}, which does not exist`);
  if (!stat.isFile()) throw new ConfigError(`${name} is ${JSON.stringify(file)}, which is not a file`);
  try { accessSync(file, constants.X_OK); } catch { throw new ConfigError(`${name} is ${JSON.stringify(file)}, which is not executable`); }
}

/** Resolves once a TCP connection to the endpoint's host and port opens; a ConfigError naming the setting otherwise. */
function reachable(name: string, endpoint: string, timeoutMs: number): Promise<void> {
  const url = new URL(endpoint);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port });
    const fail = (why: string) => { socket.destroy(); reject(new ConfigError(`${name} ${endpoint} cannot be reached (${why})`)); };
    socket.setTimeout(timeoutMs, () => fail(`no answer within ${timeoutMs / 1000} s`));
    socket.once('error', (err: NodeJS.ErrnoException) => fail(err.code ?? err.message));
    socket.once('connect', () => { socket.destroy(); resolve(); });
  });
}

/**
 * What configuration alone cannot tell, checked at start so a mistake is reported then and not at the first
 * upload: the ffmpeg/ffprobe the settings name exist, and the S3 endpoint answers.
 */
export async function checkEnvironment(config: Config, timeoutMs = 5000): Promise<void> {
  checkTool('CORKBOARD_FFMPEG_PATH', config.video.ffmpegPath);
  checkTool('CORKBOARD_FFPROBE_PATH', config.video.ffprobePath);
  if (config.storage.kind === 's3' && config.storage.endpoint) await reachable('CORKBOARD_S3_ENDPOINT', config.storage.endpoint, timeoutMs);
}
