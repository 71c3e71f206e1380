// The download API's bodies as real clients send them: multipart/form-data from `curl -F`, PHP's curl given an
// array, and Node's FormData, besides urlencoded and JSON; bad multipart answers 400 naming the field.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { forEachDialect, startServer, type TestServer } from './helpers.js';

// Async only: the server under test runs in this process, so a blocking child would deadlock against it.
const run = promisify(execFile);
const PIN = 'https://www.pinterest.com/pin/1/';

/** Why PHP cannot send the form here, or null when `php` with its curl extension is installed. */
async function phpMissing(): Promise<string | null> {
  try {
    const { stdout } = await run('php', ['-m']);
    return /^curl$/m.test(stdout) ? null : 'php has no curl extension (Debian package php-curl)';
  } catch {
    return 'php is not installed (Debian packages php-cli and php-curl)';
  }
}

forEachDialect('download API bodies', (dialect) => {
  let s: TestServer;
  let key: string;
  const form = async (path: string, fd: FormData) => {
    const res = await fetch(s.url + path, { method: 'POST', headers: { authorization: key }, body: fd });
    return { status: res.status, data: await res.json() as any };
  };

  before(async () => {
    // pinterest.com links go to a closed local port: refused as a private address, so no job lingers
    s = await startServer(dialect, { CORKBOARD_PINTEREST_UPSTREAM: 'http://127.0.0.1:9' });
    key = (await s.ctx.downloads.createKey((await s.user()).id, 'test', 1000)).api_key;
  });
  after(() => s.close());

  it('curl -F submits and polls', async () => {
    const curl = async (path: string, field: string) => JSON.parse((await run('curl', ['-sS', '-H', `Authorization: ${key}`, '-F', field, s.url + path])).stdout);
    const { uuid } = await curl('/api/v1/submit/', `url=${PIN}`);
    assert.match(uuid, /^[0-9a-f-]{36}$/);
    const result = await curl('/api/v1/results/', `uuid=${uuid}`);
    assert.equal(typeof result.loading, 'boolean', JSON.stringify(result));
  });

  it('PHP curl with an array (multipart) submits and polls', async (t) => {
    const missing = await phpMissing();
    if (missing) return t.skip(missing);
    const php = (path: string, fields: Record<string, string>) => run('php', ['-r', `
      $ch = curl_init(${JSON.stringify(s.url + path)});
      curl_setopt($ch, CURLOPT_POST, true);
      curl_setopt($ch, CURLOPT_POSTFIELDS, json_decode(${JSON.stringify(JSON.stringify(fields))}, true));
      curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: ' . ${JSON.stringify(key)}]);
      curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
      echo curl_exec($ch);`]).then((r) => JSON.parse(r.stdout));
    const { uuid } = await php('/api/v1/submit/', { url: PIN, callback_url: 'https://example.com/hook' });
    assert.match(uuid, /^[0-9a-f-]{36}$/);
    assert.equal(typeof (await php('/api/v1/results/', { uuid })).loading, 'boolean');
  });

  it('Node FormData submits, and fields a form leaves out still come from the query', async () => {
    const fd = new FormData();
    fd.append('url', PIN);
    const { status, data } = await form('/api/v1/submit/', fd);
    assert.equal(status, 200, JSON.stringify(data));
    const poll = new FormData();
    poll.append('uuid', data.uuid);
    assert.equal((await form('/api/v1/results/', poll)).status, 200);
    const res = await fetch(`${s.url}/api/v1/results/?uuid=${data.uuid}`, { method: 'POST', headers: { authorization: key }, body: new FormData() });
    assert.equal(res.status, 200);
  });

  it('a file where a text field belongs answers 400 naming the field', async () => {
    const fd = new FormData();
    fd.append('url', new Blob([PIN], { type: 'text/plain' }), 'url.txt');
    const { status, data } = await form('/api/v1/submit/', fd);
    assert.equal(status, 400);
    assert.equal(data.code, 1);
    assert.match(data.message, /\burl\b.*text field/);
  });

  it('an oversize field answers 400 naming it; too many fields answers 400', async () => {
    const fd = new FormData();
    fd.append('url', `${PIN}?${'x'.repeat(10_000)}`);
    const big = await form('/api/v1/submit/', fd);
    assert.equal(big.status, 400);
    assert.match(big.data.message, /\burl\b.*at most/);
    const many = new FormData();
    for (let i = 0; i < 100; i++) many.append(`f${i}`, 'x');
    const crowded = await form('/api/v1/submit/', many);
    assert.equal(crowded.status, 400);
    assert.match(crowded.data.message, /fields/);
  });

  it('multipart without a boundary, or cut short, answers 400', async () => {
    const post = (type: string, body: string) => fetch(`${s.url}/api/v1/submit/`, { method: 'POST', headers: { authorization: key, 'content-type': type }, body })
      .then(async (r) => ({ status: r.status, data: await r.json() as any }));
    const bare = await post('multipart/form-data', 'url=x');
    assert.equal(bare.status, 400, JSON.stringify(bare.data));
    assert.match(bare.data.message, /boundary/i);
    const cut = await post('multipart/form-data; boundary=XX', '--XX\r\nContent-Disposition: form-data; name="url"\r\n\r\nhttps://www.pint');
    assert.equal(cut.status, 400, JSON.stringify(cut.data));
    assert.match(cut.data.message, /\burl\b is required/); // the cut-off field never arrived
  });
});
