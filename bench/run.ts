// `npm run bench`: Corkboard against a plain node:http baseline serving the same bytes, per scenario.
// Servers run as child processes; the load (autocannon) runs here, so client and server never share a
// thread — on a 2-core machine they do share the CPU, which the client CPU column makes visible.
// After the table, bench/media.ts measures Corkboard's media code (image variants, video, download) against the
// tools underneath it; then bench/web.ts measures the web app's home feed of 1,000 pins in Chromium.
// Pick parts with BENCH_SCENARIOS or `npm run bench -- --only NAME,...` (e.g. --only web).
// Env: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (50),
//      BENCH_SCENARIOS (comma-separated names of HTTP scenarios and media parts, default all), BENCH_SKIP_BUILD=1,
//      BENCH_CPU_PROF=DIR (profile Corkboard), BENCH_MEDIA_SECONDS (see bench/media.ts).
import autocannon, { type Result } from 'autocannon';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEDIA_PARTS, mediaCleanup, printMedia, runMedia, type MediaResults } from './media.js';
import { startCorkboard, startServer, stopAll, watch, type Server } from './procs.js';
import { printWeb, runWeb, WEB_PART, type WebResults } from './web.js';
import { scenarios, type Scenario, type Seed } from './scenarios.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const TARGET = 0.5; // Corkboard should keep at least half the baseline's throughput (unless a scenario says otherwise).

// Children get the caller's environment minus any CORKBOARD_* settings, so the bench always measures
// the embedded SQLite set-up in its own temp dir, whatever the shell has exported.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CORKBOARD_')));

let dataDir = '';
async function cleanup() {
  await stopAll();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  mediaCleanup();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { console.error(`\n${signal}: stopping servers`); void cleanup().finally(() => process.exit(130)); });
}

function build(): boolean {
  if (process.env.BENCH_SKIP_BUILD === '1') return true;
  console.error('building (npm run build)...');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) return true;
  // tsc still emits on type errors, so dist/ is current; say so rather than measure silently.
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error(`build failed and dist/ is missing:\n${r.stdout}${r.stderr}`);
  console.error(`WARNING: build reported errors (dist/ emitted anyway):\n${(r.stdout + r.stderr).trim().split('\n').slice(-5).join('\n')}`);
  return false;
}

interface Figures {
  server: string; reqPerSec: number; p50: number; p99: number; peakRssMb: number;
  /** Percent of one core: the server, this (load) process, and everything else on the machine during the run. */
  serverCpu: number; clientCpu: number; otherCpu: number;
  /** Server CPU time per request: unlike req/s, barely moved by other load on a shared machine. */
  cpuUsPerReq: number;
  requests: number; problems: string[];
}

