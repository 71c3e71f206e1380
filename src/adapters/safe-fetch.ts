// Server-side HTTP(S) fetches of URLs that clients name (image_url, downloads). Every hop is checked before
// connecting: http(s) only, and, unless private networks are allowed, the address the name resolves to must be
// public. The connection is made to the address that was checked (no second DNS lookup an attacker could
// change), redirects are followed by hand and re-checked, and bodies are capped in size and time.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { ipv6Groups } from '../lib/ip-address.js';

/** The fetch was refused or failed; `message` says why in words a client can act on. */
export class FetchRefused extends Error {}

export interface SafeFetchOptions {
  /** Which resolved addresses may be connected to; public ones only unless private networks are allowed. */
  allowAddress: (address: string) => boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
}

export interface FetchedResponse { status: number; url: string; contentType: string | null; body: Buffer }

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
// Inside global unicast (2000::/3), the parts that are not public: IETF protocol assignments (Teredo 2001::/32,
// which tunnels to any IPv4 address, benchmarking, ORCHID) and the documentation ranges. 6to4 is judged below.
for (const [net, prefix] of [['2001::', 23], ['2001:db8::', 32], ['3fff::', 20]] as const) blocked.addSubnet(net, prefix, 'ipv6');

const quadAt = (g: number[], i: number) => `${g[i]! >> 8}.${g[i]! & 255}.${g[i + 1]! >> 8}.${g[i + 1]! & 255}`;
const zero = (g: number[], from: number, to: number) => g.slice(from, to).every((x) => x === 0);

/**
 * The IPv4 address an IPv6 one carries, whose reachability it has: IPv4-compatible ::a.b.c.d (:: and ::1 among
 * them, as 0.0.0.x), IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, NAT64 64:ff9b::a.b.c.d and
 * 6to4 2002:aabb:ccdd::/48. Null for other addresses.
 */
function embeddedIpv4(g: number[]): string | null {
  if (zero(g, 0, 5) && (g[5] === 0 || g[5] === 0xffff)) return quadAt(g, 6);
  if (zero(g, 0, 4) && g[4] === 0xffff && g[5] === 0) return quadAt(g, 6);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(g, 2, 6)) return quadAt(g, 6);
  if (g[0] === 0x2002) return quadAt(g, 1);
  return null;
}

/**
 * Whether an address (IPv4, or IPv6 in any written form) is on the public internet. IPv6 outside global unicast
 * 2000::/3 is not: unspecified, loopback, unique-local fc00::/7, link-local fe80::/10, site-local, multicast
 * ff00::/8, discard 100::/64, local-use NAT64 64:ff9b:1::/48; addresses carrying an IPv4 address are judged by it.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 4) return !blocked.check(address, 'ipv4');
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const v4 = embeddedIpv4(groups);
  if (v4) return !blocked.check(v4, 'ipv4');
  return (groups[0]! & 0xe000) === 0x2000 && !blocked.check(address.split('%')[0]!, 'ipv6');
}

export const allowPublicOnly = isPublicAddress;
export const allowAny = () => true;

/** dns.lookup that refuses names resolving to any address the policy does not allow. */
export function guardedLookup(allowAddress: (address: string) => boolean, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(new FetchRefused(`the host ${hostname} could not be resolved`), '', 4);
      const bad = addresses.find((a) => !allowAddress(a.address));
      if (bad) return callback(new FetchRefused(`the host ${hostname} is on a private network`), '', 4);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** The URL to fetch, or FetchRefused: http(s), no credentials, and an address literal the policy allows. */
export function checkUrl(raw: string, allowAddress: (address: string) => boolean): URL {
  let url: URL;
  try { url = new URL(raw); } catch { throw new FetchRefused('it is not a valid URL'); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused('only http and https URLs can be fetched');
  if (url.username || url.password) throw new FetchRefused('URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address literal is never looked up, so it is checked here; names are checked as they resolve.
  if (isIP(host) && !allowAddress(host)) throw new FetchRefused(`the address ${host} is on a private network`);
  return url;
}

export interface OpenOptions extends SafeFetchOptions {
  method?: 'GET' | 'HEAD' | 'POST';
  body?: Buffer;
  /** false: answer a redirect itself (its Location is checked by whoever follows it). */
  followRedirects?: boolean;
}

export interface OpenedResponse { status: number; url: string; headers: IncomingHttpHeaders; body: IncomingMessage }

/**
 * Connections are kept alive and reused, one pool per address policy: a socket was connected to an address
 * its policy allowed (the guarded lookup runs for every new connection), so it is only ever reused under that
 * same policy. Idle sockets do not keep the process alive.
 */
const pools = new WeakMap<(address: string) => boolean, { http: http.Agent; https: https.Agent }>();

function agentFor(url: URL, allowAddress: (address: string) => boolean): http.Agent {
  let pool = pools.get(allowAddress);
  if (!pool) pools.set(allowAddress, pool = { http: new http.Agent({ keepAlive: true, maxSockets: 32 }), https: new https.Agent({ keepAlive: true, maxSockets: 32 }) });
  return url.protocol === 'https:' ? pool.https : pool.http;
}

function requestOnce(url: URL, opts: OpenOptions, signal: AbortSignal, fresh = false): Promise<IncomingMessage> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, {
      method: opts.method ?? 'GET', signal, lookup: guardedLookup(opts.allowAddress), agent: fresh ? false : agentFor(url, opts.allowAddress),
      headers: { 'user-agent': 'Corkboard', accept: '*/*', ...opts.headers },
    }, resolve);
    req.on('error', (err: NodeJS.ErrnoException) => {
      // The server may close an idle kept-alive connection just as it is reused: try once more on a new one.
      if (req.reusedSocket && !fresh && (err.code === 'ECONNRESET' || err.code === 'EPIPE') && !signal.aborted) resolve(requestOnce(url, opts, signal, true));
      else reject(err);
    });
    req.end(opts.body);
  });
}

