// The same pin life cycle with media in S3-compatible storage (a real S3-protocol server, s3rver): the
// blob store is swapped by configuration alone, and /media serves from the bucket.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { api, FIXTURES, forEachDialect, startServer, type TestServer } from './helpers.js';
import { settled, upload, type Registered } from './media-helpers.js';

forEachDialect('pins with S3 storage', (dialect) => {
  let s: TestServer;
  let s3: S3rver;
  let dir: string;
  let token: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-s3rver-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'media', configs: [] }] });
    const { port } = await s3.run();
    s = await startServer(dialect, {
      CORKBOARD_S3_BUCKET: 'media', CORKBOARD_S3_ENDPOINT: `http://127.0.0.1:${port}`, CORKBOARD_S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER',
    });
    const u = await s.user();
    token = (await s.token(u.username, (await s.app_(u.username)).client_id)).access_token;
  });
  after(async () => { await s.close(); await s3.close(); rmSync(dir, { recursive: true, force: true }); });

  it('stores variants in the bucket, serves them with ranges, and reclaims them on delete', async () => {
    assert.match(s.ctx.blobs.describe(), /^s3:\/\/media/);
    const board = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'In the bucket' } })).data;
    const jpg = readFileSync(path.join(FIXTURES, 'sample-1600x1200.jpg'));
    const pin = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board.id, media_source: { source_type: 'image_base64', content_type: 'image/jpeg', data: jpg.toString('base64') } } });
    assert.equal(pin.status, 201, JSON.stringify(pin.data));
    const url = pin.data.media.images['600x'].url as string;
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    assert.deepEqual([(await sharp(whole).metadata()).width, (await sharp(whole).metadata()).height], [600, 450]);
    const part = await fetch(url, { headers: { range: 'bytes=0-99' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 0-99/${whole.length}`);
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), whole.subarray(0, 100));
    const key = new URL(url).pathname.replace(/^\/media\//, '');
    assert.ok(await s.ctx.blobs.stat(key), 'the object is in the bucket');
    assert.equal((await api(s.url, 'DELETE', `/v5/pins/${pin.data.id}`, { token })).status, 204);
    assert.equal(await s.ctx.blobs.stat(key), null);
    assert.equal((await fetch(url)).status, 404);
  });

  it('video uploads go straight to the bucket with a presigned POST, then process', async () => {
    const reg = (await api(s.url, 'POST', '/v5/media', { token, json: { media_type: 'video' } })).data as Registered;
    assert.ok(!reg.upload_url.startsWith(s.url), `upload_url ${reg.upload_url} is the bucket, not Corkboard`);
    const res = await upload(reg, readFileSync(path.join(FIXTURES, 'sample-2s-320x240.mp4')));
    assert.ok(res.status >= 200 && res.status < 300, `${res.status} ${res.text}`);
    assert.equal((await settled(s.url, token, reg.media_id)).status, 'succeeded');
  });
});
