// A second Corkboard process seeded with a board worth downloading: sections, many image pins (so paging
// matters), a carousel and a video. Tests and benchmarks use it as the downloader's upstream.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { slugify } from '../src/lib/slug.js';
import { api, FIXTURES, REPO_ROOT } from './helpers.js';
import { settled, upload } from './media-helpers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'corkboard.js');

export interface Upstream {
  url: string;
  username: string;
  token: string;
  board: { id: string; slug: string; sectionSlugs: string[] };
  /** Media files behind the board: one per image pin, two for the carousel, one for the video. */
  expectedFiles: number;
  pinIds: { carousel: string; video: string; first: string };
  close(): Promise<void>;
}

export async function startUpstream(imagePins: number, env: NodeJS.ProcessEnv = {}): Promise<Upstream> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-upstream-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CORKBOARD_DATA_DIR: dir, CORKBOARD_LOG_LEVEL: 'warn', CORKBOARD_RATE_LIMIT_ORG_WRITE: '100000', CORKBOARD_RATE_LIMIT_ORG_READ: '100000', ...env };
  delete childEnv.CORKBOARD_DATABASE_URL;
  const cli = (...args: string[]) => JSON.parse(execFileSync(process.execPath, [BIN, ...args], { env: childEnv }).toString());
  const username = 'upstream_ursula';
  cli('user', 'create', username, '--password', 'correct horse battery');
  const app = cli('app', 'create', '--owner', username, '--name', 'Seeder', '--redirect-uri', 'http://localhost:8085/');
  const { access_token: token } = cli('token', '--user', username, '--client-id', app.client_id);
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => { out += c; const m = /listening on (http:\/\/\S+)/.exec(out); if (m) resolve(m[1]!); });
    child.on('exit', (code) => reject(new Error(`upstream exited ${code}`)));
  });
  const close = async () => {
    if (child.exitCode === null) { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const post = async (p: string, json: unknown) => {
      const res = await api(url, 'POST', p, { token, json });
      if (res.status !== 201) throw new Error(`${p}: ${res.status} ${JSON.stringify(res.data)}`);
      return res.data;
    };
    const board = await post('/v5/boards', { name: 'Kitchen Notes', description: 'for the downloader' });
    const soups = await post(`/v5/boards/${board.id}/sections`, { name: 'Soups' });
    const salads = await post(`/v5/boards/${board.id}/sections`, { name: 'Salads' });
    // A few distinct images of distinct sizes; pins reuse them (stored once upstream, downloaded per pin).
    const images = await Promise.all([[640, 480, '#c0392b'], [480, 720, '#27ae60'], [1024, 512, '#2980b9']].map(async ([w, h, bg]) =>
      (await sharp({ create: { width: w as number, height: h as number, channels: 3, background: bg as string } }).jpeg({ quality: 80 }).toBuffer()).toString('base64')));
    let first = '';
    for (let i = 0; i < imagePins; i++) {
      const section = i % 10 === 1 ? soups.id : i % 10 === 2 ? salads.id : null;
      const pin = await post('/v5/pins', { board_id: board.id, board_section_id: section, title: `Recipe ${i + 1}`, link: `https://example.com/r/${i + 1}`, media_source: { source_type: 'image_base64', content_type: 'image/jpeg', data: images[i % images.length] } });
      first ||= pin.id;
    }
    const png = readFileSync(path.join(FIXTURES, 'sample-900x1350.png')).toString('base64');
    const carousel = await post('/v5/pins', { board_id: board.id, title: 'Carousel', media_source: { source_type: 'multiple_image_base64', items: [{ content_type: 'image/png', data: png, title: 'one' }, { content_type: 'image/jpeg', data: images[0], title: 'two' }] } });
    const reg = (await api(url, 'POST', '/v5/media', { token, json: { media_type: 'video' } })).data;
    await upload(reg, readFileSync(path.join(FIXTURES, 'sample-2s-320x240.mp4')));
    if ((await settled(url, token, reg.media_id)).status !== 'succeeded') throw new Error('upstream video did not process');
    const video = await post('/v5/pins', { board_id: board.id, board_section_id: soups.id, title: 'Video', media_source: { source_type: 'video_id', media_id: reg.media_id } });
    return {
      url, username, token,
      board: { id: board.id, slug: slugify(board.name, 'board'), sectionSlugs: [slugify(soups.name, 'section'), slugify(salads.name, 'section')] },
      expectedFiles: imagePins + 2 + 1,
      pinIds: { carousel: carousel.id, video: video.id, first },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
