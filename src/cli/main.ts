// `corkboard <command>`: the commands of CONTRACT.md. Commands that create something print one JSON object.
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createContext, type Context } from '../context.js';
import { ApiError } from '../lib/api-error.js';
import { ORGANIC_SCOPES } from '../schemas/operations.js';
import { parseScopes } from '../services/oauth.js';
import { serve } from '../server.js';
import { download } from './download.js';
import { ImportRejected, importEventsFile } from '../services/events-import.js';
import { importBoard } from './import.js';
import { UnsupportedUrl } from '../downloader/urls.js';
import { UpstreamError } from '../downloader/upstream.js';
import { FetchRefused } from '../adapters/safe-fetch.js';

const USAGE = `Usage: corkboard <command> [options]   (every command takes --data DIR; CORKBOARD_DATABASE_URL selects PostgreSQL)

  serve [--port N] [--host H]                         run the server
  user create NAME --password PW [--account-type PINNER|BUSINESS]
  app create --owner NAME --name APP --redirect-uri URI [--redirect-uri URI2 ...]
  token --user NAME --client-id ID [--scopes all|a,b,...]
  apikey create --user NAME [--name LABEL] [--quota N]  an API key for the download API (N downloads per 24 h)
  download URL [-o DIR] [--name TEMPLATE] [--only image|video|audio] [--zip] [--concurrency N]
                                                      every media file of a pin, board, section, profile or
                                                      pin.it link; TEMPLATE uses {pin_id} {n} {title} {section}
                                                      {board} {type}, '/' makes folders (default {pin_id}_{n})
  import URL --user NAME                              copy a board or section (sections, pins, media) here
  events import FILE.ndjson                           load analytics events, one JSON object a line:
                                                      {"pin_id","type","at","app_type","actor","value","id"};
                                                      the whole file or nothing (bad lines are listed)
`;

type Options = NonNullable<ParseArgsConfig['options']>;
const COMMON: Options = { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } };

function parse(args: string[], options: Options) {
  return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
}

function configFrom(values: Record<string, unknown>, extra: { port?: number; host?: string } = {}): Config {
  return loadConfig(process.env, { ...(typeof values.data === 'string' ? { dataDir: values.data } : {}), ...extra });
}

