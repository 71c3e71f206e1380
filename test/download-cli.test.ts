// `corkboard download` against a host that speaks Pinterest's web resource protocol (test/fake-pinterest.ts):
// a hostile host cannot make it write outside -o or print raw terminal escapes; a re-run skips by pin and media,
// never by name alone; templates and sidecars; and a refused private address names the setting that allows it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { REPO_ROOT } from './helpers.js';
import { startFakePinterest, type FakePinterest, type Json } from './fake-pinterest.js';

const BIN = path.join(REPO_ROOT, 'bin', 'corkboard.js');
/** Raw control characters but newline: what a terminal would act on. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function cli(args: string[], env: NodeJS.ProcessEnv = { CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' }): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CORKBOARD_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...clean, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

let fake: FakePinterest;
let bytes: Buffer[];
/** A pin whose one image is media/<name>, `n` picking distinct bytes. */
const imagePin = (id: string, name: string, n: number, extra: Json = {}): Json => {
  fake.media.set(name, bytes[n % bytes.length]!);
  return { id, type: 'pin', title: `Pin ${id}`, images: { orig: { url: `${fake.url}/m/${name}`, width: 10 + n, height: 10 } }, ...extra };
};

before(async () => {
  fake = await startFakePinterest();
  bytes = await Promise.all(Array.from({ length: 12 }, (_, i) =>
    sharp({ create: { width: 10 + i, height: 10, channels: 3, background: { r: 20 * i, g: 100, b: 200 - 10 * i } } }).png().toBuffer()));
});
after(() => fake.close());

describe('corkboard download from a hostile host', () => {
  let root: string;
  before(() => { root = mkdtempSync(path.join(os.tmpdir(), 'corkboard-hostile-')); });
  after(() => rmSync(root, { recursive: true, force: true }));

  const ESC = '\u001b[31m';
  const TITLE = '\u001b]0;owned\u0007';

  it('a pin whose id is ../../x: every file stays inside -o', async () => {
    fake.pins.set('1001', imagePin('../../x', 'x.png', 0, { title: `../../${ESC}t/..\u0000` }));
    const out = path.join(root, 'a', 'b', 'out');
    mkdirSync(out, { recursive: true });
    const r = await cli(['download', `${fake.url}/pin/1001/`, '-o', out, '--name', '{pin_id}/{title}_{n}', '--zip']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(tree(root).filter((f) => !f.startsWith(path.join('a', 'b', 'out') + path.sep)), [], `written outside -o: ${tree(root).join(', ')}`);
    assert.ok(tree(out).length >= 3, tree(out).join(', ')); // the image, its sidecar, the manifest and the zip
    assert.doesNotMatch(r.stdout + r.stderr, RAW_CONTROL);
  });

  it('a board of hostile names: ids, titles, sections and the board name become safe segments', async () => {
    fake.boards.set('eve/evil', {
      board: { id: 'B9', name: `../../${TITLE}evil`, description: ESC },
      pins: [imagePin('..', 'dots.png', 1, { title: '/etc/passwd' }), imagePin(`${ESC}/../y`, 'y.png', 2, { title: '..' })],
      sections: [{ section: { id: 'S9', slug: 'up', title: `../..${TITLE}` }, pins: [imagePin('/abs', 'abs.png', 3, { title: 'nul\u0000name' })] }],
    });
    const out = path.join(root, 'c', 'out');
    mkdirSync(out, { recursive: true });
    for (const name of ['{board}/{section}/{title}', '{pin_id}', '../{title}/../../{pin_id}']) {
      const r = await cli(['download', `${fake.url}/eve/evil/`, '-o', out, '--name', name, '--zip']);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, RAW_CONTROL, name);
      assert.equal(JSON.parse(r.stdout).files, 3);
    }
    assert.deepEqual(tree(root).filter((f) => !f.startsWith(`a${path.sep}`) && !f.startsWith(path.join('c', 'out') + path.sep)), []);
    for (const f of tree(out)) assert.match(f, /^[A-Za-z0-9._\-/]+$/, f);
  });

  it('sidecars and the zip never land on files -o already holds, nor on each other', async () => {
    // A pin "package" would write package.json; a board "backup" backup.zip; ids a/b and a-b one a-b.json.
    fake.pins.set('1002', imagePin('package', 'package.png', 4));
    fake.boards.set('eve/backup', { board: { id: 'B10', name: 'backup' }, pins: [imagePin('a/b', 'ab1.png', 5), imagePin('a-b', 'ab2.png', 6)], sections: [] });
    const out = mkdtempSync(path.join(root, 'mine-'));
    writeFileSync(path.join(out, 'package.json'), 'mine');
    writeFileSync(path.join(out, 'backup.zip'), 'mine too');
    for (let run = 0; run < 2; run++) { // a re-run rewrites what the first made, and still nothing else
      assert.equal((await cli(['download', `${fake.url}/pin/1002/`, '-o', out])).code, 0);
      const board = await cli(['download', `${fake.url}/eve/backup/`, '-o', out, '--zip']);
      assert.equal(board.code, 0, board.stderr);
      assert.equal(readFileSync(path.join(out, 'package.json'), 'utf8'), 'mine');
      assert.equal(readFileSync(path.join(out, 'backup.zip'), 'utf8'), 'mine too');
      assert.equal(JSON.parse(board.stdout).zip, path.join(out, 'backup-2.zip'));
      const sidecars = tree(path.join(out, 'backup')).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
      assert.deepEqual(sidecars.map((f) => JSON.parse(readFileSync(path.join(out, 'backup', f), 'utf8')).id).sort(), ['a-b', 'a/b']);
      assert.equal(JSON.parse(readFileSync(path.join(out, 'package-2.json'), 'utf8')).id, 'package');
    }
    assert.deepEqual(tree(out).filter((f) => !f.startsWith(`backup${path.sep}`)).sort(),
      ['.corkboard-download.json', 'backup-2.zip', 'backup.zip', 'package-2.json', 'package.json', 'package_1.png']);
  });

  it('an upstream error message with escapes is printed escaped', async () => {
    fake.boards.set('eve/gone', `${ESC}gone${TITLE}\r\nforged line`);
    const r = await cli(['download', `${fake.url}/eve/gone/`, '-o', root]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /gone/);
    assert.doesNotMatch(r.stdout + r.stderr, RAW_CONTROL);
    assert.equal(r.stderr.trim().split('\n').length, 2, r.stderr); // "resolving ..." and the error, no forged line
  });
});

