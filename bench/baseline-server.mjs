// The baseline: the cheapest possible Node HTTP server answering the same bytes as Corkboard, so the
// ratio shows what the framework, auth, rate limiting and database cost on top of plain node:http.
// Plain .mjs (not tsx) so its RSS is Node's own. Body and content type come from the environment.
import http from 'node:http';

const body = Buffer.from(process.env.BASELINE_BODY ?? '');
const headers = { 'content-type': process.env.BASELINE_CONTENT_TYPE ?? 'application/json; charset=utf-8', 'content-length': body.length };
const status = Number(process.env.BASELINE_STATUS ?? 200);

const server = http.createServer((req, res) => {
  // Drain any request body (future POST scenarios) before answering, as a real server must.
  req.resume();
  req.on('end', () => { res.writeHead(status, headers); res.end(body); });
});
// Node's default keep-alive timeout (5 s) is shorter than Corkboard's; keep connections open the whole run.
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
