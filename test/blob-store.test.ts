// One suite for every blob store: files on disk, and S3 spoken to a real S3-protocol server (s3rver).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import type { BlobStore } from '../src/adapters/blob-store/blob-store.js';
import { FsBlobStore } from '../src/adapters/blob-store/fs.js';
import { S3BlobStore } from '../src/adapters/blob-store/s3.js';

async function read(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function blobStoreSuite(name: string, make: () => Promise<{ store: BlobStore; close(): Promise<void> }>) {
  describe(`blob store: ${name}`, () => {
    let store: BlobStore;
    let close: () => Promise<void>;
    before(async () => ({ store, close } = await make()));
    after(() => close());

    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

    it('puts, stats and gets an object', async () => {
      await store.put('images/ab/cd/abcd/originals.jpg', data, 'image/jpeg');
      assert.deepEqual(await store.stat('images/ab/cd/abcd/originals.jpg'), { size: 1000, contentType: 'image/jpeg' });
      const obj = await store.get('images/ab/cd/abcd/originals.jpg');
      assert.ok(obj);
      assert.equal(obj.size, 1000);
      assert.deepEqual(await read(obj.body), data);
    });

    it('reads a byte range, reporting the whole size', async () => {
      const obj = await store.get('images/ab/cd/abcd/originals.jpg', { start: 10, end: 19 });
      assert.ok(obj);
      assert.equal(obj.size, 1000);
      assert.deepEqual(await read(obj.body), data.subarray(10, 20));
    });

    it('answers null for a missing key and for keys that could escape', async () => {
      assert.equal(await store.stat('images/nope.jpg'), null);
      assert.equal(await store.get('images/nope.jpg'), null);
      for (const bad of ['../etc/passwd', 'a//b', '/abs', 'a/../b', '']) assert.equal(await store.stat(bad), null, bad);
      await assert.rejects(store.put('../escape.jpg', data, 'image/jpeg'));
    });

    it('stores a local file', async () => {
      const file = path.join(os.tmpdir(), `corkboard-blob-${process.pid}.bin`);
      writeFileSync(file, data);
      await store.putFile('videos/2/v.mp4', file, 'video/mp4');
      rmSync(file);
      const obj = await store.get('videos/2/v.mp4');
      assert.deepEqual(await read(obj!.body), data);
      await store.delete('videos/2/v.mp4');
    });

    it('deletes, and deleting twice is fine', async () => {
      await store.put('videos/1/v.mp4', data, 'video/mp4');
      await store.delete('videos/1/v.mp4');
      await store.delete('videos/1/v.mp4');
      assert.equal(await store.stat('videos/1/v.mp4'), null);
    });
  });
}

blobStoreSuite('fs', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'corkboard-blobs-'));
  return {
    store: new FsBlobStore(root),
    async close() {
      // deletes leave no empty folders behind
      await new FsBlobStore(root).delete('images/ab/cd/abcd/originals.jpg');
      assert.deepEqual(readdirSync(root), []);
      rmSync(root, { recursive: true, force: true });
    },
  };
});

blobStoreSuite('s3 (s3rver)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'corkboard', configs: [] }] });
  const { port } = await server.run();
  return {
    store: new S3BlobStore({ bucket: 'corkboard', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', prefix: 'test/', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }),
    async close() { await server.close(); rmSync(dir, { recursive: true, force: true }); },
  };
});
