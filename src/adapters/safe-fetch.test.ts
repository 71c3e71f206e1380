import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { lookup as dnsLookup } from 'node:dns';
import { allowPublicOnly, checkUrl, FetchRefused, guardedLookup, isPublicAddress, safeFetch, type SafeFetchOptions } from './safe-fetch.js';

describe('isPublicAddress', () => {
  const refused = [
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '192.88.99.1', '255.255.255.255',
    '::1', '::', '0:0:0:0:0:0:0:1', 'fd00::1', 'fc00::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fec0::1', 'ff02::1', 'ff0e::1', '100::1',
    // IPv4-mapped, -compatible and -translated forms of private addresses, dotted or in hex
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a00:1', '::127.0.0.1', '::7f00:1', '::10.0.0.1', '::ffff:0:127.0.0.1', '::ffff:0:7f00:1',
    '::ffff:0:192.168.0.1', '0:0:0:0:0:ffff:169.254.169.254',
    // 6to4 carrying a private IPv4, NAT64 (well-known and local-use prefixes), Teredo, documentation, benchmarking
    '2002:7f00:1::1', '2002:c0a8:101::', '2002:a9fe:a9fe::1', '64:ff9b::127.0.0.1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::808:808',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001::1', '2001:2::1', '2001:db8::1', '3fff::1', '5f00::1', '4000::1', 'not an address',
  ];
  for (const ip of refused) it(`refuses ${ip}`, () => assert.equal(isPublicAddress(ip), false));
  const allowed = ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:82b::200e', '::ffff:8.8.8.8', '::ffff:808:808',
    '::ffff:0:8.8.8.8', '2002:808:808::1', '64:ff9b::8.8.8.8', '64:ff9b::808:808'];
  for (const ip of allowed) it(`allows ${ip}`, () => assert.equal(isPublicAddress(ip), true));
});

// Nothing here connects: the checks run before any connection is made.
describe('checkUrl and the guarded lookup refuse private IPv6 forms before connecting', () => {
  for (const host of ['[::127.0.0.1]', '[::ffff:127.0.0.1]', '[::ffff:0:127.0.0.1]', '[::ffff:0:7f00:1]', '[2002:c0a8:101::1]', '[2002:7f00:1::]',
    '[64:ff9b::10.0.0.1]', '[2001::1]', '[fe80::1]', '[fd12:3456::1]', '[ff02::1]', '[::]', '[::1]', '[0:0:0:0:0:0:0:1]', '2130706433', '0x7f.1']) {
    it(`refuses http://${host}/`, () => assert.throws(() => checkUrl(`http://${host}/x`, allowPublicOnly), (err: Error) => err instanceof FetchRefused && /private network/.test(err.message)));
  }
  it('accepts a public IPv6 literal', () => assert.equal(checkUrl('https://[2606:4700:4700::1111]/x', allowPublicOnly).hostname, '[2606:4700:4700::1111]'));

  /** A resolver that answers `answers` for every name, standing in for DNS. */
  const fakeDns = (answers: string[]) => ((_host: string, _opts: unknown, cb: (err: null, a: Array<{ address: string; family: number }>) => void) =>
    cb(null, answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))) as unknown as typeof dnsLookup;
  const resolve = (answers: string[]) => new Promise<string>((ok, fail) =>
    guardedLookup(allowPublicOnly, fakeDns(answers))('pics.example', { all: false }, (err, address) => (err ? fail(err) : ok(address as string))));

  for (const answers of [['::ffff:0:127.0.0.1'], ['2002:a00:1::1'], ['8.8.8.8', '::127.0.0.1'], ['64:ff9b::192.168.1.1'], ['fe80::1%2']]) {
    it(`refuses a name that resolves to ${answers.join(', ')}`, () => assert.rejects(resolve(answers), (err: Error) => err instanceof FetchRefused && /private network/.test(err.message)));
  }
  it('passes a name that resolves to public addresses only', async () => assert.equal(await resolve(['2606:4700:4700::1111', '8.8.8.8']), '2606:4700:4700::1111'));
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
