// A server killed in the middle of processing a video: the job is in the database, so the next process picks it
// up once the dead worker's lease runs out, and the media still reaches succeeded.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { videoTools } from '../src/adapters/media/video.js';
import { api, FIXTURES, forEachDialect, freshDatabase, REPO_ROOT, type TestDatabase } from './helpers.js';
import { settled, upload } from './media-helpers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'corkboard.js');

function cli(env: NodeJS.ProcessEnv, ...args: string[]): any {
  return JSON.parse(execFileSync(process.execPath, [BIN, ...args], { env }).toString());
}

/** Starts `corkboard serve` in its own process group; resolves with its URL once it listens. */
function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

forEachDialect('video processing survives a killed server', (dialect) => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let marker: string;
  const children: ChildProcess[] = [];

  before(async () => {
    db = await freshDatabase(dialect);
    const dir = db.env.CORKBOARD_DATA_DIR!;
    marker = path.join(dir, 'ffmpeg-stalled');
    // An ffmpeg that hangs the first time it is run (as a long transcode would) and works afterwards.
    const wrapper = path.join(dir, 'ffmpeg');
    writeFileSync(wrapper, `#!/bin/sh\nif [ ! -e '${marker}' ]; then touch '${marker}'; exec sleep 600; fi\nexec '${videoTools({ ffmpegPath: null, ffprobePath: null }).ffmpeg}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    env = { ...process.env, ...db.env, CORKBOARD_LOG_LEVEL: 'warn', CORKBOARD_FFMPEG_PATH: wrapper, CORKBOARD_JOB_LEASE_SECONDS: '2' };
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null) try { process.kill(-c.pid!, 'SIGKILL'); } catch { /* gone */ }
    await db.drop();
  });

  it('resumes the job after a restart and completes it', async () => {
    cli(env, 'user', 'create', 'vera', '--password', 'correct horse battery');
    const app = cli(env, 'app', 'create', '--owner', 'vera', '--name', 'Uploader', '--redirect-uri', 'http://localhost:8085/');
    const { access_token: token } = cli(env, 'token', '--user', 'vera', '--client-id', app.client_id);

    const first = await serve(env);
    children.push(first.child);
    const reg = (await api(first.url, 'POST', '/v5/media', { token, json: { media_type: 'video' } })).data;
    assert.equal((await upload(reg, readFileSync(path.join(FIXTURES, 'sample-2s-320x240.mp4')))).status, 204);
    for (let i = 0; i < 100 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(existsSync(marker), 'processing reached ffmpeg');
    assert.equal((await api(first.url, 'GET', `/v5/media/${reg.media_id}`, { token })).data.status, 'processing');
    process.kill(-first.child.pid!, 'SIGKILL'); // the server and its stalled ffmpeg, mid-job
    await new Promise((r) => first.child.once('exit', r));

    const second = await serve(env);
    children.push(second.child);
    const done = await settled(second.url, token, reg.media_id);
    assert.equal(done.status, 'succeeded', JSON.stringify(done));
    process.kill(-second.child.pid!, 'SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
