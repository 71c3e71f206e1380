// The HTTP edge: request ids on every answer, {code, message} bodies for what the framework itself refuses
// (probed over raw sockets), and the limits that cut off slow or greedy clients (README: Limits).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { api, startServer, type TestServer } from './helpers.js';

interface RawAnswer { status: number; headers: Record<string, string>; body: string; closedAfterMs: number }

/** Sends `chunks` over a fresh socket (a delay between them when given) and reads until the server hangs up. */
function raw(url: string, chunks: Array<string | Buffer>, opts: { gapMs?: number; timeoutMs?: number } = {}): Promise<RawAnswer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(port), '127.0.0.1');
    const received: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const give = setTimeout(() => { socket.destroy(); reject(new Error('server did not hang up')); }, opts.timeoutMs ?? 10_000);
    socket.on('data', (d) => received.push(d));
    socket.on('error', () => {}); // a reset after the answer is still an answer
    socket.on('close', () => {
      clearTimeout(give); clearTimeout(timer);
      const text = Buffer.concat(received).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) { const i = l.indexOf(':'); if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim(); }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), closedAfterMs: Date.now() - started });
    });
    let i = 0;
    const next = () => {
      if (socket.destroyed || i >= chunks.length) return;
      socket.write(chunks[i++]!);
      timer = setTimeout(next, opts.gapMs ?? 0);
    };
    socket.on('connect', next);
  });
}

function assertErrorBody(what: string, answer: RawAnswer | { status: number; data: unknown }) {
  const data = 'body' in answer ? JSON.parse(answer.body) : answer.data;
  assert.equal(typeof data?.code, 'number', `${what}: ${JSON.stringify(data)}`);
  assert.ok(Number.isInteger(data.code), what);
  assert.equal(typeof data.message, 'string', what);
  assert.deepEqual(Object.keys(data).sort(), ['code', 'message'], what);
}

async function tokenOf(s: TestServer): Promise<string> {
  const u = await s.user();
  return (await s.token(u.username, (await s.app_(u.username)).client_id)).access_token;
}

