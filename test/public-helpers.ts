// Seeding and request helpers shared by the tests of Pinterest's public web protocol, widgets and short links.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { api, FIXTURES, type TestServer } from './helpers.js';
import { upload, settled, type Registered } from './media-helpers.js';
import type { Principal } from '../src/services/oauth.js';

const MP4 = readFileSync(path.join(FIXTURES, 'sample-2s-320x240.mp4'));
export const png = (r: number, g: number, b: number, width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } }).png().toBuffer();
export const b64 = (buf: Buffer) => ({ source_type: 'image_base64' as const, content_type: 'image/png', data: buf.toString('base64') });

export interface Seeded {
  owner: { username: string; id: string };
  principal: Principal;
  token: string;
  board: { id: string; slug: string };
  big: { id: string; slug: string; pinIds: string[] };
  section: { id: string; slug: string; pinIds: string[] };
  secret: { id: string; slug: string; pinId: string; sectionId: string };
  protectedBoard: { id: string; slug: string; pinId: string };
  imagePin: string;
  carouselPin: string;
  videoPin: string | null;
}

/** A user with a public board (image, carousel, optional video), a 310-pin board with a section, a secret and a protected board. */
export async function seed(s: TestServer, opts: { video?: boolean; bigCount?: number } = {}): Promise<Seeded> {
  const u = await s.user();
  const app = await s.app_(u.username);
  const token = (await s.token(u.username, app.client_id)).access_token;
  const p = await s.ctx.oauth.authenticate(`Bearer ${token}`);
  const [red, green, blue] = await Promise.all([png(200, 10, 10), png(10, 200, 10, 900, 1350), png(10, 10, 200)]);
  const board = await s.ctx.boards.create(p, { name: 'Trips & Things', description: 'Places <b>' });
  const imagePin = await s.ctx.pins.create(p, { board_id: board.id, title: 'Red square', description: 'A red one', link: 'https://www.example.com/red', media_source: b64(red) });
  const carouselPin = await s.ctx.pins.create(p, {
    board_id: board.id, title: 'Three colours',
    media_source: { source_type: 'multiple_image_base64', items: [{ ...b64(red), title: 'R', link: 'https://example.com/r' }, { ...b64(green), title: 'G' }, { ...b64(blue), description: 'B' }] },
  });
  let videoPin: string | null = null;
  if (opts.video) {
    const reg = (await api(s.url, 'POST', '/v5/media', { token, json: { media_type: 'video' } })).data as Registered;
    assert.equal((await upload(reg, MP4)).status, 204);
    assert.equal((await settled(s.url, token, reg.media_id)).status, 'succeeded');
    videoPin = (await s.ctx.pins.create(p, { board_id: board.id, title: 'Clip', media_source: { source_type: 'video_id', media_id: reg.media_id } })).id;
  }
  const big = await s.ctx.boards.create(p, { name: 'Big board' });
  const section = await s.ctx.sections.create(p, big.id, 'Sub Section');
  const bigIds: string[] = [];
  const sectionIds: string[] = [];
  const count = opts.bigCount ?? 310;
  for (let i = 0; i < count; i++) {
    const inSection = i % 10 === 0;
    const pin = await s.ctx.pins.create(p, { board_id: big.id, board_section_id: inSection ? section.id : null, title: `Pin ${i}`, media_source: b64(blue) });
    bigIds.push(pin.id);
    if (inSection) sectionIds.push(pin.id);
  }
  const secret = await s.ctx.boards.create(p, { name: 'Hidden', privacy: 'SECRET' });
  const secretPin = await s.ctx.pins.create(p, { board_id: secret.id, title: 'Secret pin', link: 'https://example.com/red', media_source: b64(red) });
  const secretSection = await s.ctx.sections.create(p, secret.id, 'Deep');
  const prot = await s.ctx.boards.create(p, { name: 'Ads only', privacy: 'PROTECTED' });
  const protPin = await s.ctx.pins.create(p, { board_id: prot.id, title: 'Protected pin', media_source: b64(red) });
  const slugOf = async (id: string) => (await s.ctx.database.db.selectFrom('boards').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  return {
    owner: { username: u.username, id: u.id }, principal: p, token,
    board: { id: board.id, slug: await slugOf(board.id) },
    big: { id: big.id, slug: await slugOf(big.id), pinIds: bigIds },
    section: { id: section.id, slug: 'sub-section', pinIds: sectionIds },
    secret: { id: secret.id, slug: await slugOf(secret.id), pinId: secretPin.id, sectionId: secretSection.id },
    protectedBoard: { id: prot.id, slug: await slugOf(prot.id), pinId: protPin.id },
    imagePin: imagePin.id, carouselPin: carouselPin.id, videoPin,
  };
}

export interface OtherUser { username: string; pinId: string; secretPinId: string; protectedPinId: string; savedPinId: string }

/**
 * Another user with a public pin "Green <word>", which the seeded owner saves to their public board (a saved pin:
 * on the owner's pins, not among those they made), and "Secret <word>" and "Protected <word>" on such boards.
 */
export async function otherUser(s: TestServer, d: Seeded, word: string): Promise<OtherUser> {
  const u = await s.user();
  const app = await s.app_(u.username);
  const p = await s.ctx.oauth.authenticate(`Bearer ${(await s.token(u.username, app.client_id)).access_token}`);
  const media = b64(await png(20, 160, 40, 80, 60));
  const pinOn = async (name: string, privacy: 'PUBLIC' | 'SECRET' | 'PROTECTED', title: string) =>
    (await s.ctx.pins.create(p, { board_id: (await s.ctx.boards.create(p, { name, privacy })).id, title, media_source: media })).id;
  const pinId = await pinOn('Garden', 'PUBLIC', `Green ${word}`);
  return {
    username: u.username, pinId,
    secretPinId: await pinOn('Private garden', 'SECRET', `Secret ${word}`),
    protectedPinId: await pinOn('Garden ads', 'PROTECTED', `Protected ${word}`),
    savedPinId: (await s.ctx.pins.save(d.principal, pinId, d.board.id, null)).id,
  };
}

/** GET /resource/<name>Resource/get/ with the options as Pinterest's web app sends them. */
export async function resource(base: string, name: string, options: Record<string, unknown>, extra: Record<string, string> = {}) {
  const url = new URL(`/resource/${name}Resource/get/`, base);
  url.searchParams.set('source_url', '/whatever/');
  url.searchParams.set('data', JSON.stringify({ options, context: {} }));
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return api(base, 'GET', url.pathname + url.search);
}

