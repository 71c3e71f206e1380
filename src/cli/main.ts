// `corkboard <command>`: the commands of CONTRACT.md, each with its usage and help in one table (COMMANDS).
// Commands that create something print one JSON object on stdout; help and --version print on stdout and exit 0;
// mistakes go to stderr with exit 2, other failures with exit 1. Remote text is never printed raw (terminal.ts).
import { readFileSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkEnvironment, ConfigError, loadConfig, type Config } from '../config.js';
import { createContext, type Context } from '../context.js';
import { ApiError } from '../lib/api-error.js';
import { ORGANIC_SCOPES } from '../schemas/operations.js';
import { DEFAULT_DAILY_QUOTA } from '../services/downloads.js';
import { parseScopes } from '../services/oauth.js';
import { serve } from '../server.js';
import { download } from './download.js';
import { ImportRejected, importEventsFile } from '../services/events-import.js';
import { importBoard } from './import.js';
import { UnsupportedUrl } from '../downloader/urls.js';
import { UpstreamError } from '../downloader/upstream.js';
import { checkTemplate, DEFAULT_TEMPLATE, TemplateError, TEMPLATE_VARS } from '../downloader/plan.js';
import { FetchRefused } from '../adapters/safe-fetch.js';
import { printable, printJson, say } from './terminal.js';

const DOWNLOAD_CONCURRENCY = 4;
const DOWNLOAD_DIR = '.';
const PLACEHOLDERS = TEMPLATE_VARS.map((v) => `{${v}}`).join(' ');

type Options = NonNullable<ParseArgsConfig['options']>;
const COMMON: Options = { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } };

interface Command {
  /** The synopsis after `corkboard `. */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** Options and defaults, for `corkboard help COMMAND`. */
  details?: string;
  /** What else the help says, after the options. */
  notes?: string;
  run(args: string[]): Promise<number | void>;
}

class UsageError extends Error {}

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

/** The command's own usage line, as an error. */
const misuse = (name: string) => new UsageError(`usage: corkboard ${COMMANDS[name]!.usage}`);

async function withContext<T>(config: Config, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await createContext(config);
  try { return await fn(ctx); } finally { await ctx.close(); }
}

/** A fetch that was refused or failed is the user's to fix: the message, and the setting that allows a private address. */
function fetchFailure(err: unknown): never {
  if (!(err instanceof UnsupportedUrl || err instanceof UpstreamError || err instanceof FetchRefused)) throw err;
  const hint = /private network/.test(err.message) ? ' (set CORKBOARD_ALLOW_PRIVATE_NETWORKS=true to allow loopback and private addresses)' : '';
  throw new UsageError(`${err.message}${hint}`);
}

