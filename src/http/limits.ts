// Limits of the HTTP edge (README: Limits): a client that sends its headers or body too slowly, idles too long,
// or opens too many connections from one address is cut off, so slow or greedy clients cannot hold the server.
import type { IncomingMessage, Server } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/** Fastify's server options for the timeouts; `app.server` carries them, whoever listens. */
export function timeoutOptions(limits: Config['http']): Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'> & { http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number; requireHostHeader: boolean } } {
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    requestTimeout: limits.requestTimeoutMs, // headers and body together: the hard cap (a trickle: enforceMinBodyRate)
    keepAliveTimeout: limits.idleTimeoutMs, // between requests on a kept-alive connection
    connectionTimeout: limits.idleTimeoutMs, // no byte either way for this long, also mid-request
    http: {
      headersTimeout,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default): check often enough to keep them.
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
      requireHostHeader: false, // request-checks.ts refuses a missing Host with a body, which Node's refusal lacks
    },
  };
}

/** Destroys a new connection when its address already holds `max` open ones. */
export function boundConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) { socket.destroy(); return; }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left); else open.delete(address);
    });
  });
}

/**
 * Cuts off (408) a request whose body comes in slower than `minBytesPerSecond` once `graceMs` have passed, the
 * deadline moving on one second for each `minBytesPerSecond` bytes received (Apache's mod_reqtimeout MinRate): a
 * trickled body cannot hold a connection, while a large upload over a slow but steady link still lands.
 */
export function enforceMinBodyRate(server: Server, limits: Config['http']): void {
  const { bodyGraceMs: graceMs, minBodyBytesPerSecond: rate } = limits;
  if (rate <= 0) return;
  const pending = new Map<IncomingMessage, { start: number; bytesRead: number }>();
  server.on('request', (req: IncomingMessage) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody || req.complete) return;
    pending.set(req, { start: Date.now(), bytesRead: req.socket.bytesRead });
    req.once('close', () => pending.delete(req));
  });
  const check = setInterval(() => {
    const now = Date.now();
    for (const [req, at] of pending) {
      if (req.complete || req.socket.destroyed) { pending.delete(req); continue; }
      const received = req.socket.bytesRead - at.bytesRead;
      if (now - at.start <= graceMs + (received / rate) * 1000) continue;
      pending.delete(req);
      // Answered as Node answers its own request timeout: through the server's clientError handler (errors.ts).
      const err = Object.assign(new Error('request body too slow'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
      server.emit('clientError', err, req.socket);
    }
  }, Math.min(1000, graceMs));
  check.unref();
  server.once('close', () => clearInterval(check));
}
