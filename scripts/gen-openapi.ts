// Writes spec/corkboard.openapi.json, the OpenAPI document of Corkboard's own JSON API (/api/app/), from the
// route table and TypeBox schemas the server registers (src/http/app-api/). Usage: npm run gen:openapi
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appOpenApiText } from '../src/http/app-api/openapi.js';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'));
const out = fileURLToPath(new URL('../spec/corkboard.openapi.json', import.meta.url));
writeFileSync(out, appOpenApiText(pkg.version));
console.log(`wrote ${out}`);
