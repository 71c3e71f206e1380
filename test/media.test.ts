// Video media end to end: register, upload with the signed form, processing to succeeded or failed, video pins,
// ranges on the served file, and every way the upload endpoint refuses a form, as S3 would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { videoTools } from '../src/adapters/media/video.js';
import { api, FIXTURES, forEachDialect, ownerAndOther, startServer, type TestServer } from './helpers.js';
import { settled, upload, type Registered } from './media-helpers.js';

// Async only: the server under test runs in this process, so a blocking child would deadlock against it.
const run = promisify(execFile);
const MP4 = readFileSync(path.join(FIXTURES, 'sample-2s-320x240.mp4'));
const PNG = readFileSync(path.join(FIXTURES, 'sample-900x1350.png'));

forEachDialect('video media', (dialect) => {
  let s: TestServer;
  let token: string;
  let otherToken: string;
  let board: string;
  const register = async (t = token) => (await api(s.url, 'POST', '/v5/media', { token: t, json: { media_type: 'video' } })).data as Registered;

  before(async () => {
    s = await startServer(dialect);
    ({ token, otherToken, board } = await ownerAndOther(s, 'Videos'));
  });
  after(() => s.close());

  describe('the happy path', () => {
    let mediaId: string;
    it('registers, uploads and processes a video to succeeded', async () => {
      const reg = await register();
      assert.match(reg.media_id, /^\d+$/);
      assert.equal(reg.upload_url, `${s.url}/uploads/`);
      for (const f of ['key', 'policy', 'x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature', 'Content-Type']) assert.ok(reg.upload_parameters[f], f);
      assert.equal((await api(s.url, 'GET', `/v5/media/${reg.media_id}`, { token })).data.status, 'registered');
      assert.equal((await upload(reg, MP4)).status, 204);
      const done = await settled(s.url, token, reg.media_id);
      assert.equal(done.status, 'succeeded', JSON.stringify(done));
      mediaId = reg.media_id;
      // the upload is accepted once only
      const again = await upload(reg, MP4);
      assert.equal(again.status, 403);
      assert.match(again.text, /<Code>AccessDenied<\/Code>/);
    });

    it('media are private to their owner and listed newest first', async () => {
      assert.equal((await api(s.url, 'GET', `/v5/media/${mediaId}`, { token: otherToken })).status, 404);
      const list = await api(s.url, 'GET', '/v5/media?page_size=1', { token });
      assert.equal(list.status, 200);
      assert.equal(list.data.items.length, 1);
      assert.ok(list.data.items[0].media_id);
      assert.equal((await api(s.url, 'GET', '/v5/media', { token: otherToken })).data.items.length, 0);
    });

    it('a video_id pin carries duration, size, cover and a seekable video', async () => {
      const pin = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, title: 'Clip', media_source: { source_type: 'video_id', media_id: mediaId, cover_image_key_frame_time: 1 } } });
      assert.equal(pin.status, 201, JSON.stringify(pin.data));
      const m = pin.data.media;
      assert.equal(m.media_type, 'video');
      assert.equal(pin.data.creative_type, 'VIDEO');
      assert.ok(Math.abs(m.duration - 2000) < 100, String(m.duration));
      assert.deepEqual([m.width, m.height], [320, 240]);
      assert.match(m.cover_image_url, /\/originals\.jpg$/); // a frame is a JPEG cover, as Pinterest's are
      const cover = Buffer.from(await (await fetch(m.cover_image_url)).arrayBuffer());
      assert.deepEqual([(await sharp(cover).metadata()).width, (await sharp(cover).metadata()).height], [320, 240]);
      assert.deepEqual([m.images['150x150'].width, m.images['150x150'].height], [150, 150]);

      const head = await fetch(m.video_url, { method: 'HEAD' });
      assert.equal(head.headers.get('content-type'), 'video/mp4');
      const size = Number(head.headers.get('content-length'));
      const part = await fetch(m.video_url, { headers: { range: 'bytes=100-199' } });
      assert.equal(part.status, 206);
      assert.equal(part.headers.get('content-range'), `bytes 100-199/${size}`);
      const whole = Buffer.from(await (await fetch(m.video_url)).arrayBuffer());
      assert.equal(whole.length, size);
      assert.deepEqual(Buffer.from(await part.arrayBuffer()), whole.subarray(100, 200));
      assert.equal((await fetch(m.video_url, { headers: { range: `bytes=${size}-` } })).status, 416);
      const listed = await api(s.url, 'GET', `/v5/boards/${board}/pins?creative_types=VIDEO`, { token });
      assert.deepEqual(listed.data.items.map((p: any) => p.id), [pin.data.id]);
    });

    it('a video pin takes a cover image as data, and refuses two covers or someone else\'s media', async () => {
      const withData = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'video_id', media_id: mediaId, cover_image_content_type: 'image/png', cover_image_data: PNG.toString('base64') } } });
      assert.equal(withData.status, 201, JSON.stringify(withData.data));
      assert.deepEqual([withData.data.media.images.originals.width, withData.data.media.images.originals.height], [900, 1350]);
      const two = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'video_id', media_id: mediaId, cover_image_key_frame_time: 0, cover_image_url: 'http://example.com/x.jpg' } } });
      assert.equal(two.status, 400);
      const otherBoard = (await api(s.url, 'POST', '/v5/boards', { token: otherToken, json: { name: 'Theirs' } })).data.id;
      const theirs = await api(s.url, 'POST', '/v5/pins', { token: otherToken, json: { board_id: otherBoard, media_source: { source_type: 'video_id', media_id: mediaId } } });
      assert.equal(theirs.status, 400);
      assert.match(theirs.data.message, /media_id/);
    });

    it('a pin cannot use media that has not been uploaded yet', async () => {
      const reg = await register();
      const res = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'video_id', media_id: reg.media_id } } });
      assert.equal(res.status, 400);
      assert.match(res.data.message, /registered/);
    });
  });

  describe('processing', () => {
    it('a file that is not a video ends failed, with the reason', async () => {
      const reg = await register();
      assert.equal((await upload(reg, PNG)).status, 204);
      const done = await settled(s.url, token, reg.media_id);
      assert.equal(done.status, 'failed');
      assert.match(done.failure_reason, /not a video/);
    });

    it('a source that is not servable as is gets transcoded to H.264 at most 720p', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-transcode-'));
      try {
        const big = path.join(dir, 'big.mkv');
        const tools = videoTools({ ffmpegPath: null, ffprobePath: null });
        await run(tools.ffmpeg, ['-v', 'error', '-i', path.join(FIXTURES, 'sample-2s-320x240.mp4'), '-vf', 'scale=1280:960', '-c:v', 'mpeg4', '-q:v', '10', big]);
        const reg = await register();
        assert.equal((await upload(reg, readFileSync(big))).status, 204);
        assert.equal((await settled(s.url, token, reg.media_id)).status, 'succeeded');
        const pin = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'video_id', media_id: reg.media_id } } });
        assert.deepEqual([pin.data.media.width, pin.data.media.height], [960, 720]);
        const served = path.join(dir, 'served.mp4');
        await run(tools.ffmpeg, ['-v', 'error', '-i', pin.data.media.video_url, '-c', 'copy', served]);
        const probe = JSON.parse((await run(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_streams', served])).stdout);
        assert.equal(probe.streams[0].codec_name, 'h264');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('the upload endpoint enforces the policy', () => {
    const xmlCode = (text: string) => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    /** A genuinely signed form with other terms than the server grants (to reach the expiry and size checks). */
    const signed = (key: string, maxBytes: number, expires: Date) => {
      const g = s.ctx.media.localUploads.grant(key, 'video/mp4', maxBytes, expires);
      return { upload_url: g.url, upload_parameters: g.fields };
    };

    it('refuses a bad signature', async () => {
      const reg = await register();
      const res = await upload(reg, MP4, { 'x-amz-signature': '0'.repeat(64) });
      assert.equal(res.status, 403);
      assert.equal(xmlCode(res.text), 'SignatureDoesNotMatch');
      assert.equal((await api(s.url, 'GET', `/v5/media/${reg.media_id}`, { token })).data.status, 'registered');
    });

    it('refuses an expired policy', async () => {
      const reg = await register();
      const expired = signed(reg.upload_parameters.key!, 1 << 30, new Date(Date.now() - 1000));
      const res = await upload(expired, MP4);
      assert.equal(res.status, 403);
      assert.match(res.text, /Policy expired/);
    });

    it('refuses a key other than the one signed', async () => {
      const reg = await register();
      const other = await register();
      const res = await upload(reg, MP4, { key: other.upload_parameters.key! });
      assert.equal(res.status, 403);
      assert.match(res.text, /Policy Condition failed/);
      assert.equal((await api(s.url, 'GET', `/v5/media/${other.media_id}`, { token })).data.status, 'registered');
    });

    it('refuses a file over the signed size, keeping nothing', async () => {
      const reg = await register();
      const small = signed(reg.upload_parameters.key!, 1000, new Date(Date.now() + 60_000));
      const res = await upload(small, MP4);
      assert.equal(res.status, 400);
      assert.equal(xmlCode(res.text), 'EntityTooLarge');
      assert.equal(await s.ctx.blobs.stat(reg.upload_parameters.key!), null);
      assert.equal((await api(s.url, 'GET', `/v5/media/${reg.media_id}`, { token })).data.status, 'registered');
    });

    it('refuses a form without a file, and one that is not multipart', async () => {
      const reg = await register();
      const fd = new FormData();
      for (const [k, v] of Object.entries(reg.upload_parameters)) fd.append(k, v);
      const noFile = await fetch(reg.upload_url, { method: 'POST', body: fd });
      assert.equal(noFile.status, 400);
      assert.equal(xmlCode(await noFile.text()), 'InvalidArgument');
      const notForm = await fetch(reg.upload_url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.ok(notForm.status >= 400 && notForm.status < 500);
    });

    it('refuses media types other than video with 400', async () => {
      const res = await api(s.url, 'POST', '/v5/media', { token, json: { media_type: 'audio' } });
      assert.equal(res.status, 400);
      assert.match(res.data.message, /media_type/);
    });
  });
});