const COMMANDS: Record<string, Command> = {
  serve: {
    usage: 'serve [--port N] [--host H]',
    summary: 'run the server',
    details: '  -p, --port N    the port to listen on (default PORT or 8080; 0 picks a free one)\n  --host H        the address to listen on (default HOST or 127.0.0.1)',
    async run(args) {
      const { values } = parse(args, { port: { type: 'string', short: 'p' }, host: { type: 'string' } });
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError('--port must be a number from 0 to 65535');
      await serve(configFrom(values, { ...(port !== undefined ? { port } : {}), ...(values.host ? { host: String(values.host) } : {}) }));
    },
  },

  user: {
    usage: 'user create NAME --password PW [--account-type PINNER|BUSINESS]',
    summary: 'create a user; prints {"id","username"}',
    details: '  --password PW       at least 8 characters\n  --account-type T    PINNER or BUSINESS (default PINNER)',
    async run(args) {
      const { values, positionals } = parse(args, { password: { type: 'string' }, 'account-type': { type: 'string' } });
      if (positionals[0] !== 'create' || !positionals[1]) throw misuse('user');
      const accountType = (values['account-type'] ?? 'PINNER') as string;
      if (accountType !== 'PINNER' && accountType !== 'BUSINESS') throw new UsageError('--account-type must be PINNER or BUSINESS');
      const password = required(values, 'password');
      const user = await withContext(configFrom(values), (ctx) => ctx.users.create({ username: positionals[1]!, password, accountType }));
      printJson({ id: user.id, username: user.username });
    },
  },

  app: {
    usage: 'app create --owner NAME --name APP --redirect-uri URI [--redirect-uri URI2 ...]',
    summary: 'register an app; prints {"client_id","client_secret"}',
    async run(args) {
      const { values, positionals } = parse(args, { owner: { type: 'string' }, name: { type: 'string' }, 'redirect-uri': { type: 'string', multiple: true } });
      if (positionals[0] !== 'create') throw misuse('app');
      const owner = required(values, 'owner');
      const name = required(values, 'name');
      const uris = (values['redirect-uri'] ?? []) as string[];
      if (!uris.length) throw new UsageError('--redirect-uri is required');
      printJson(await withContext(configFrom(values), async (ctx) => ctx.apps.create((await ctx.users.byUsername(owner)).id, name, uris)));
    },
  },

  token: {
    usage: 'token --user NAME --client-id ID [--scopes all|a,b,...]',
    summary: 'mint an access token; prints what POST /v5/oauth/token answers',
    details: '  --scopes S    comma-separated scopes, or all: every organic scope (default all)',
    async run(args) {
      const { values } = parse(args, { user: { type: 'string' }, 'client-id': { type: 'string' }, scopes: { type: 'string' } });
      const username = required(values, 'user');
      const clientId = required(values, 'client-id');
      const scopeArg = (values.scopes as string | undefined) ?? 'all';
      const scopes = scopeArg === 'all' ? [...ORGANIC_SCOPES] : parseScopes(scopeArg, '--scopes');
      printJson(await withContext(configFrom(values), async (ctx) => {
        const app = await ctx.apps.byClientId(clientId);
        if (!app) throw new UsageError(`no app with client id ${clientId}`);
        return ctx.oauth.mint(app, await ctx.users.byUsername(username), scopes);
      }));
    },
  },

  apikey: {
    usage: 'apikey create --user NAME [--name LABEL] [--quota N]',
    summary: 'an API key for the download API; prints {"api_key",...}',
    details: `  --name LABEL    a label for the key (default "CLI key")\n  --quota N       downloads it may submit per 24 hours (default ${DEFAULT_DAILY_QUOTA})`,
    async run(args) {
      const { values, positionals } = parse(args, { user: { type: 'string' }, name: { type: 'string' }, quota: { type: 'string' } });
      if (positionals[0] !== 'create') throw misuse('apikey');
      const username = required(values, 'user');
      const quota = values.quota === undefined ? DEFAULT_DAILY_QUOTA : Number(values.quota);
      if (!Number.isInteger(quota) || quota < 1) throw new UsageError('--quota must be a whole number >= 1');
      printJson(await withContext(configFrom(values), async (ctx) =>
        ctx.downloads.createKey((await ctx.users.byUsername(username)).id, String(values.name ?? 'CLI key'), quota)));
    },
  },

  download: {
    usage: 'download URL [-o DIR] [--name TEMPLATE] [--only image|video|audio] [--zip] [--concurrency N]',
    summary: 'every media file of a pin, board, section, profile or pin.it link, with a JSON sidecar per pin',
    details: [
      `  -o, --output DIR      where files go (default ${DOWNLOAD_DIR}, the current directory); a board, section or`,
      '                        profile gets its own folder DIR/<title>/, a pin\'s files go into DIR',
      `  --name TEMPLATE       file names from ${PLACEHOLDERS}; '/' makes folders`,
      `                        (default ${DEFAULT_TEMPLATE})`,
      '  --only TYPE           only image, video or audio files',
      '  --zip                 also one ZIP of every file: DIR/<title>.zip (DIR/<pin id>.zip for a pin)',
      `  --concurrency N       files fetched at once, 1 to 32 (default ${DOWNLOAD_CONCURRENCY})`,
    ].join('\n'),
    notes: [
      'A re-run fetches only what is new: DIR/<title>/.corkboard-download.json records which pin and media each',
      'file holds. pinterest.com links are read through CORKBOARD_PINTEREST_UPSTREAM; loopback and private',
      'addresses are refused unless CORKBOARD_ALLOW_PRIVATE_NETWORKS=true.',
    ].join('\n'),
    async run(args) {
      const { values, positionals } = parse(args, {
        output: { type: 'string', short: 'o' }, name: { type: 'string' }, only: { type: 'string' }, zip: { type: 'boolean' }, concurrency: { type: 'string' },
      });
      if (positionals.length !== 1) throw misuse('download');
      const only = values.only as string | undefined;
      if (only !== undefined && !['image', 'video', 'audio'].includes(only)) throw new UsageError('--only must be image, video or audio');
      const concurrency = values.concurrency === undefined ? DOWNLOAD_CONCURRENCY : Number(values.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError('--concurrency must be 1 to 32');
      const template = values.name === undefined ? DEFAULT_TEMPLATE : String(values.name);
      try { checkTemplate(template); } catch (err) { if (err instanceof TemplateError) throw new UsageError(`--name: ${err.message}`); throw err; }
      const outDir = String(values.output ?? DOWNLOAD_DIR);
      if (statSync(outDir, { throwIfNoEntry: false })?.isDirectory() === false) throw new UsageError(`-o ${outDir}: not a directory`);
      try {
        printJson(await download(positionals[0]!, configFrom(values), { outDir, template, ...(only ? { only: only as 'image' } : {}), zip: values.zip === true, concurrency, maxPins: 100_000 }));
      } catch (err) { fetchFailure(err); }
    },
  },

  import: {
    usage: 'import URL --user NAME [--board NAME]',
    summary: 'copy a board or section (sections, pins, media) here',
    details: [
      '  --user NAME     the user who gets the copy',
      '  --board NAME    the board to import into (default the source board\'s name). A board link makes a new',
      '                  board; a section link imports into a section of this user\'s board of that name,',
      '                  made if there is none',
    ].join('\n'),
    notes: [
      'Pins keep their order, texts, link and created_at; the board keeps its description.',
    ].join('\n'),
    async run(args) {
      const { values, positionals } = parse(args, { user: { type: 'string' }, board: { type: 'string' } });
      if (positionals.length !== 1) throw misuse('import');
      const username = required(values, 'user');
      const config = configFrom(values);
      await checkEnvironment(config);
      try {
        printJson(await withContext(config, async (ctx) =>
          importBoard(ctx, positionals[0]!, await ctx.users.byUsername(username), { ...(values.board ? { board: String(values.board) } : {}) }, say)));
      } catch (err) { fetchFailure(err); }
    },
  },

  events: {
    usage: 'events import FILE.ndjson',
    summary: 'load analytics events (the whole file or nothing; bad lines are named)',
    details: '  one JSON object a line: {"pin_id","type","at","app_type","actor","value","id"}',
    async run(args) {
      const { values, positionals } = parse(args, {});
      if (positionals[0] !== 'import' || positionals.length !== 2) throw misuse('events');
      const file = positionals[1]!;
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) throw new UsageError(`${file}: no such file`);
      if (!stat.isFile()) throw new UsageError(`${file}: ${stat.isDirectory() ? 'a directory' : 'not a file'}; give an .ndjson file`);
      try {
        printJson(await withContext(configFrom(values), (ctx) => importEventsFile(file, ctx.events, (names) => ctx.users.idsByUsername(names))));
      } catch (err) {
        if (!(err instanceof ImportRejected)) throw err;
        const shown = err.problems.slice(0, 100);
        for (const p of shown) say(p.line ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.message}`);
        if (err.problems.length > shown.length) say(`... and ${err.problems.length - shown.length} more bad lines`);
        say(`corkboard events import: ${err.message}`);
        return 1;
      }
    },
  },
};

const USAGE = [
  'Usage: corkboard <command> [options]   (every command takes --data DIR; CORKBOARD_DATABASE_URL selects PostgreSQL)',
  '',
  ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
  '',
  '  help [COMMAND]    this list, or one command\'s options and defaults (also COMMAND --help)',
  '  --version         the version',
  '',
].join('\n');

function helpOf(name: string): string {
  const c = COMMANDS[name]!;
  return `Usage: corkboard ${c.usage}\n\n${c.summary}\n\n${c.details ? `${c.details}\n` : ''}  --data DIR      the data folder (default CORKBOARD_DATA_DIR or ./data)\n${c.notes ? `\n${c.notes}\n` : ''}`;
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** `--data DIR` may come before the command too; it is passed on to the command. */
function splitGlobal(argv: string[]): { name: string | undefined; args: string[] } {
  const global: string[] = [];
  let i = 0;
  while (i < argv.length && (argv[i] === '--data' || argv[i]!.startsWith('--data='))) {
    const n = argv[i] === '--data' ? 2 : 1;
    global.push(...argv.slice(i, i + n));
    i += n;
  }
  return { name: argv[i], args: [...argv.slice(i + 1), ...global] };
}

export async function main(argv: string[]): Promise<number> {
  const { name, args } = splitGlobal(argv);
  if (!name) {
    process.stderr.write(USAGE); // a mistake: the usage goes with the error, stdout stays empty
    return 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && args[0] && !args[0].startsWith('-') ? args[0] : undefined;
    if (topic && !Object.hasOwn(COMMANDS, topic)) {
      say(`corkboard help: unknown command ${JSON.stringify(topic)}`);
      process.stderr.write(`\n${USAGE}`);
      return 2;
    }
    process.stdout.write(topic ? helpOf(topic) : USAGE);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    say(`corkboard: unknown command ${JSON.stringify(name)}`);
    process.stderr.write(`\n${USAGE}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(helpOf(name));
    return 0;
  }
  try {
    return (await command.run(args)) ?? 0;
  } catch (err) {
    const usage = err instanceof UsageError || err instanceof ConfigError || err instanceof ApiError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    say(`corkboard ${name}: ${(err as Error)?.message ?? String(err)}`);
    return usage ? 2 : 1;
  }
}
