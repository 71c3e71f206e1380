import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pinMedia } from './pin-media.js';

const img = (w: number, name = `${w}`) => ({ url: `https://i.example/${name}.jpg`, width: w, height: w });

describe('pinMedia', () => {
  it('takes the original image', () => {
    assert.deepEqual(pinMedia({ id: '1', images: { '236x': img(236), orig: img(2000, 'orig'), '736x': img(736) } }).map((f) => f.url), ['https://i.example/orig.jpg']);
  });
  it('takes the widest rendition when there is no original', () => {
    assert.equal(pinMedia({ id: '1', images: { '236x': img(236), '736x': img(736) } })[0]!.width, 736);
  });
  it('a video pin gives its best MP4, never its thumbnail', () => {
    const files = pinMedia({ id: '1', images: { orig: img(720) }, videos: { video_list: {
      V_HLSV4: { url: 'https://v.example/x.m3u8', width: 1280, height: 720 },
      V_720P: { url: 'https://v.example/720.mp4', width: 1280, height: 720 },
      V_EXP4: { url: 'https://v.example/exp4.mp4', width: 480, height: 270 },
    } } });
    assert.deepEqual(files.map((f) => [f.type, f.url]), [['video', 'https://v.example/720.mp4']]);
  });
  it('HLS only when no MP4 exists', () => {
    assert.equal(pinMedia({ id: '1', videos: { video_list: { V_HLSV3_MOBILE: { url: 'https://v.example/m.m3u8', width: 640 } } } })[0]!.ext, 'm3u8');
  });
  it('every carousel slot, in order', () => {
    const files = pinMedia({ id: '1', images: { orig: img(100, 'cover') }, carousel_data: { carousel_slots: [{ images: { orig: img(1, 'a') } }, { images: { orig: img(2, 'b') } }] } });
    assert.deepEqual(files.map((f) => f.url), ['https://i.example/a.jpg', 'https://i.example/b.jpg']);
  });
  it('every image, video and audio block of a story pin, in order', () => {
    const files = pinMedia({ id: '1', images: { orig: img(100, 'cover') }, story_pin_data: { pages: [
      { blocks: [{ block_type: 3, image: { images: { originals: img(900, 's1') } } }] },
      { blocks: [{ block_type: 2, video: { video_list: { V_EXP7: { url: 'https://v.example/s2.mp4', width: 720 } } } }, { audio: { url: 'https://a.example/s3.m4a' } }] },
    ] } });
    assert.deepEqual(files.map((f) => [f.type, f.url]), [['image', 'https://i.example/s1.jpg'], ['video', 'https://v.example/s2.mp4'], ['audio', 'https://a.example/s3.m4a']]);
  });
});