function reason(err: unknown, signal: AbortSignal, timeoutMs: number): FetchRefused {
  if (err instanceof FetchRefused) return err;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof FetchRefused) return cause;
  if (signal.aborted) return new FetchRefused(`it did not answer within ${timeoutMs / 1000} seconds`);
  return new FetchRefused(`it could not be reached (${(err as Error).message})`);
}

/**
 * Opens `raw` and answers once the headers are in, following up to `maxRedirects` redirects (each re-checked).
 * The body streams; `timeoutMs` bounds the whole exchange, body included. Throws FetchRefused with a reason.
 */
export async function safeOpen(raw: string, opts: OpenOptions): Promise<OpenedResponse> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let url = checkUrl(raw, opts.allowAddress);
  for (let hop = 0; ; hop++) {
    let res: IncomingMessage;
    try { res = await requestOnce(url, opts, signal); } catch (err) { throw reason(err, signal, opts.timeoutMs); }
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status < 300 || status >= 400 || !location || opts.followRedirects === false) {
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > opts.maxBytes && opts.method !== 'HEAD') { res.destroy(); throw new FetchRefused(`the body is larger than ${opts.maxBytes} bytes`); }
      res.on('error', () => { /* reported to whoever reads the body */ });
      return { status, url: url.toString(), headers: res.headers, body: res };
    }
    res.resume();
    if (hop >= (opts.maxRedirects ?? 5)) throw new FetchRefused('it redirects too many times');
    url = checkUrl(new URL(location, url).toString(), opts.allowAddress);
  }
}

/** A stream stage that fails once more than `max` bytes went through it. */
export function byteCap(max: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > max ? new FetchRefused(`the body is larger than ${max} bytes`) : null, chunk);
    },
  });
}

/** GETs `raw` into memory (at most maxBytes). */
export async function safeFetch(raw: string, opts: SafeFetchOptions): Promise<FetchedResponse> {
  const res = await safeOpen(raw, opts);
  const chunks: Buffer[] = [];
  try {
    const capped = res.body.pipe(byteCap(opts.maxBytes));
    res.body.on('error', (err) => capped.destroy(err)); // pipe() does not pass a source's error on
    for await (const chunk of capped) chunks.push(chunk as Buffer);
  } catch (err) {
    res.body.destroy();
    throw err instanceof FetchRefused ? err : new FetchRefused(`the body could not be read (${(err as Error).message})`);
  }
  return { status: res.status, url: res.url, contentType: res.headers['content-type'] ?? null, body: Buffer.concat(chunks) };
}
