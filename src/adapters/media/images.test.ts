import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { processImage, renderedSizes } from './images.js';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures', name));

describe('processImage', () => {
  it('renders 1200x only for images wider than 1,200 pixels; narrower ones serve the original there', async () => {
    assert.deepEqual(renderedSizes(1200), ['originals', '150x150', '400x300', '600x']);
    assert.deepEqual(renderedSizes(1201), ['originals', '150x150', '400x300', '600x', '1200x']);

    const narrow = await processImage(fixture('sample-900x1350.png'), 'f');
    assert.equal(narrow.variants['1200x'].buffer, narrow.variants.originals.buffer);
    assert.deepEqual([narrow.variants['1200x'].width, narrow.variants['1200x'].height], [900, 1350]);

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
});
