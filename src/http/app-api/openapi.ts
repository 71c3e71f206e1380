// The OpenAPI 3.1 document of /api/app/, built from the route table and its TypeBox schemas (routes.ts). Named
// schemas (schemas.ts NAMED_SCHEMAS) become components and are referenced by $ref wherever they appear.
import type { TSchema } from '@sinclair/typebox';
import { APP_ROUTES, type AppRoute } from './routes.js';
import { NAMED_SCHEMAS } from './schemas.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const names = new Map<unknown, string>(Object.entries(NAMED_SCHEMAS).map(([name, schema]) => [schema, name]));

/** Plain JSON Schema (TypeBox's symbol keys dropped), with named schemas below the top as $refs. */
function plain(value: unknown, top = true): Json {
  if (!top && names.has(value)) return { $ref: `#/components/schemas/${names.get(value)}` };
  if (Array.isArray(value)) return value.map((v) => plain(v, false));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, false)]));
  }
  return value as Json;
}

const json = (schema: TSchema) => ({ 'application/json': { schema: plain(schema, false) } });

/** Path and query parameters from the route's object schemas. */
function parameters(route: AppRoute) {
  const list = (where: 'path' | 'query', schema?: TSchema) => Object.entries((schema?.properties ?? {}) as Record<string, TSchema>).map(([name, s]) => ({
    name, in: where, required: where === 'path' || ((schema?.required ?? []) as string[]).includes(name),
    ...(s.description ? { description: s.description } : {}), schema: plain(s, false),
  }));
  const all = [...list('path', route.params), ...list('query', route.query)];
  return all.length ? { parameters: all } : {};
}

function operation(route: AppRoute) {
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.csrf ? [{ csrf_header: [] }] : [],
    ...parameters(route),
    ...(route.body ? { requestBody: { required: true, content: json(route.body) } } : {}),
    responses: Object.fromEntries(Object.entries(route.responses).map(([status, r]) => [status, {
      description: r.description,
      ...(r.schema ? { content: json(r.schema) } : {}),
    }])),
  };
}

export function appOpenApi(version: string): Json {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(APP_ROUTES) as AppRoute[]) {
    (paths[route.path.replace(/:(\w+)/g, '{$1}')] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return plain({
    openapi: '3.1.0',
    info: {
      title: 'Corkboard app API',
      version,
      description: "Corkboard's own JSON API for its web app: sessions, accounts and what /v5 has no operation for. Errors are {code, message}. "
        + 'The browser session is the HttpOnly cb_session cookie; every state-changing request also needs the '
        + 'X-CSRF-Token header equal to the cb_csrf cookie (GET /api/app/session gives its value) and a same-site request.',
    },
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(NAMED_SCHEMAS).map(([name, schema]) => [name, plain(schema)])),
      securitySchemes: {
        session_cookie: { type: 'apiKey', in: 'cookie', name: 'cb_session', description: 'Set by signup and login.' },
        csrf_header: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'Equal to the cb_csrf cookie.' },
      },
    },
  });
}

/** The committed file's text: what scripts/gen-openapi.ts writes and the staleness test compares. */
export function appOpenApiText(version: string): string {
  return `${JSON.stringify(appOpenApi(version), null, 2)}\n`;
}
