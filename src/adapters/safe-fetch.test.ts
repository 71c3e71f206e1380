import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { allowPublicOnly, FetchRefused, isPublicAddress, safeFetch, type SafeFetchOptions } from './safe-fetch.js';

describe('isPublicAddress', () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a00:1']) {
    it(`refuses ${ip}`, () => assert.equal(isPublicAddress(ip), false));
  }
  for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
    it(`allows ${ip}`, () => assert.equal(isPublicAddress(ip), true));
  }
});

describe('safeFetch', () => {
  let server: Server;
  let port = 0;
  // Only 127.0.0.1 is "allowed" here, standing in for a public host; 127.0.0.2 (also loopback) stands for a
  // private one, so redirects between them exercise the per-hop re-check.
  const opts: SafeFetchOptions = { allowAddress: (a) => a === '127.0.0.1', maxBytes: 1024, timeoutMs: 2000 };

  let dropped = false;

  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
      // Closes the connection it arrives on once, as a server does with a kept-alive connection it just timed out.
      if (req.url === '/drop-once' && !dropped) { dropped = true; return req.socket.destroy(); }
      if (req.url === '/drop-once') return res.writeHead(200).end('second try');
      if (req.url === '/to-private') return res.writeHead(302, { location: `http://127.0.0.2:${port}/ok` }).end();
      if (req.url === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/big') return res.writeHead(200).end(Buffer.alloc(4096));
      if (req.url === '/big-chunked') { res.writeHead(200); res.write(Buffer.alloc(800)); res.write(Buffer.alloc(800)); return res.end(); }
      if (req.url === '/slow') return; // never answers
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
    port = (server.address() as { port: number }).port;
  });
  after(() => { server.closeAllConnections(); server.close(); });

  it('fetches an allowed URL', async () => {
    const res = await safeFetch(`http://127.0.0.1:${port}/ok`, opts);
    assert.equal(res.status, 200);
    assert.equal(res.body.toString(), 'hello');
  });

  const refusals: Array<[string, () => string, RegExp]> = [
    ['a redirect to a refused address', () => `http://127.0.0.1:${port}/to-private`, /private network/],
    ['a redirect to another scheme', () => `http://127.0.0.1:${port}/to-file`, /http and https/],
    ['a redirect loop', () => `http://127.0.0.1:${port}/loop`, /redirects too many times/],
    ['a declared body over the cap', () => `http://127.0.0.1:${port}/big`, /larger than/],
    ['a streamed body over the cap', () => `http://127.0.0.1:${port}/big-chunked`, /larger than/],
    ['a host that does not answer in time', () => `http://127.0.0.1:${port}/slow`, /did not answer/],
    ['credentials in the URL', () => `http://user:pw@127.0.0.1:${port}/ok`, /credentials/],
    ['not a URL', () => 'not a url', /not a valid URL/],
  ];
  for (const [name, url, why] of refusals) {
    it(`refuses ${name}`, async () => {
      await assert.rejects(safeFetch(url(), { ...opts, timeoutMs: name.includes('time') ? 300 : opts.timeoutMs }), (err: Error) => err instanceof FetchRefused && why.test(err.message));
    });
  }

  it('keeps connections alive, and retries once on a new one when a reused connection was closed', async () => {
    const fresh: unknown[] = [];
    const count = (socket: unknown) => fresh.push(socket);
    server.on('connection', count);
    try {
      assert.equal((await safeFetch(`http://127.0.0.1:${port}/ok`, opts)).status, 200);
      assert.equal((await safeFetch(`http://127.0.0.1:${port}/ok`, opts)).status, 200);
      assert.ok(fresh.length <= 1, `${fresh.length} connections for two sequential requests`);
      const res = await safeFetch(`http://127.0.0.1:${port}/drop-once`, opts);
      assert.equal(res.body.toString(), 'second try');
    } finally { server.off('connection', count); }
  });

  it('the default policy refuses loopback, by address or by name', async () => {
    for (const host of ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]']) {
      await assert.rejects(safeFetch(`http://${host}:${port}/ok`, { ...opts, allowAddress: allowPublicOnly }), /private network/);
    }
  });
});
