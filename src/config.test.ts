// Configuration: CONTRACT.md's defaults, the rate-limit overrides, and a ConfigError naming the variable for bad values.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';

/** Asserts loadConfig(env) throws a ConfigError whose message names `variable`. */
function assertRefused(env: Record<string, string>, variable: string): void {
  assert.throws(() => loadConfig(env), (err: unknown) => {
    assert.ok(err instanceof ConfigError, `${JSON.stringify(env)}: expected ConfigError, got ${String(err)}`);
    assert.ok(err.message.includes(variable), `${JSON.stringify(env)}: message ${JSON.stringify(err.message)} does not name ${variable}`);
    return true;
  });
}

describe('loadConfig', () => {
  it('has the defaults of CONTRACT.md', () => {
    const c = loadConfig({});
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 8080);
    assert.equal(c.publicUrl, 'http://127.0.0.1:8080');
    assert.equal(c.dataDir, path.resolve('./data'));
    assert.equal(c.databaseUrl, null);
    assert.equal(c.allowPrivateNetworks, false);
    assert.equal(c.pinterestUpstream, 'https://api.pinterest.com');
    assert.deepEqual(c.storage, { kind: 'fs', root: path.join(path.resolve('./data'), 'media') });
    assert.equal(c.logLevel, 'info');
  });

  it('has Pinterest token lifetimes and per-category rate limits by default', () => {
    const c = loadConfig({});
    assert.deepEqual(c.tokens, { accessTtlSeconds: 30 * 86400, refreshTtlSeconds: 60 * 86400, authCodeTtlSeconds: 600 });
    assert.equal(c.rateLimits.windowSeconds, 60);
    assert.equal(c.rateLimits.perCategory.org_read, 1000);
    assert.equal(c.rateLimits.perCategory.org_write, 300);
    assert.equal(c.rateLimits.perCategory.default, 1000);
  });

  it('reads CORKBOARD_TRUST_PROXY as a hop count or addresses and ranges, and trusts none by default', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ CORKBOARD_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ CORKBOARD_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy, ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    for (const bad of ['true', 'proxy.local', '10.0.0.0/33', '::1/129', '1.2.3.4/8/8', '0']) assertRefused({ CORKBOARD_TRUST_PROXY: bad }, 'CORKBOARD_TRUST_PROXY');
  });

  it('treats empty variables as unset', () => {
    const c = loadConfig({ PORT: '', HOST: '', CORKBOARD_DATA_DIR: '', CORKBOARD_DATABASE_URL: '', CORKBOARD_RATE_LIMIT_ORG_READ: '', CORKBOARD_ALLOW_PRIVATE_NETWORKS: '' });
    assert.equal(c.port, 8080);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.databaseUrl, null);
    assert.equal(c.rateLimits.perCategory.org_read, 1000);
    assert.equal(c.allowPrivateNetworks, false);
  });

  it('reads the rate-limit overrides, one category at a time', () => {
    const c = loadConfig({ CORKBOARD_RATE_LIMIT_ORG_READ: '3', CORKBOARD_RATE_LIMIT_ORG_WRITE: '7', CORKBOARD_RATE_LIMIT_WINDOW: '5' });
    assert.equal(c.rateLimits.perCategory.org_read, 3);
    assert.equal(c.rateLimits.perCategory.org_write, 7);
    assert.equal(c.rateLimits.perCategory.ads_read, 1000);
    assert.equal(c.rateLimits.perCategory.org_analytics, 300);
    assert.equal(c.rateLimits.windowSeconds, 5);
    // the defaults object is not shared between loads
    assert.equal(loadConfig({}).rateLimits.perCategory.org_read, 1000);
  });

  it('reads the listen address, data dir, database and the rest', () => {
    const c = loadConfig({
      PORT: '9090', HOST: '0.0.0.0', CORKBOARD_DATA_DIR: '/tmp/cb-data', CORKBOARD_DATABASE_URL: 'postgres://u:p@db:5432/cb',
      CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'yes', CORKBOARD_PINTEREST_UPSTREAM: 'http://127.0.0.1:9999/',
      CORKBOARD_ACCESS_TOKEN_TTL: '1', CORKBOARD_REFRESH_TOKEN_TTL: '2', CORKBOARD_AUTH_CODE_TTL: '3', CORKBOARD_LOG_LEVEL: 'warn',
    });
    assert.equal(c.port, 9090);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.publicUrl, 'http://127.0.0.1:9090'); // 0.0.0.0 is no address to hand out
    assert.equal(c.dataDir, '/tmp/cb-data');
    assert.deepEqual(c.storage, { kind: 'fs', root: '/tmp/cb-data/media' });
    assert.equal(c.databaseUrl, 'postgres://u:p@db:5432/cb');
    assert.equal(c.allowPrivateNetworks, true);
    assert.equal(c.pinterestUpstream, 'http://127.0.0.1:9999');
    assert.deepEqual(c.tokens, { accessTtlSeconds: 1, refreshTtlSeconds: 2, authCodeTtlSeconds: 3 });
    assert.equal(c.logLevel, 'warn');
    assert.equal(loadConfig({ CORKBOARD_DATABASE_URL: 'postgresql://h/db' }).databaseUrl, 'postgresql://h/db');
  });

  it('brackets an IPv6 host in the public URL, and CORKBOARD_PUBLIC_URL wins without its trailing slash', () => {
    assert.equal(loadConfig({ HOST: '::1', PORT: '8081' }).publicUrl, 'http://[::1]:8081');
    assert.equal(loadConfig({ CORKBOARD_PUBLIC_URL: 'https://pins.example.org/' }).publicUrl, 'https://pins.example.org');
  });

  it('lets the CLI overrides win over the environment; port 0 is allowed', () => {
    const c = loadConfig({ PORT: '9090', HOST: '0.0.0.0', CORKBOARD_DATA_DIR: '/tmp/a' }, { port: 0, host: '127.0.0.1', dataDir: '/tmp/b' });
    assert.equal(c.port, 0);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.dataDir, '/tmp/b');
    assert.equal(loadConfig({ PORT: '0' }).port, 0);
  });

  it('configures S3 storage from CORKBOARD_S3_* and AWS credentials', () => {
    const c = loadConfig({ CORKBOARD_S3_BUCKET: 'media', CORKBOARD_S3_ENDPOINT: 'http://127.0.0.1:4568', AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's' });
    assert.deepEqual(c.storage, { kind: 's3', bucket: 'media', region: 'us-east-1', endpoint: 'http://127.0.0.1:4568', credentials: { accessKeyId: 'k', secretAccessKey: 's' } });
    const chain = loadConfig({ CORKBOARD_S3_BUCKET: 'media', CORKBOARD_S3_REGION: 'eu-west-3' });
    assert.deepEqual(chain.storage, { kind: 's3', bucket: 'media', region: 'eu-west-3' }); // no credentials: the SDK's chain
  });

  const invalid: Array<[Record<string, string>, string]> = [
    [{ CORKBOARD_RATE_LIMIT_ORG_READ: 'abc' }, 'CORKBOARD_RATE_LIMIT_ORG_READ'],
    [{ CORKBOARD_RATE_LIMIT_ORG_READ: '0' }, 'CORKBOARD_RATE_LIMIT_ORG_READ'],
    [{ CORKBOARD_RATE_LIMIT_ORG_READ: '-1' }, 'CORKBOARD_RATE_LIMIT_ORG_READ'],
    [{ CORKBOARD_RATE_LIMIT_ORG_READ: '1.5' }, 'CORKBOARD_RATE_LIMIT_ORG_READ'],
    [{ CORKBOARD_RATE_LIMIT_ORG_READ: ' 3' }, 'CORKBOARD_RATE_LIMIT_ORG_READ'],
    [{ CORKBOARD_RATE_LIMIT_ADS_WRITE: '1e3' }, 'CORKBOARD_RATE_LIMIT_ADS_WRITE'],
    [{ CORKBOARD_RATE_LIMIT_WINDOW: '0' }, 'CORKBOARD_RATE_LIMIT_WINDOW'],
    [{ PORT: 'http' }, 'PORT'],
    [{ PORT: '65536' }, 'PORT'],
    [{ PORT: '-80' }, 'PORT'],
    [{ CORKBOARD_ACCESS_TOKEN_TTL: '0' }, 'CORKBOARD_ACCESS_TOKEN_TTL'],
    [{ CORKBOARD_REFRESH_TOKEN_TTL: 'forever' }, 'CORKBOARD_REFRESH_TOKEN_TTL'],
    [{ CORKBOARD_AUTH_CODE_TTL: '10m' }, 'CORKBOARD_AUTH_CODE_TTL'],
    [{ CORKBOARD_DATABASE_URL: 'mysql://localhost/cb' }, 'CORKBOARD_DATABASE_URL'],
    [{ CORKBOARD_DATABASE_URL: '/var/lib/cb.sqlite' }, 'CORKBOARD_DATABASE_URL'],
    [{ CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'maybe' }, 'CORKBOARD_ALLOW_PRIVATE_NETWORKS'],
    [{ CORKBOARD_PUBLIC_URL: 'not a url' }, 'CORKBOARD_PUBLIC_URL'],
    [{ CORKBOARD_PUBLIC_URL: 'ftp://files.example.org' }, 'CORKBOARD_PUBLIC_URL'],
    [{ CORKBOARD_PINTEREST_UPSTREAM: 'api.pinterest.com' }, 'CORKBOARD_PINTEREST_UPSTREAM'],
    [{ CORKBOARD_S3_BUCKET: 'b', CORKBOARD_S3_ENDPOINT: 'localhost:4568' }, 'CORKBOARD_S3_ENDPOINT'],
    [{ CORKBOARD_LOG_LEVEL: 'verbose' }, 'CORKBOARD_LOG_LEVEL'],
    [{ CORKBOARD_LOG_LEVEL: 'INFO' }, 'CORKBOARD_LOG_LEVEL'],
  ];
  for (const [env, variable] of invalid) {
    it(`refuses ${JSON.stringify(env)} with a ConfigError naming ${variable}`, () => assertRefused(env, variable));
  }

  it('refuses a data directory that is a file, naming the setting', () => {
    const file = fileURLToPath(import.meta.url);
    assertRefused({ CORKBOARD_DATA_DIR: file }, 'CORKBOARD_DATA_DIR');
    assert.throws(() => loadConfig({}, { dataDir: file }), /--data .* is a file, not a directory/);
  });

  it('names the bad value too', () => {
    assert.throws(() => loadConfig({ CORKBOARD_RATE_LIMIT_ORG_READ: 'lots' }), /"lots"/);
  });
});
