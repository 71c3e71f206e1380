// The `corkboard` CLI as scripts use it (CONTRACT.md): JSON on stdout for what it creates, errors on stderr with
// a non-zero exit, and `serve` that announces itself and drains in-flight requests on SIGTERM before exiting 0.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http, { createServer, type Server } from 'node:http';
import path from 'node:path';
import { ORGANIC_SCOPES } from '../src/schemas/operations.js';
import { loadConfig } from '../src/config.js';
import { createContext } from '../src/context.js';
import { api, FIXTURES, forEachDialect, freshDatabase, REPO_ROOT, type TestDatabase } from './helpers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'corkboard.js');
const JPG = readFileSync(path.join(FIXTURES, 'sample-1600x1200.jpg'));

/** The environment a user's shell would have, minus anything of ours that leaked in, plus the test database. */
function childEnv(db: TestDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('CORKBOARD_') && k !== 'PORT' && k !== 'HOST') env[k] = v;
  if (db.env.CORKBOARD_DATABASE_URL) env.CORKBOARD_DATABASE_URL = db.env.CORKBOARD_DATABASE_URL;
  return { ...env, ...extra };
}

/** A running `corkboard` process with its output gathered line by line. */
class Proc {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: Array<() => void> = [];

  constructor(readonly child: ChildProcess) {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { this.stdout += d; this.wake(); });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { this.stderr += d; this.wake(); });
    this.exited = new Promise((resolve) => child.on('close', (code, signal) => { resolve({ code, signal }); this.wake(); }));
  }

  private wake() { for (const w of this.waiters.splice(0)) w(); }

  /** Resolves with the first match of `re` on stdout; rejects if the process ends first (or after a safety limit). */
  waitFor(re: RegExp, limitMs = 30_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => { done = true; reject(new Error(`no ${re} on stdout within ${limitMs} ms.\nstdout: ${this.stdout}\nstderr: ${this.stderr}`)); }, limitMs);
      const check = () => {
        if (done) return;
        const m = this.stdout.match(re);
        if (m) { done = true; clearTimeout(timer); return resolve(m); }
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          done = true; clearTimeout(timer);
          return reject(new Error(`exited (${this.child.exitCode ?? this.child.signalCode}) before ${re}.\nstdout: ${this.stdout}\nstderr: ${this.stderr}`));
        }
        this.waiters.push(check);
      };
      check();
    });
  }
}

