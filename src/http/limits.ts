// Limits of the HTTP edge (README: Limits): a client that sends its headers or body too slowly, idles too long,
// or opens too many connections from one address is cut off, so slow or greedy clients cannot hold the server.
import type { Server } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/** Fastify's server options for the timeouts; `app.server` carries them, whoever listens. */
export function timeoutOptions(limits: Config['http']): Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'> & { http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number; requireHostHeader: boolean } } {
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    requestTimeout: limits.requestTimeoutMs, // headers and body together: a trickled body is cut off (408)
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
