// Child-process plumbing for the bench: start a server and learn its URL, stop it, and watch its RSS and CPU.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

const RATE_CATEGORIES = ['org_read', 'org_write', 'org_analytics', 'ads_read', 'ads_write', 'ads_analytics', 'default'];

/** The real CLI (`node bin/corkboard.js ARGS --data DIR`); commands that create something answer one JSON object. */
export function cli(root: string, env: NodeJS.ProcessEnv, dataDir: string, ...args: string[]): Record<string, string> {
  const out = execFileSync(process.execPath, ['bin/corkboard.js', ...args, '--data', dataDir], { cwd: root, env, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, string>;
}

export async function waitForRoot(url: string) {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url + '/')).status === 200) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`GET ${url}/ never answered 200`);
}

/**
 * A Corkboard serving `dataDir` (embedded SQLite, files), with user `bench`, an app and an all-scopes token made
 * through the CLI first. Every per-user/app limit is raised far beyond what a run sends, so load measures work,
 * not 429s. `env` must hold no CORKBOARD_* settings of the caller's shell.
 */
export async function startCorkboard(name: string, root: string, dataDir: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<{ server: Server; token: string }> {
  cli(root, env, dataDir, 'user', 'create', 'bench', '--password', 'bench-password-1');
  const { client_id } = cli(root, env, dataDir, 'app', 'create', '--owner', 'bench', '--name', 'bench', '--redirect-uri', 'http://127.0.0.1/callback');
  const { access_token: token } = cli(root, env, dataDir, 'token', '--user', 'bench', '--client-id', client_id!, '--scopes', 'all');
  const serverEnv: NodeJS.ProcessEnv = { ...env, CORKBOARD_LOG_LEVEL: 'warn' };
  for (const cat of RATE_CATEGORIES) serverEnv[`CORKBOARD_RATE_LIMIT_${cat.toUpperCase()}`] = '1000000000';
  const server = await startServer(name, [...nodeArgs, 'bin/corkboard.js', 'serve', '--port', '0', '--data', dataDir], serverEnv, root);
  await waitForRoot(server.url);
  return { server, token: token! };
}

export interface Server { name: string; url: string; child: ChildProcess; stop(): Promise<void> }

const live = new Set<Server>();

/** Starts `node ARGS` and resolves once it prints `listening on http://...` (both servers use --port 0/listen(0), so no port races). */
export function startServer(name: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err = (err + d).slice(-4000); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start in 30 s`)), 30_000);
    const fail = (e: Error) => { clearTimeout(timer); child.kill('SIGKILL'); reject(new Error(`${e.message}\n${err}`)); };
    child.once('exit', (code) => fail(new Error(`${name} exited with ${code} before listening`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+:\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume(); // keep draining so a chatty server never blocks on a full pipe
      const server: Server = { name, url: m[1]!, child, stop: () => stop(server) };
      live.add(server);
      resolve(server);
    });
  });
}

/** SIGTERM (both servers shut down gracefully), SIGKILL after 5 s. */
function stop(server: Server): Promise<void> {
  live.delete(server);
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(force); resolve(); });
    child.kill('SIGTERM');
  });
}

export const stopAll = () => Promise.all([...live].map((s) => s.stop()));

const CLK_TCK = (() => { try { return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100; } catch { return 100; } })();

/** utime+stime of a process in seconds, from /proc/PID/stat (fields 14 and 15, after the parenthesised name). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

/** Busy CPU seconds of the whole machine (all cores), from the first line of /proc/stat. */
function machineBusySeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLK_TCK;
}

/**
 * Polls VmRSS every 100 ms (VmHWM would include earlier runs on the same process); stop() gives the peak,
 * the process's CPU seconds, and the whole machine's, so other load on a shared box shows up in the output.
 */
export function watch(pid: number) {
  const cpu0 = cpuSeconds(pid);
  const machine0 = machineBusySeconds();
  const t0 = performance.now();
  let peakKb = rssKb(pid);
  const timer = setInterval(() => { try { peakKb = Math.max(peakKb, rssKb(pid)); } catch { /* exited */ } }, 100);
  return {
    stop() {
      clearInterval(timer);
      peakKb = Math.max(peakKb, rssKb(pid));
      return { peakRssMb: peakKb / 1024, cpuSeconds: cpuSeconds(pid) - cpu0, machineSeconds: machineBusySeconds() - machine0, wallSeconds: (performance.now() - t0) / 1000 };
    },
  };
}
