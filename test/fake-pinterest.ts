// A tiny stand-in for a host that speaks Pinterest's web resource protocol (pinterest.com, or a hostile host
// pretending to be one): boards, sections and pins the test writes as JSON, media bytes under /m/. One page per
// list. Whatever a test puts in the JSON is served as it is, hostile names included.
import { createServer, type Server } from 'node:http';

export type Json = Record<string, unknown>;
export interface FakeBoard { board: Json; pins: Json[]; sections: Array<{ section: Json; pins: Json[] }> }

export interface FakePinterest {
  url: string;
  /** By `<username>/<slug>`; a string is the failure message the Board resource answers. */
  boards: Map<string, FakeBoard | string>;
  /** By the id in the pin's link (/pin/<id>/). */
  pins: Map<string, Json>;
  /** Bytes served at `${url}/m/<name>`. */
  media: Map<string, Buffer>;
  /** Requests answered so far. */
  hits: number;
  close(): Promise<void>;
}

export async function startFakePinterest(): Promise<FakePinterest> {
  const fake = { boards: new Map(), pins: new Map(), media: new Map(), hits: 0 } as Omit<FakePinterest, 'url' | 'close'>;
  const server: Server = createServer((req, res) => {
    fake.hits++;
    const url = new URL(req.url!, 'http://x');
    if (url.pathname.startsWith('/m/')) {
      const bytes = fake.media.get(url.pathname.slice(3));
      return bytes ? res.writeHead(200, { 'content-length': bytes.length }).end(bytes) : res.writeHead(404).end();
    }
    const name = /^\/resource\/(\w+)Resource\/get\/$/.exec(url.pathname)?.[1];
    if (!name) return res.writeHead(404).end();
    const options = (JSON.parse(url.searchParams.get('data') ?? '{}') as { options: Json }).options;
    const send = (data: unknown) => res.writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ resource_response: { status: 'success', code: 0, message: 'ok', data, bookmark: '-end-' }, resource: { name, options: { ...options, bookmarks: ['-end-'] } } }));
    // Pinterest answers a failure with HTTP 404; a string board answers 200, so its message reaches the client.
    const fail = (message: string, status = 404) => res.writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ resource_response: { status: 'failure', code: 40, message, data: null, error: { message, code: 40, http_status: 404 } } }));
    const boards = [...fake.boards.values()].filter((b): b is FakeBoard => typeof b !== 'string');
    const byId = (id: unknown) => boards.find((b) => b.board.id === id);
    switch (name) {
      case 'Pin': { const pin = fake.pins.get(String(options.id)); return pin ? send(pin) : fail('pin not found'); }
      case 'Board': {
        const b = fake.boards.get(`${String(options.username)}/${String(options.slug)}`);
        return b === undefined ? fail('board not found') : typeof b === 'string' ? fail(b, 200) : send(b.board);
      }
      case 'BoardFeed': return send(byId(options.board_id)?.pins ?? []);
      case 'BoardSections': return send(byId(options.board_id)?.sections.map((s) => s.section) ?? []);
      case 'BoardSectionPins': return send(boards.flatMap((b) => b.sections).find((s) => s.section.id === options.section_id)?.pins ?? []);
      default: return fail('no such resource');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return Object.assign(fake, { url, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) });
}
