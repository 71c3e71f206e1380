// A download job whose server is killed mid-way: the job is in the database, so the next process finishes it.
// A proxy in front of the upstream holds the first board-feed request open, so the kill lands mid-job.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import path from 'node:path';
import { forEachDialect, freshDatabase, REPO_ROOT, type TestDatabase } from './helpers.js';
import { startUpstream, type Upstream } from './upstream-fixture.js';

const BIN = path.join(REPO_ROOT, 'bin', 'corkboard.js');

function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => { out += c; const m = /listening on (http:\/\/\S+)/.exec(out); if (m) resolve({ url: m[1]!, child }); });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

let upstream: Upstream;
before(async () => { upstream = await startUpstream(12); });
after(() => upstream.close());

forEachDialect('a download survives a killed server', (dialect) => {
  let db: TestDatabase;
  let proxy: Server;
  let proxyUrl = '';
  let stalled = 0;
  const children: ChildProcess[] = [];

  before(async () => {
    db = await freshDatabase(dialect);
    const target = new URL(upstream.url);
    proxy = createServer((req, res) => {
      if (req.url!.startsWith('/resource/BoardFeedResource/') && stalled++ === 0) return; // never answered
      const out = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode!, up.headers);
        up.pipe(res);
      });
      req.pipe(out);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    proxy.closeAllConnections();
    proxy.close();
    await db.drop();
  });

  it('finishes the job after a restart', async () => {
    const env = { ...process.env, ...db.env, CORKBOARD_LOG_LEVEL: 'warn', CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true', CORKBOARD_JOB_LEASE_SECONDS: '2' };
    execFileSync(process.execPath, [BIN, 'user', 'create', 'dora', '--password', 'correct horse battery'], { env });
    const { api_key: key } = JSON.parse(execFileSync(process.execPath, [BIN, 'apikey', 'create', '--user', 'dora'], { env }).toString());
    const call = async (base: string, p: string, body: Record<string, string>) =>
      (await fetch(base + p, { method: 'POST', headers: { authorization: key, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>;

    const first = await serve(env);
    children.push(first.child);
    const { uuid } = await call(first.url, '/api/v1/submit/', { url: `${proxyUrl}/${upstream.username}/${upstream.board.slug}/` });
    for (let i = 0; i < 100 && !stalled; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(stalled, 1, 'the job reached the board feed');
    assert.deepEqual(await call(first.url, '/api/v1/results/', { uuid }), { loading: true });
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await serve(env);
    children.push(second.child);
    let res: any;
    for (let i = 0; i < 300; i++) {
      res = await call(second.url, '/api/v1/results/', { uuid });
      if (!res.loading) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(res.error, undefined);
    assert.equal(res.results.length, upstream.expectedFiles);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