/** POST JSON through a given agent (node:http, so the test chooses keep-alive or not). */
function postJson(agent: http.Agent, url: string, token: string, json: unknown): Promise<{ status: number; data: any }> {
  const body = JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST', agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => { text += d; }).on('end', () => {
        let data: any;
        try { data = JSON.parse(text); } catch { data = text; }
        resolve({ status: res.statusCode!, data });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

forEachDialect('corkboard CLI', (dialect) => {
  let db: TestDatabase;
  let dataDir: string;
  const running: Proc[] = [];
  const users = { alice: `alice_${process.pid}`, bob: `bob_${process.pid}` };
  let clientId: string;
  let cliToken: Record<string, unknown>;
  let closedPort: number;

  const start = (args: string[], extraEnv: Record<string, string> = {}) => {
    const p = new Proc(spawn(process.execPath, [BIN, ...args, '--data', dataDir], { cwd: REPO_ROOT, env: childEnv(db, extraEnv), stdio: ['ignore', 'pipe', 'pipe'] }));
    running.push(p);
    return p;
  };
  const run = async (...args: string[]) => {
    const p = start(args);
    const { code, signal } = await p.exited;
    return { code, signal, stdout: p.stdout, stderr: p.stderr };
  };
  /** Runs a command that must print exactly one JSON object. */
  const runJson = async (...args: string[]) => {
    const r = await run(...args);
    assert.equal(r.code, 0, `corkboard ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, `one line of JSON expected, got: ${r.stdout}`);
    return JSON.parse(lines[0]!) as Record<string, unknown>;
  };

  before(async () => {
    assert.ok(existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js')), 'run `npm run build` first (npm test does)');
    db = await freshDatabase(dialect);
    dataDir = db.env.CORKBOARD_DATA_DIR!;
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r)); // nothing listens there now
  });
  after(async () => {
    for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(running.map((p) => p.exited));
    await db.drop();
  });

  it('user create prints {id, username}', async () => {
    const alice = await runJson('user', 'create', users.alice, '--password', 'correct horse battery');
    assert.deepEqual(Object.keys(alice).sort(), ['id', 'username']);
    assert.match(alice.id as string, /^\d{19}$/);
    assert.equal(alice.username, users.alice);
    const bob = await runJson('user', 'create', users.bob, '--password', 'another good password', '--account-type', 'BUSINESS');
    assert.equal(bob.username, users.bob);
    assert.notEqual(bob.id, alice.id);
  });

  it('app create prints {client_id, client_secret}', async () => {
    const app = await runJson('app', 'create', '--owner', users.alice, '--name', 'CLI app',
      '--redirect-uri', 'http://localhost:8085/', '--redirect-uri', 'https://example.org/callback');
    assert.deepEqual(Object.keys(app).sort(), ['client_id', 'client_secret']);
    assert.match(app.client_id as string, /^\d+$/);
    assert.equal(typeof app.client_secret, 'string');
    assert.ok((app.client_secret as string).length >= 20);
    clientId = app.client_id as string;
  });

  it('token prints what POST /v5/oauth/token answers, with every organic scope by default', async () => {
    cliToken = await runJson('token', '--user', users.alice, '--client-id', clientId);
    assert.match(cliToken.access_token as string, /^pina_/);
    assert.match(cliToken.refresh_token as string, /^pinr_/);
    assert.equal(cliToken.token_type, 'bearer');
    assert.equal(cliToken.response_type, 'authorization_code');
    assert.ok(Number.isInteger(cliToken.expires_in));
    assert.ok(Number.isInteger(cliToken.refresh_token_expires_in));
    assert.ok(Number.isInteger(cliToken.refresh_token_expires_at));
    assert.deepEqual((cliToken.scope as string).split(',').sort(), [...ORGANIC_SCOPES].sort());
    const narrow = await runJson('token', '--user', users.bob, '--client-id', clientId, '--scopes', 'boards:read,pins:read');
    assert.equal(narrow.scope, 'boards:read,pins:read');
    assert.notEqual(narrow.access_token, cliToken.access_token);
  });

  const badUsage: Array<[string, () => string[], RegExp]> = [
    ['an unknown command', () => ['frobnicate'], /unknown command/],
    ['user create without a name', () => ['user', 'create', '--password', 'long enough password'], /usage/i],
    ['user create without --password', () => ['user', 'create', 'carol_cli'], /--password/],
    ['a too short password', () => ['user', 'create', 'carol_cli', '--password', 'short'], /password/],
    ['an unknown account type', () => ['user', 'create', 'carol_cli', '--password', 'long enough password', '--account-type', 'ADMIN'], /account-type/],
    ['a taken username', () => ['user', 'create', users.alice, '--password', 'long enough password'], /taken/],
    ['an unknown option', () => ['user', 'create', 'carol_cli', '--password', 'long enough password', '--bogus'], /bogus/],
    ['app create without --redirect-uri', () => ['app', 'create', '--owner', users.alice, '--name', 'X'], /redirect-uri/],
    ['app create with a relative redirect URI', () => ['app', 'create', '--owner', users.alice, '--name', 'X', '--redirect-uri', 'callback'], /redirect_uri/],
    ['app create for an unknown owner', () => ['app', 'create', '--owner', 'nobody_here', '--name', 'X', '--redirect-uri', 'http://localhost/'], /not found/i],
    ['token without --client-id', () => ['token', '--user', users.alice], /client-id/],
    ['token for an unknown app', () => ['token', '--user', users.alice, '--client-id', '999'], /999/],
    ['token with an unknown scope', () => ['token', '--user', users.alice, '--client-id', clientId, '--scopes', 'boards:read,root:all'], /root:all/],
    ['serve with a bad port', () => ['serve', '--port', 'eighty'], /--port/],
  ];
  for (const [label, args, message] of badUsage) {
    it(`${label}: non-zero exit, a message on stderr, nothing on stdout`, async () => {
      const r = await run(...args());
      assert.notEqual(r.code, 0, r.stdout);
      assert.equal(r.signal, null);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    });
  }

  it('no command at all: usage on stderr, nothing on stdout, non-zero exit', async () => {
    const r = await run();
    assert.notEqual(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Usage/);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await run('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: corkboard/);
  });

  it('--data DIR with no command: the usage on stderr, not an unknown command', async () => {
    const r = await run(); // run() adds --data DIR
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Usage: corkboard/);
    assert.doesNotMatch(r.stderr, /unknown command/);
  });

  it('--data DIR may come before the command', async () => {
    const r = await run('--data', dataDir, 'user', 'create', 'dora_cli', '--password', 'long enough password');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).username, 'dora_cli');
  });

  it('--version prints the package version', async () => {
    const r = await run('--version');
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });

  it('help COMMAND and COMMAND --help print the same usage on stdout; the list names every command', async () => {
    const list = (await run('help')).stdout;
    for (const name of ['serve', 'user', 'app', 'token', 'apikey', 'download', 'import', 'events']) {
      assert.match(list, new RegExp(`^  ${name} `, 'm'));
      const [a, b] = await Promise.all([run('help', name), run(name, '--help')]);
      assert.deepEqual([a.code, b.code, a.stderr, b.stderr], [0, 0, '', '']);
      assert.equal(a.stdout, b.stdout);
      assert.ok(a.stdout.startsWith(`Usage: corkboard ${name}`), a.stdout);
    }
    const download = (await run('download', '--help')).stdout;
    assert.match(download, /--output DIR .*\(default \., the current directory\)/);
    assert.match(download, /--concurrency N .*\(default 4\)/);
    assert.match(download, /--zip .*DIR\/<title>\.zip/);
    assert.match(download, /CORKBOARD_ALLOW_PRIVATE_NETWORKS=true/);
    const unknown = await run('help', 'frobnicate');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
  });

  const badStart: Array<[string, () => Record<string, string>, RegExp]> = [
    ['a bad CORKBOARD_LOG_LEVEL', () => ({ CORKBOARD_LOG_LEVEL: 'loud' }), /CORKBOARD_LOG_LEVEL must be one of .*"loud"/],
    ['a missing CORKBOARD_FFMPEG_PATH', () => ({ CORKBOARD_FFMPEG_PATH: path.join(dataDir, 'no-ffmpeg') }), /CORKBOARD_FFMPEG_PATH .*does not exist/],
    ['a CORKBOARD_FFPROBE_PATH that is a folder', () => ({ CORKBOARD_FFPROBE_PATH: dataDir }), /CORKBOARD_FFPROBE_PATH .*not a file/],
    ['an unreachable CORKBOARD_S3_ENDPOINT', () => ({ CORKBOARD_S3_BUCKET: 'media', CORKBOARD_S3_ENDPOINT: `http://127.0.0.1:${closedPort}` }), /CORKBOARD_S3_ENDPOINT http:\/\/127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED\)/],
  ];
  for (const [label, env, message] of badStart) {
    it(`serve with ${label}: the setting named at start, non-zero exit`, async () => {
      const p = start(['serve', '--port', '0'], env());
      const listening = p.waitFor(/listening/, 20_000).then(() => { p.child.kill('SIGKILL'); return true; }, () => false);
      const { code } = await p.exited;
      assert.equal(await listening, false, 'the server started');
      assert.notEqual(code, 0);
      assert.match(p.stderr, message);
    });
  }

  it('serve --port 0 announces its address; GET / answers 200 and the CLI token works; SIGTERM exits 0', async () => {
    const server = start(['serve', '--port', '0', '--host', '127.0.0.1']);
    const [, origin] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:(\d+))/);
    assert.doesNotMatch(origin!, /:0$/);
    const home = await fetch(`${origin}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Corkboard/);
    const me = await api(origin!, 'GET', '/v5/user_account', { token: cliToken.access_token as string });
    assert.equal(me.status, 200, JSON.stringify(me.data));
    assert.equal(me.data.username, users.alice);
    // the fetches above leave an idle keep-alive connection open: shutdown must not wait for it
    server.child.kill('SIGTERM');
    const { code, signal } = await server.exited;
    assert.equal(signal, null);
    assert.equal(code, 0, server.stderr);
  });

  /**
   * Starts `serve`, puts a pin creation in flight (its image_url host holds the answer), sends SIGTERM, and only
   * once shutdown has begun lets the image through. The request must complete, the process exit 0, and the pin
   * be committed.
   */
  async function shutdownWithRequestInFlight(keepAlive: boolean) {
    let requested!: () => void;
    const imageRequested = new Promise<void>((r) => { requested = r; });
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    const host: Server = createServer((req, res) => {
      if (req.url !== '/slow.jpg') return res.writeHead(404).end();
      requested();
      void released.then(() => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPG));
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
    const agent = new http.Agent({ keepAlive });
    try {
      const server = start(['serve', '--port', '0', '--host', '127.0.0.1'], { CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' });
      const [, origin] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const token = cliToken.access_token as string;
      const board = await postJson(agent, `${origin}/v5/boards`, token, { name: 'Shutdown board' });
      assert.equal(board.status, 201, JSON.stringify(board.data));

      const inFlight = postJson(agent, `${origin}/v5/pins`, token, {
        board_id: board.data.id, title: 'Finished during shutdown', media_source: { source_type: 'image_url', url: `${hostUrl}/slow.jpg` },
      });
      await imageRequested; // the request is now inside the server, waiting on the image
      server.child.kill('SIGTERM');
      await server.waitFor(/shutting down/); // shutdown has begun while the request is still open
      assert.equal(server.child.exitCode, null, 'exited with a request in flight');
      release();

      const pin = await inFlight;
      assert.equal(pin.status, 201, JSON.stringify(pin.data));
      assert.equal(pin.data.title, 'Finished during shutdown');
      const { code, signal } = await server.exited;
      assert.equal(signal, null);
      assert.equal(code, 0, `exit ${code}; stdout: ${server.stdout.split('\n').filter((l) => !/"msg":"(incoming request|request completed)"/.test(l)).join('\n')}`);

      // the pin was committed before the database closed
      const again = start(['serve', '--port', '0', '--host', '127.0.0.1']);
      const [, origin2] = await again.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const got = await api(origin2!, 'GET', `/v5/pins/${pin.data.id}`, { token });
      assert.equal(got.status, 200, JSON.stringify(got.data));
      assert.equal(got.data.board_id, board.data.id);
      again.child.kill('SIGTERM');
      assert.equal((await again.exited).code, 0, again.stderr);
    } finally {
      release();
      agent.destroy();
      host.closeAllConnections();
      host.close();
    }
  }

  it('SIGTERM lets a slow in-flight request finish, then exits 0 (client without keep-alive)', () => shutdownWithRequestInFlight(false));

  // A keep-alive socket goes idle only after its in-flight request completes; shutdown must close it then.
  it('SIGTERM lets a slow in-flight request finish, then exits 0 (keep-alive client)', () => shutdownWithRequestInFlight(true));

  it('events import loads a whole file, or names its bad lines and loads nothing', async () => {
    const ctx = await createContext(loadConfig({ ...db.env, CORKBOARD_LOG_LEVEL: 'silent' }));
    let pinId: string;
    try {
      const p = await ctx.oauth.authenticate(`Bearer ${cliToken.access_token as string}`);
      const board = await ctx.boards.create(p, { name: 'Events' });
      const data = readFileSync(path.join(FIXTURES, 'sample-1600x1200.jpg')).toString('base64');
      pinId = (await ctx.pins.create(p, { board_id: board.id, media_source: { source_type: 'image_base64', content_type: 'image/jpeg', data } })).id;
    } finally { await ctx.close(); }
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const good = JSON.stringify({ pin_id: pinId, type: 'IMPRESSION', at, app_type: 'MOBILE', id: 'e1' });
    const bad = path.join(dataDir, 'bad.ndjson');
    writeFileSync(bad, [good, JSON.stringify({ pin_id: pinId, type: 'LIKE', at }), '', JSON.stringify({ pin_id: '42', type: 'SAVE', at })].join('\n'));
    const refused = await run('events', 'import', bad);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /bad\.ndjson:2: type must be one of/);
    assert.match(refused.stderr, /bad\.ndjson:4: pin 42 does not exist here/);
    assert.match(refused.stderr, /2 bad lines; nothing was imported/);
    const file = path.join(dataDir, 'good.ndjson');
    writeFileSync(file, [good, good, JSON.stringify({ pin_id: pinId, type: 'SAVE', at })].join('\n') + '\n');
    // Nothing of the refused file went in: the first good line's id is new here.
    assert.deepEqual(await runJson('events', 'import', file), { imported: 2, duplicates: 1 });
    assert.deepEqual(await runJson('events', 'import', file), { imported: 1, duplicates: 2 }); // only the line without an id repeats
    assert.equal((await run('events', 'import', path.join(dataDir, 'missing.ndjson'))).code, 2);
    const folder = await run('events', 'import', dataDir);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /a directory; give an \.ndjson file/);
    // A file saved with a UTF-8 byte order mark, as some editors write it
    const bom = path.join(dataDir, 'bom.ndjson');
    writeFileSync(bom, '\uFEFF' + JSON.stringify({ pin_id: pinId, type: 'SAVE', at, id: 'bom1' }) + '\n');
    assert.deepEqual(await runJson('events', 'import', bom), { imported: 1, duplicates: 0 });
  });
});