describe('corkboard download: re-runs, templates and sidecars', () => {
  let root: string;
  before(() => { root = mkdtempSync(path.join(os.tmpdir(), 'corkboard-dl-')); });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** Every sidecar under `dir` says which files hold its pin's media: each must hold exactly those bytes. */
  function assertSidecarsTrue(dir: string, expected: Map<string, Buffer>) {
    const sidecars = tree(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
    assert.equal(sidecars.length, expected.size);
    for (const s of sidecars) {
      const meta = JSON.parse(readFileSync(path.join(dir, s), 'utf8'));
      for (const f of meta.files) assert.ok(readFileSync(path.join(dir, f.filename)).equals(expected.get(meta.id)!), `${f.filename} is not pin ${meta.id}'s image`);
    }
  }

  it('--name {board}: after one new pin, a re-run fetches only it and every sidecar points at its own pin\'s image', async () => {
    const pins = Array.from({ length: 7 }, (_, i) => imagePin(String(2000 + i), `k${i}.png`, i));
    fake.boards.set('kim/kitchen', { board: { id: 'BK', name: 'Kitchen' }, pins, sections: [] });
    const url = `${fake.url}/kim/kitchen/`;
    const first = JSON.parse((await cli(['download', url, '-o', root, '--name', '{board}'])).stdout);
    assert.equal(first.files, 7);
    pins.unshift(imagePin('2007', 'k7.png', 7)); // newest first, as boards list
    const again = await cli(['download', url, '-o', root, '--name', '{board}']);
    assert.equal(again.code, 0, again.stderr);
    const second = JSON.parse(again.stdout);
    assert.deepEqual([second.files, second.skipped], [8, 7]);
    const expected = new Map(pins.map((p, i) => [p.id as string, bytes[i === 0 ? 7 : i - 1]!])); // the new pin's, then the first run's
    assertSidecarsTrue(second.dir, expected);
    assert.equal(tree(second.dir).filter((f) => f.endsWith('.png')).length, 8);
  });

  it('a file that is not in the manifest is never overwritten nor taken for the pin\'s', async () => {
    fake.boards.set('kim/other', { board: { id: 'BO', name: 'Other' }, pins: [imagePin('3000', 'o.png', 9)], sections: [] });
    const dir = path.join(root, 'Other');
    mkdirSync(dir, { recursive: true });
    const mine = Buffer.from('my own notes');
    writeFileSync(path.join(dir, '3000_1.png'), mine);
    const r = JSON.parse((await cli(['download', `${fake.url}/kim/other/`, '-o', root])).stdout);
    assert.equal(r.skipped, 0);
    assert.ok(readFileSync(path.join(dir, '3000_1.png')).equals(mine));
    assertSidecarsTrue(dir, new Map([['3000', bytes[9]!]]));
  });

  it('{board} in a section download is the board, {section} the section', async () => {
    fake.boards.set('kim/garden', {
      board: { id: 'BG', name: 'Garden' }, pins: [],
      sections: [{ section: { id: 'SG', slug: 'roses', title: 'Roses' }, pins: [imagePin('4000', 'r.png', 4)] }],
    });
    const r = await cli(['download', `${fake.url}/kim/garden/roses/`, '-o', root, '--name', '{board}-{section}-{n}']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(tree(JSON.parse(r.stdout).dir).includes('Garden-Roses-1.png'), tree(JSON.parse(r.stdout).dir).join(', '));
  });

  it('an unknown {placeholder} is an error naming it, before anything is fetched', async () => {
    const hits = fake.hits;
    const r = await cli(['download', `${fake.url}/kim/garden/`, '-o', root, '--name', '{pin_id}_{colour}']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /\{colour\}/);
    assert.equal(fake.hits, hits);
  });

  it('a sidecar carries what a backup needs', async () => {
    fake.media.set('c1.png', bytes[5]!);
    fake.media.set('c2.png', bytes[6]!);
    const slot = (name: string, i: number) => ({ id: `s${i}`, title: `Slot ${i}`, description: `About ${i}`, link: `https://example.com/${i}`, images: { orig: { url: `${fake.url}/m/${name}`, width: 15 + i, height: 10 } } });
    fake.boards.set('kim/full', {
      board: { id: 'BF', name: 'Full', url: '/kim/full/' }, pins: [],
      sections: [{ section: { id: 'SF', slug: 'one', title: 'One' }, pins: [{
        id: '5000', type: 'pin', title: 'Carousel', description: 'Two images', link: 'https://example.com/c', alt_text: 'two squares',
        dominant_color: '#123456', created_at: 'Thu, 01 Jan 2026 10:00:00 +0000', board: { id: 'BF', name: 'Full', url: '/kim/full/' },
        pinner: { id: 'U1', username: 'kim', full_name: 'Kim K' }, images: { orig: { url: `${fake.url}/m/c1.png`, width: 15, height: 10 } },
        carousel_data: { carousel_slots: [slot('c1.png', 0), slot('c2.png', 1)] },
      }] }],
    });
    const r = JSON.parse((await cli(['download', `${fake.url}/kim/full/`, '-o', root])).stdout);
    const meta = JSON.parse(readFileSync(path.join(r.dir, '5000.json'), 'utf8'));
    assert.deepEqual({ ...meta, files: undefined }, {
      id: '5000', title: 'Carousel', description: 'Two images', link: 'https://example.com/c', alt_text: 'two squares', dominant_color: '#123456',
      created_at: '2026-01-01T10:00:00.000Z', board: { id: 'BF', name: 'Full', url: '/kim/full/' }, section: 'One',
      pinner: { id: 'U1', username: 'kim', full_name: 'Kim K' }, files: undefined,
    });
    assert.deepEqual(meta.files, [0, 1].map((i) => ({
      filename: `5000_${i + 1}.png`, type: 'image', width: 15 + i, height: 10, size: bytes[5 + i]!.length, source_url: `${fake.url}/m/c${i + 1}.png`,
      title: `Slot ${i}`, description: `About ${i}`, link: `https://example.com/${i}`,
    })));
  });

  it('a refused private address says which setting allows it', async () => {
    const r = await cli(['download', `${fake.url}/kim/full/`, '-o', root], {});
    assert.equal(r.code, 2);
    assert.match(r.stderr, /private network.*CORKBOARD_ALLOW_PRIVATE_NETWORKS=true/);
  });

  it('-o naming a file is a clear error', async () => {
    const r = await cli(['download', `${fake.url}/kim/full/`, '-o', BIN]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a directory/);
  });
});
