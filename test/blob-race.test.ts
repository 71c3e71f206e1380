// Deleting and creating at once: the file store removes folders a delete leaves empty, which may happen while
// another write is making or filling that folder. Every write must still land, and no request answers 500.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FsBlobStore } from '../src/adapters/blob-store/fs.js';
import { api, ownerAndOther, startServer, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';

describe('blob folder race', () => {
  it('puts into folders that concurrent deletes keep emptying and removing', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'corkboard-race-'));
    const store = new FsBlobStore(root);
    const failures: string[] = [];
    try {
      await Promise.all(Array.from({ length: 16 }, async (_, writer) => {
        for (let i = 0; i < 60; i++) {
          const key = `images/ab/cd/hash${i % 2}/v${writer}.jpg`;
          try {
            await store.put(key, Buffer.from(`${writer}:${i}`));
            assert.ok(await store.stat(key), `${key} landed`);
            await store.delete(key);
          } catch (err) { failures.push((err as Error).message); }
        }
      }));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    assert.deepEqual(failures, []);
  });

  describe('pins', () => {
    let s: TestServer;
    let token: string;
    let board: string;
    before(async () => { s = await startServer('sqlite'); ({ token, board } = await ownerAndOther(s, 'Race')); });
    after(() => s.close());

    it('creating pins of an image while deleting the last pin of it never answers 500', async () => {
      const images = await Promise.all([png(1, 1, 1), png(2, 2, 2), png(3, 3, 3)]);
      const create = (img: Buffer) => api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: b64(img) } });
      const statuses: number[] = [];
      for (let round = 0; round < 5; round++) {
        const first = await Promise.all(images.map(create));
        const answers = await Promise.all([
          ...first.map((p) => api(s.url, 'DELETE', `/v5/pins/${p.data.id}`, { token })),
          ...images.map(create),
        ]);
        statuses.push(...first.map((a) => a.status), ...answers.map((a) => a.status));
        await Promise.all(answers.filter((a) => a.status === 201).map((p) => api(s.url, 'DELETE', `/v5/pins/${p.data.id}`, { token })));
      }
      assert.deepEqual([...new Set(statuses)].sort(), [201, 204]);
    });
  });
});