async function load(server: Server, sc: Scenario, token: string, expectBody: string | undefined): Promise<Figures> {
  const opts = {
    url: server.url + sc.path, method: sc.method, connections: sc.connections ?? CONNECTIONS,
    headers: { authorization: `Bearer ${token}`, ...(sc.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(sc.body === undefined ? {} : { body: JSON.stringify(sc.body) }),
    ...(expectBody === undefined ? {} : { expectBody }),
  };
  if (WARMUP > 0) await autocannon({ ...opts, duration: WARMUP }); // JIT, caches, connection set-up: not counted
  const w = watch(server.child.pid!);
  const cpu0 = process.cpuUsage();
  const r: Result = await autocannon({ ...opts, duration: DURATION });
  const clientSeconds = ((c) => (c.user + c.system) / 1e6)(process.cpuUsage(cpu0));
  const { peakRssMb, cpuSeconds, machineSeconds, wallSeconds } = w.stop();
  const pct = (seconds: number) => (100 * seconds) / wallSeconds;
  const problems: string[] = [];
  const wrongStatus = Object.entries(r.statusCodeStats).filter(([code]) => Number(code) !== sc.status);
  if (wrongStatus.length) problems.push(`status ${wrongStatus.map(([c, s]) => `${c}x${s.count}`).join(' ')}`);
  if (!r.requests.total) problems.push('no responses');
  if (r.errors) problems.push(`${r.errors} errors`);
  if (r.timeouts) problems.push(`${r.timeouts} timeouts`);
  if (r.mismatches) problems.push(`${r.mismatches} bodies differed`);
  return {
    server: server.name, reqPerSec: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99, peakRssMb,
    serverCpu: pct(cpuSeconds), clientCpu: pct(clientSeconds), otherCpu: Math.max(0, pct(machineSeconds - cpuSeconds - clientSeconds)),
    cpuUsPerReq: (1e6 * cpuSeconds) / Math.max(1, r.requests.total), requests: r.requests.total, problems,
  };
}

interface Measured { scenario: string; sc: Scenario; corkboard: Figures; baseline: Figures; ratio: number }

const targetOf = (sc: Scenario) => (sc.target === undefined ? TARGET : sc.target);

/** How many times a scenario's time per request its `slowdown.vs` scenario takes: by req/s, and by server CPU per request. */
function slowdownOf(r: Measured, results: Measured[]) {
  const vs = r.sc.slowdown && results.find((o) => o.scenario === r.sc.slowdown!.vs);
  if (!vs) return null;
  const byReqPerSec = vs.corkboard.reqPerSec / r.corkboard.reqPerSec;
  return { vs: vs.scenario, byReqPerSec, byCpuPerReq: r.corkboard.cpuUsPerReq / vs.corkboard.cpuUsPerReq, max: r.sc.slowdown!.factor, pass: byReqPerSec <= r.sc.slowdown!.factor };
}

function printTable(results: Measured[], skipped: string[]) {
  // autocannon records latency in whole milliseconds.
  const head = ['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'CPU us/req', 'srv CPU%', 'client CPU%', 'other CPU%', 'requests', 'check'];
  const rows = results.flatMap(({ scenario, corkboard, baseline }) => [corkboard, baseline].map((f) => [
    scenario, f.server, f.reqPerSec.toFixed(0), String(f.p50), String(f.p99), f.peakRssMb.toFixed(1), f.cpuUsPerReq.toFixed(0),
    f.serverCpu.toFixed(0), f.clientCpu.toFixed(0), f.otherCpu.toFixed(0), String(f.requests), f.problems.length ? `FAILED: ${f.problems.join('; ')}` : 'all ok',
  ]));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${CONNECTIONS} connections, ${DURATION}s measured after ${WARMUP}s warm-up, ${os.cpus().length} CPUs, node ${process.version}\n`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  console.log('');
  for (const r of results) {
    const { scenario, sc, corkboard, baseline, ratio } = r;
    const invalid = corkboard.problems.length || baseline.problems.length;
    const target = targetOf(sc);
    console.log(`${scenario}: corkboard/baseline req/s = ${(100 * ratio).toFixed(1)}% `
      + (target === null ? '(no target)' : `(target >= ${target * 100}%) `
        + (invalid ? 'INVALID RUN (responses failed the check)' : ratio >= target ? 'PASS' : 'BELOW')));
    const slow = slowdownOf(r, results);
    if (slow) {
      console.log(`${scenario} vs ${slow.vs}: ${slow.byReqPerSec.toFixed(2)}x the time per request by req/s, ${slow.byCpuPerReq.toFixed(2)}x by CPU us/req `
        + `(target <= ${slow.max}x) ${invalid ? 'INVALID RUN' : slow.pass ? 'PASS' : 'BELOW'}`);
    }
    if (sc.maxP99Ms !== undefined) {
      console.log(`${scenario}: p99 ${corkboard.p99} ms at ${sc.connections ?? CONNECTIONS} connection(s) (target < ${sc.maxP99Ms} ms) `
        + (invalid ? 'INVALID RUN' : corkboard.p99 < sc.maxP99Ms ? 'PASS' : 'BELOW'));
    }
    if (sc.note) console.log(`  note: ${sc.note}`);
  }
  skipped.forEach((s) => console.log(`skipped ${s}`));
  const all = results.flatMap((r) => [r.corkboard, r.baseline]);
  if (results.some((r) => r.baseline.clientCpu > 85)) {
    console.log('note: client CPU near 100% on a baseline run: the load generator, not the baseline, may be the limit (the ratio is then flattering).');
  }
  if (all.some((f) => f.otherCpu > 20)) {
    console.log('note: other processes used >20% CPU during a run: req/s and latency are noisy; CPU us/req is the steadier comparison.');
  }
}

/** The HTTP scenarios against one Corkboard on a fresh data dir, each followed by the baseline replaying its bytes. */
async function runHttp(selected: Scenario[], prof: string[]): Promise<{ results: Measured[]; skipped: string[] }> {
  const results: Measured[] = [];
  const skipped: string[] = [];
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-bench-'));
  const { server: corkboard, token } = await startCorkboard('corkboard', ROOT, dataDir, baseEnv, prof);
  const seed: Seed = { url: corkboard.url, token, dataDir };

  for (const sc of selected) {
    try { await sc.setup?.(seed); } catch (err) { skipped.push(`${sc.name}: setup failed: ${(err as Error).message}`); continue; }
    // One reference request: its bytes are what the baseline replays and what load responses must equal.
    const ref = await fetch(corkboard.url + sc.path, {
      method: sc.method, headers: { authorization: `Bearer ${token}`, ...(sc.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(sc.body === undefined ? {} : { body: JSON.stringify(sc.body) }),
    });
    const body = await ref.text();
    if (ref.status !== sc.status) { skipped.push(`${sc.name}: ${sc.method} ${sc.path} answered ${ref.status}, not ${sc.status}: ${body.slice(0, 200)}`); continue; }
    console.error(`${sc.name}: corkboard...`);
    const cb = await load(corkboard, sc, token, sc.fixedBody ? body : undefined);
    console.error(`${sc.name}: baseline...`);
    const baseline = await startServer('baseline', ['bench/baseline-server.mjs'], {
      ...baseEnv, BASELINE_BODY: body, BASELINE_STATUS: String(ref.status), BASELINE_CONTENT_TYPE: ref.headers.get('content-type') ?? 'application/json',
    }, ROOT);
    const bl = await load(baseline, sc, token, sc.fixedBody ? body : undefined);
    await baseline.stop();
    results.push({ scenario: sc.name, sc, corkboard: cb, baseline: bl, ratio: cb.reqPerSec / bl.reqPerSec });
  }
  await cleanup();
  return { results, skipped };
}

async function main() {
  const only = process.argv.indexOf('--only');
  const wanted = (only >= 0 ? process.argv[only + 1] ?? '' : process.env.BENCH_SCENARIOS)?.split(',').map((s) => s.trim()).filter(Boolean);
  const known = [...scenarios.map((s) => s.name), ...MEDIA_PARTS, WEB_PART];
  const unknown = wanted?.filter((w) => !known.includes(w)) ?? [];
  if (wanted && !wanted.length) throw new Error(`--only takes comma-separated names; known: ${known.map((k) => JSON.stringify(k)).join(', ')}`);
  if (unknown.length) throw new Error(`${only >= 0 ? '--only' : 'BENCH_SCENARIOS'} names ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: ${known.map((k) => JSON.stringify(k)).join(', ')}`);
  const picked = (name: string) => !wanted || wanted.includes(name);
  const buildOk = build();
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];

  const httpScenarios = scenarios.filter((s) => picked(s.name));
  const { results, skipped } = httpScenarios.length ? await runHttp(httpScenarios, prof) : { results: [], skipped: [] };
  if (httpScenarios.length) printTable(results, skipped);

  let media: MediaResults | null = null;
  if (MEDIA_PARTS.some(picked)) {
    media = await runMedia({ root: ROOT, env: baseEnv, nodeArgs: prof, wanted: picked });
    printMedia(media);
  }

  let web: WebResults | null = null;
  if (picked(WEB_PART)) {
    web = await runWeb({ root: ROOT, env: baseEnv, nodeArgs: prof });
    printWeb(web);
  }

  const round = (n: number) => Math.round(n * 100) / 100;
  const rounded = (v: unknown): unknown => (typeof v === 'number' ? round(v) : Array.isArray(v) ? v.map(rounded)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) : v);
  const json = {
    date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, connections: CONNECTIONS, durationSeconds: DURATION,
    warmupSeconds: WARMUP, buildOk, target: TARGET, skipped,
    scenarios: results.map((r) => {
      const { scenario, sc, corkboard: c, baseline: b, ratio } = r;
      const target = targetOf(sc);
      const slowdown = slowdownOf(r, results);
      return {
        name: scenario, ratio: round(ratio), target, pass: target === null ? null : ratio >= target && !c.problems.length && !b.problems.length,
        ...(slowdown ? { slowdown: rounded(slowdown) } : {}),
        ...Object.fromEntries([c, b].map((f) => [f.server, rounded(f)])),
      };
    }),
    ...(media ? { media: rounded(media) } : {}),
    ...(web ? { web: rounded(web) } : {}),
  };
  console.log('\n' + JSON.stringify(json, null, 2));
  // A run whose responses failed the check measured the wrong thing: fail loudly. BELOW is a result, not a failure.
  if (results.some((r) => r.corkboard.problems.length || r.baseline.problems.length)) process.exitCode = 1;
  if (media && (media.skipped.length || media.images?.some((i) => i.problems.length) || media.createPin?.problems.length || media.download?.problems.length)) {
    process.exitCode = 1;
  }
  // No Chromium is a clean skip (printed); a web run that failed or met errors is not.
  if (web?.figures?.problems.length || web?.skipped.some((s) => !s.includes('is missing'))) process.exitCode = 1;
}

main().catch(async (err) => {
  console.error(`bench failed: ${(err as Error).stack ?? err}`);
  await cleanup();
  process.exitCode = 1;
});