function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required`);
  return v;
}

class UsageError extends Error {}

async function withContext<T>(config: Config, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await createContext(config);
  try { return await fn(ctx); } finally { await ctx.close(); }
}

const print = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

const commands: Record<string, (args: string[]) => Promise<number | void>> = {
  async serve(args) {
    const { values } = parse(args, { port: { type: 'string', short: 'p' }, host: { type: 'string' } });
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError('--port must be a number from 0 to 65535');
    await serve(configFrom(values, { ...(port !== undefined ? { port } : {}), ...(values.host ? { host: String(values.host) } : {}) }));
  },

  async user(args) {
    const { values, positionals } = parse(args, { password: { type: 'string' }, 'account-type': { type: 'string' } });
    if (positionals[0] !== 'create' || !positionals[1]) throw new UsageError('usage: corkboard user create NAME --password PW [--account-type PINNER|BUSINESS]');
    const accountType = (values['account-type'] ?? 'PINNER') as string;
    if (accountType !== 'PINNER' && accountType !== 'BUSINESS') throw new UsageError('--account-type must be PINNER or BUSINESS');
    const password = required(values, 'password');
    const user = await withContext(configFrom(values), (ctx) => ctx.users.create({ username: positionals[1]!, password, accountType }));
    print({ id: user.id, username: user.username });
  },

  async app(args) {
    const { values, positionals } = parse(args, { owner: { type: 'string' }, name: { type: 'string' }, 'redirect-uri': { type: 'string', multiple: true } });
    if (positionals[0] !== 'create') throw new UsageError('usage: corkboard app create --owner NAME --name APP --redirect-uri URI [--redirect-uri URI2 ...]');
    const owner = required(values, 'owner');
    const name = required(values, 'name');
    const uris = (values['redirect-uri'] ?? []) as string[];
    if (!uris.length) throw new UsageError('--redirect-uri is required');
    print(await withContext(configFrom(values), async (ctx) => ctx.apps.create((await ctx.users.byUsername(owner)).id, name, uris)));
  },

  async token(args) {
    const { values } = parse(args, { user: { type: 'string' }, 'client-id': { type: 'string' }, scopes: { type: 'string' } });
    const username = required(values, 'user');
    const clientId = required(values, 'client-id');
    const scopeArg = (values.scopes as string | undefined) ?? 'all';
    const scopes = scopeArg === 'all' ? [...ORGANIC_SCOPES] : parseScopes(scopeArg, '--scopes');
    print(await withContext(configFrom(values), async (ctx) => {
      const app = await ctx.apps.byClientId(clientId);
      if (!app) throw new UsageError(`no app with client id ${clientId}`);
      return ctx.oauth.mint(app, await ctx.users.byUsername(username), scopes);
    }));
  },

  async apikey(args) {
    const { values, positionals } = parse(args, { user: { type: 'string' }, name: { type: 'string' }, quota: { type: 'string' } });
    if (positionals[0] !== 'create') throw new UsageError('usage: corkboard apikey create --user NAME [--name LABEL] [--quota N]');
    const username = required(values, 'user');
    const quota = values.quota === undefined ? 1000 : Number(values.quota);
    if (!Number.isInteger(quota) || quota < 1) throw new UsageError('--quota must be a whole number >= 1');
    print(await withContext(configFrom(values), async (ctx) =>
      ctx.downloads.createKey((await ctx.users.byUsername(username)).id, String(values.name ?? 'CLI key'), quota)));
  },

  async import(args) {
    const { values, positionals } = parse(args, { user: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('usage: corkboard import URL --user NAME');
    const username = required(values, 'user');
    try {
      print(await withContext(configFrom(values), async (ctx) =>
        importBoard(ctx, positionals[0]!, await ctx.users.byUsername(username), (line) => process.stderr.write(`${line}\n`))));
    } catch (err) {
      if (err instanceof UnsupportedUrl || err instanceof UpstreamError || err instanceof FetchRefused) throw new UsageError(err.message);
      throw err;
    }
  },

  async events(args) {
    const { values, positionals } = parse(args, {});
    if (positionals[0] !== 'import' || positionals.length !== 2) throw new UsageError('usage: corkboard events import FILE.ndjson');
    const file = positionals[1]!;
    if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
    try {
      print(await withContext(configFrom(values), (ctx) => importEventsFile(file, ctx.events, (names) => ctx.users.idsByUsername(names))));
    } catch (err) {
      if (!(err instanceof ImportRejected)) throw err;
      const shown = err.problems.slice(0, 100);
      for (const p of shown) process.stderr.write(p.line ? `${file}:${p.line}: ${p.message}\n` : `${file}: ${p.message}\n`);
      if (err.problems.length > shown.length) process.stderr.write(`... and ${err.problems.length - shown.length} more bad lines\n`);
      process.stderr.write(`corkboard events import: ${err.message}\n`);
      return 1;
    }
  },

  async download(args) {
    const { values, positionals } = parse(args, {
      output: { type: 'string', short: 'o' }, name: { type: 'string' }, only: { type: 'string' }, zip: { type: 'boolean' }, concurrency: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('usage: corkboard download URL [-o DIR] [--name TEMPLATE] [--only image|video|audio] [--zip] [--concurrency N]');
    const only = values.only as string | undefined;
    if (only !== undefined && !['image', 'video', 'audio'].includes(only)) throw new UsageError('--only must be image, video or audio');
    const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError('--concurrency must be 1 to 32');
    try {
      const result = await download(positionals[0]!, loadConfig(process.env), {
        outDir: String(values.output ?? '.'), ...(values.name ? { template: String(values.name) } : {}),
        ...(only ? { only: only as 'image' } : {}), zip: values.zip === true, concurrency, maxPins: 100_000,
      });
      print(result);
    } catch (err) {
      if (err instanceof UnsupportedUrl || err instanceof UpstreamError || err instanceof FetchRefused) throw new UsageError(err.message);
      throw err;
    }
  },
};


export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    process.stderr.write(USAGE); // a mistake: the usage goes with the error, stdout stays empty
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`corkboard: unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    return (await command(args)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof ApiError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`corkboard ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}
