#!/usr/bin/env node
// The CLI entry point: the compiled TypeScript lives in dist/ (built by `npm ci` through `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { if (typeof code === 'number') process.exitCode = code; },
  (err) => { process.stderr.write(`corkboard: ${err?.message ?? err}\n`); process.exitCode = 1; },
);
