// The extractor against Pinterest's web protocol as pinterest.com speaks it (a local stand-in serving that shape,
// since pinterest.com cannot be reached from tests): paging to -end-, suggestions mixed into a board feed, short
// links, rate limiting and an upstream that is down.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { allowAny } from '../src/adapters/safe-fetch.js';
import { extract } from '../src/downloader/extract.js';
import { UpstreamError } from '../src/downloader/upstream.js';

const pin = (id: number, boardId = 'B1') => ({ type: 'pin', id: String(id), title: `Pin ${id}`, board: { id: boardId }, images: { orig: { url: `https://i.example/${id}.jpg`, width: 10, height: 10 } } });
const BOARD_PINS = Array.from({ length: 57 }, (_, i) => pin(i + 1));

describe('extract against a Pinterest-shaped upstream', () => {
  let server: Server;
  let origin = '';
  let hits: Record<string, number> = {};
  let flaky = 0;

  before(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      const name = /^\/resource\/(\w+)Resource\/get\/$/.exec(url.pathname)?.[1];
      hits[name ?? url.pathname] = (hits[name ?? url.pathname] ?? 0) + 1;
      const send = (data: unknown, bookmark = '-end-', status = 200) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ resource_response: { status: 'success', code: 0, message: 'ok', data, bookmark }, resource: { name, options: { bookmarks: [bookmark] } } }));
      if (req.method === 'HEAD' && url.pathname === '/url_shortener/ShOrT/redirect/') return res.writeHead(302, { location: 'https://www.pinterest.com/alice/soups/' }).end();
      if (!name) return res.writeHead(404).end();
      const options = JSON.parse(url.searchParams.get('data')!).options as Record<string, any>;
      if (name === 'Board') {
        if (options.slug === 'down') return res.writeHead(503).end();
        if (options.slug === 'busy' && flaky++ < 2) return res.writeHead(429).end();
        return send({ id: 'B1', name: 'Soups', url: '/alice/soups/' });
      }
      if (name === 'BoardFeed') {
        // 20 per page, with a suggestion from another board on every page, as Pinterest's feeds sometimes carry
        const start = options.bookmarks ? Number(options.bookmarks[0]) : 0;
        const page = [...BOARD_PINS.slice(start, start + 20), pin(9000 + start, 'OTHER'), { type: 'story', id: 'x' }];
        return send(page, start + 20 < BOARD_PINS.length ? String(start + 20) : '-end-');
      }
      if (name === 'BoardSections') return send([{ id: 'S1', slug: 'cold', title: 'Cold' }]);
      if (name === 'BoardSectionPins') return send([pin(3), pin(100)]);
      if (name === 'Pin') return send(pin(Number(options.id)));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => server.close());

  const opts = () => ({ pinterestOrigin: origin, allowAddress: allowAny, maxPins: 1000, retryBaseMs: 10 });

  it('a board: every page of its own pins, then its sections, nothing else', async () => {
    hits = {};
    const board = await extract('https://www.pinterest.com/alice/soups/', opts());
    assert.equal(board.kind, 'board');
    assert.equal(board.title, 'Soups');
    const ids = board.pins.map((p) => p.pin.id);
    assert.deepEqual(ids, [...BOARD_PINS.map((p) => p.id), '100']);
    assert.equal(hits.BoardFeed, 3);
    assert.equal(board.pins.find((p) => p.pin.id === '3')!.section, 'Cold'); // in the feed and in the section
  });

  it('a pin.it short link leads to the board', async () => {
    const board = await extract('https://pin.it/ShOrT', opts());
    assert.equal(board.kind, 'board');
  });

  it('a pin, by slug--id', async () => {
    const one = await extract('https://www.pinterest.de/pin/soup--42/', opts());
    assert.deepEqual(one.pins.map((p) => p.pin.id), ['42']);
  });

  it('retries a 429 and then succeeds', async () => {
    flaky = 0;
    const board = await extract('https://www.pinterest.com/alice/busy/', opts());
    assert.equal(board.pins.length, 58);
    assert.equal(flaky, 3);
  });

  it('an upstream that stays down fails with a clear, retryable error', async () => {
    await assert.rejects(extract('https://www.pinterest.com/alice/down/', opts()), (err: Error) => err instanceof UpstreamError && err.retryable && /503/.test(err.message));
  });
});
