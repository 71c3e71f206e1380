// Runs the server: builds the context and app, listens, and shuts down gracefully on SIGTERM/SIGINT
// (stops accepting, lets in-flight requests finish, then closes the database). Settings that can only be checked
// against the machine (tool paths, the S3 endpoint) are checked first, so a mistake is reported at start.
import { checkEnvironment, type Config } from './config.js';
import { createContext } from './context.js';
import { buildApp } from './http/app.js';

export async function serve(config: Config): Promise<void> {
  await checkEnvironment(config);
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  let closing: Promise<void> | null = null;
  const shutdown = (signal: string) => {
    closing ??= (async () => {
      app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => { app.log.error('in-flight requests did not finish in 10 s; exiting'); process.exit(1); }, 10_000).unref();
      // A keep-alive connection whose request was in flight at close goes idle only afterwards; close such
      // connections as they go idle, or close() would wait on them until the force timer.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      try {
        await app.close(); // waits for in-flight requests
        await ctx.close();
      } finally {
        clearInterval(sweep);
        clearTimeout(force);
      }
    })();
    return closing;
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await ctx.close();
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // With --port 0 the default public URL learns its port only now.
  if (config.port === 0 && config.publicUrl.endsWith(':0')) config.publicUrl = config.publicUrl.replace(/:0$/, `:${port}`);
  // the line scripts wait for (CONTRACT.md)
  process.stdout.write(`listening on http://${host}:${port} (${ctx.database.describe})\n`);
}
