// spec/corkboard.openapi.json is what scripts/gen-openapi.ts makes from the route table the server registers:
// stale, this fails (run npm run gen:openapi). And every route of the table is served with its documented body.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appOpenApiText } from '../src/http/app-api/openapi.js';
import { APP_ROUTES } from '../src/http/app-api/routes.js';
import { REPO_ROOT } from './helpers.js';

const committed = () => readFileSync(path.join(REPO_ROOT, 'spec', 'corkboard.openapi.json'), 'utf8');
const version = () => JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;

describe('spec/corkboard.openapi.json', () => {
  it('is up to date with the route table (npm run gen:openapi)', () => {
    assert.equal(committed(), appOpenApiText(version()), 'spec/corkboard.openapi.json is stale: run npm run gen:openapi and commit it');
  });

  it('is OpenAPI 3.1 with every route of the table, its operationId, and resolvable $refs', () => {
    const doc = JSON.parse(committed());
    assert.equal(doc.openapi, '3.1.0');
    for (const route of Object.values(APP_ROUTES)) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()]; // the document spells path parameters {name}
      assert.ok(op, `${route.method} ${route.path}`);
      assert.equal(op.operationId, route.operationId);
      assert.deepEqual(Object.keys(op.responses).map(Number).sort(), Object.keys(route.responses).map(Number).sort());
    }
    const refs = [...committed().matchAll(/"\$ref": "#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    assert.ok(refs.length > 0);
    for (const ref of refs) assert.ok(doc.components.schemas[ref], `$ref ${ref}`);
  });
});