describe('http edge', () => {
  let s: TestServer;
  let token: string;
  before(async () => { s = await startServer('sqlite'); token = await tokenOf(s); });
  after(() => s.close());

  it('every /v5 answer carries a unique x-pinterest-rid, errors included', async () => {
    const answers = await Promise.all([
      api(s.url, 'GET', '/v5/user_account', { token }),
      api(s.url, 'GET', '/v5/user_account'),
      api(s.url, 'GET', '/v5/boards/123', { token }),
      api(s.url, 'POST', '/v5/boards', { token, json: {} }),
      api(s.url, 'GET', '/v5/no/such/thing', { token }),
    ]);
    assert.deepEqual(answers.map((a) => a.status), [200, 401, 404, 400, 404]);
    const ids = answers.map((a) => a.headers.get('x-pinterest-rid'));
    for (const id of ids) assert.match(id ?? '', /^[0-9a-f]{24}$/);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('keeps a sane incoming X-Request-Id and replaces one that is not', async () => {
    const kept = await api(s.url, 'GET', '/v5/user_account', { headers: { 'x-request-id': 'trace-42.a:b' } });
    assert.equal(kept.headers.get('x-pinterest-rid'), 'trace-42.a:b');
    const replaced = await api(s.url, 'GET', '/v5/user_account', { headers: { 'x-request-id': 'no spaces <or> tags' } });
    assert.match(replaced.headers.get('x-pinterest-rid') ?? '', /^[0-9a-f]{24}$/);
  });

  it('answers every malformed request with a {code, message} JSON body', async () => {
    const host = `Host: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer ${token}\r\n`;
    const probes: Array<[string, string, number]> = [
      ['long id', `GET /v5/pins/${'1'.repeat(200)} HTTP/1.1\r\n${host}\r\n`, 414],
      ['long board id', `GET /v5/boards/${'9'.repeat(150)}/pins HTTP/1.1\r\n${host}\r\n`, 414],
      ['long web path segment', `GET /${'u'.repeat(300)}/ HTTP/1.1\r\n${host}\r\n`, 414],
      ['bad %-escape in an id', `GET /v5/pins/%zz HTTP/1.1\r\n${host}\r\n`, 400],
      ['bad %-escape in a web path', `GET /%E0%A4%A/board/ HTTP/1.1\r\n${host}\r\n`, 400],
      ['truncated %-escape', `GET /v5/boards/12%2 HTTP/1.1\r\n${host}\r\n`, 400],
      ['long URL', `GET /v5/pins?bookmark=${'b'.repeat(20_000)} HTTP/1.1\r\n${host}\r\n`, 431],
      ['long header', `GET /v5/user_account HTTP/1.1\r\n${host}X-Big: ${'x'.repeat(20_000)}\r\n\r\n`, 431],
      ['garbage request line', 'HELLO WORLD\r\n\r\n', 400],
      ['bad Content-Length', `POST /v5/boards HTTP/1.1\r\n${host}Content-Length: nope\r\n\r\n`, 400],
      ['bad header name', `GET /v5/user_account HTTP/1.1\r\n${host}Bad Header: x\r\n\r\n`, 400],
      ['bad JSON', `POST /v5/boards HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 5\r\n\r\n{"a":`, 400],
      ['unknown content type', `POST /v5/boards HTTP/1.1\r\n${host}Content-Type: text/x-nope\r\nContent-Length: 2\r\n\r\nhi`, 415],
      ['no Host header', 'GET /v5/user_account HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
    ];
    for (const [what, request, status] of probes) {
      const answer = await raw(s.url, [request]);
      assert.equal(answer.status, status, `${what}: ${answer.status} ${answer.body}`);
      assert.match(answer.headers['content-type'] ?? '', /^application\/json/, what);
      assertErrorBody(what, answer);
      assert.ok(answer.headers['x-pinterest-rid'], `${what}: x-pinterest-rid`);
    }
  });
});

describe('closing', () => {
  it('answers a request that arrives while the server closes with 503 {code, message}', async () => {
    const s = await startServer('sqlite');
    const { port } = new URL(s.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.on('data', (d) => { received += d.toString('latin1'); });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // The first request is in flight (its body half sent) when close starts; the second is pipelined behind it.
    socket.write('POST /v5/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"name"');
    await new Promise((r) => setTimeout(r, 100));
    const closing = s.close();
    await new Promise((r) => setTimeout(r, 100));
    socket.write(':"a"}GET /v5/user_account HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await closed;
    await closing;
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    assert.equal(answers.length, 2, received);
    assert.match(answers[0]!, /^HTTP\/1\.1 401 /);
    assert.match(answers[1]!, /^HTTP\/1\.1 503 /);
    assertErrorBody('closing', { status: 503, data: JSON.parse(answers[1]!.split('\r\n\r\n')[1]!) });
  });
});

describe('uploads edge', () => {
  let s: TestServer;
  before(async () => { s = await startServer('sqlite'); });
  after(() => s.close());

  it('answers S3\'s 400 MalformedPOSTRequest to multipart without a boundary or cut short, never a 500', async () => {
    const post = (type: string, body: string) => fetch(`${s.url}/uploads/`, { method: 'POST', headers: { 'content-type': type }, body });
    const unfinished = '--x\r\nContent-Disposition: form-data; name="key"\r\n\r\nunfinished';
    const cases: Array<[string, string, string]> = [
      ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="key"\r\n\r\nv\r\n--x--\r\n', 'MalformedPOSTRequest'],
      ['multipart/form-data; boundary=', 'whatever', 'MalformedPOSTRequest'],
      ['multipart/form-data; charset=utf-8', 'whatever', 'MalformedPOSTRequest'],
      ['multipart/form-data; boundary=x', unfinished, 'InvalidArgument'], // no file arrived
    ];
    for (const [type, body, code] of cases) {
      const res = await post(type, body);
      const text = await res.text();
      assert.equal(res.status, 400, `${type} ${JSON.stringify(body)}: ${res.status} ${text}`);
      assert.match(text, new RegExp(`<Code>${code}</Code>`), type);
    }
  });
});

describe('http edge limits', () => {
  let s: TestServer;
  let token: string;
  before(async () => {
    s = await startServer('sqlite', { CORKBOARD_BODY_TIMEOUT: '2', CORKBOARD_MIN_BODY_RATE: '1000', CORKBOARD_HEADERS_TIMEOUT: '1', CORKBOARD_MAX_CONNECTIONS_PER_ADDRESS: '4' });
    token = await tokenOf(s);
  });
  after(() => s.close());

  it('cuts off a body trickled one byte at a time once the body timeout passes, answering 408', async () => {
    const head = `POST /v5/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const trickle = [head, ...'{"name":"slow","description":"trickled"}'.split('')]; // 40 bytes, 400 ms apart: 16 s
    const answer = await raw(s.url, trickle, { gapMs: 400, timeoutMs: 20_000 });
    assert.ok(answer.closedAfterMs < 12_000, `closed after ${answer.closedAfterMs} ms, long before the trickle ends`);
    assert.equal(answer.status, 408);
    assertErrorBody('slow body', answer);
  });

  it('lets a body slower than the body timeout but above the minimum rate land', async () => {
    // 40 KB over ~3.2 s (12 KB/s): longer than the 2 s body timeout, faster than its 1,000 bytes a second.
    const body = `${' '.repeat(40_000)}${JSON.stringify({ name: 'steady' })}`;
    const head = `POST /v5/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
    const chunks = body.match(/[^]{1,4000}/g)!;
    const answer = await raw(s.url, [head, ...chunks], { gapMs: 320, timeoutMs: 10_000 });
    assert.ok(answer.closedAfterMs > 2000, `took ${answer.closedAfterMs} ms`);
    assert.equal(answer.status, 201, answer.body);
    assert.equal(JSON.parse(answer.body).name, 'steady');
  });

  it('cuts off a trickled body whose request was already answered, without a second answer', async () => {
    const head = 'POST /v5/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
    const trickle = [head, ...'{"name":"slow","description":"trickled"}'.split('')]; // 40 bytes, 400 ms apart: 16 s
    const answer = await raw(s.url, trickle, { gapMs: 400, timeoutMs: 20_000 });
    assert.ok(answer.closedAfterMs < 12_000, `closed after ${answer.closedAfterMs} ms, long before the trickle ends`);
    assert.equal(answer.status, 401); // no token: refused before the body
    assertErrorBody('answered', answer);
  });

  it('cuts off headers trickled slower than the headers timeout', async () => {
    const answer = await raw(s.url, 'GET /v5/user_account HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: abcdefghijklmnop'.split(''), { gapMs: 200, timeoutMs: 15_000 });
    assert.ok(answer.closedAfterMs < 8000, `closed after ${answer.closedAfterMs} ms, long before the trickle ends (12 s)`);
    assert.equal(answer.status, 408);
  });

  it('bounds the open connections of one address', async () => {
    const { port } = new URL(s.url);
    const open = async () => {
      const socket = net.connect(Number(port), '127.0.0.1');
      await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      return socket;
    };
    const held = await Promise.all([open(), open(), open(), open()]);
    const extra = await open();
    const closed = await new Promise<boolean>((resolve) => {
      extra.once('close', () => resolve(true));
      extra.on('error', () => {});
      setTimeout(() => resolve(false), 2000);
    });
    assert.equal(closed, true, 'the fifth connection was closed');
    held.pop()!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const res = await api(s.url, 'GET', '/v5/user_account'); // a freed slot serves again
    assert.equal(res.status, 401);
    for (const sock of held) sock.destroy();
  });
});
