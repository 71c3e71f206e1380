import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { processImage, renderedSizes } from './images.js';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures', name));

describe('processImage', () => {
  it('renders 1200x only for images wider than 1,200 pixels; narrower ones serve the original there when it is a variant\'s format', async () => {
    assert.deepEqual(renderedSizes(1200), ['originals', '150x150', '400x300', '600x']);
    assert.deepEqual(renderedSizes(1201), ['originals', '150x150', '400x300', '600x', '1200x']);
    assert.deepEqual(renderedSizes(1200, false), ['originals', '150x150', '400x300', '600x', '1200x']);

    const narrowJpeg = await processImage(await sharp(fixture('sample-900x1350.png')).jpeg().toBuffer(), 'f');
    assert.equal(narrowJpeg.variants['1200x'].buffer, narrowJpeg.variants.originals.buffer);
    assert.deepEqual([narrowJpeg.variants['1200x'].width, narrowJpeg.variants['1200x'].height], [900, 1350]);

    // a PNG original stays PNG; its 1200x is a JPEG like the other variants
    const narrowPng = await processImage(fixture('sample-900x1350.png'), 'f');
    assert.equal(narrowPng.variants.originals.ext, 'png');
    assert.equal(narrowPng.variants['1200x'].ext, 'jpg');
    assert.deepEqual([narrowPng.variants['1200x'].width, narrowPng.variants['1200x'].height], [900, 1350]);

    const wide = await processImage(fixture('sample-1600x1200.jpg'), 'f');
    assert.deepEqual([wide.variants['1200x'].width, wide.variants['1200x'].height], [1200, 900]);
    assert.deepEqual([wide.variants.originals.width, wide.variants.originals.height], [1600, 1200]);
    const decoded = await sharp(wide.variants['1200x'].buffer).metadata();
    assert.deepEqual([decoded.width, decoded.height], [1200, 900]);
  });

  it('judges the width after EXIF orientation: a 1600x900 photo turned upright is 900 wide', async () => {
    const sideways = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#336699' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const out = await processImage(sideways, 'f');
    assert.deepEqual([out.width, out.height], [900, 1600]);
    assert.equal(out.variants['1200x'].buffer, out.variants.originals.buffer);
  });

  it('an oriented PNG is turned upright losslessly and stays PNG; its metadata is dropped', async () => {
    const raw = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#336699' } }).png().withMetadata({ orientation: 6 }).toBuffer();
    const out = await processImage(raw, 'f');
    assert.equal(out.variants.originals.contentType, 'image/png');
    const meta = await sharp(out.variants.originals.buffer).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.orientation, meta.exif], ['png', 20, 30, undefined, undefined]);
  });

  it('refuses an animation whose frames add up to more than the pixel cap (1x1 frames on a 5000x5000 canvas)', async () => {
    const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).webp({ lossless: true }).toBuffer();
    const chunk = (fourcc: string, data: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return Buffer.concat([Buffer.from(fourcc, 'latin1'), size, data, Buffer.alloc(data.length & 1)]);
    };
    const u24 = (n: number) => Buffer.from([n & 255, (n >> 8) & 255, n >> 16]);
    const frame = chunk('ANMF', Buffer.concat([u24(0), u24(0), u24(0), u24(0), u24(100), Buffer.from([0]), tiny.subarray(12)]));
    const body = Buffer.concat([
      chunk('VP8X', Buffer.concat([Buffer.from([0x02, 0, 0, 0]), u24(4999), u24(4999)])), chunk('ANIM', Buffer.alloc(6)), ...Array(5).fill(frame),
    ]);
    const webp = chunk('RIFF', Buffer.concat([Buffer.from('WEBP'), body]));
    const meta = await sharp(webp).metadata();
    assert.deepEqual([meta.width, meta.height, meta.pages], [5000, 5000, 5]);
    await assert.rejects(processImage(webp, 'media_source.url'), /media_source\.url is not a usable image \(5 frames of 5000x5000 are more than 100 megapixels/);
  });
});
