// JSON request bodies are typed: they are validated without coercion, so "name": true or "is_ads_only": null is
// refused with the field named instead of being turned into "true" or false. Query strings, path parameters and
// form bodies are text, so their values are still read as the schema's types ("25" -> 25, "true" -> true).
import { AjvCompiler } from '@fastify/ajv-compiler'; // Fastify's own compiler (a dependency of fastify)
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { schemaTypes, type PropertySchema } from './schema-types.js';

type ValidatorFactory = NonNullable<NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']>;
type Compile = (route: { schema: unknown; httpPart?: string }) => unknown;
type AjvOptions = { customOptions?: Record<string, unknown> };

const fromPool = AjvCompiler() as unknown as (externalSchemas: unknown, options: AjvOptions) => Compile;

/** Fastify's buildValidator: the server's Ajv options everywhere, except that bodies are never coerced. */
export const buildValidator = ((externalSchemas: unknown, options: AjvOptions = {}): Compile => {
  const coercing = fromPool(externalSchemas, options);
  const strict = fromPool(externalSchemas, { ...options, customOptions: { ...options.customOptions, coerceTypes: false } });
  return (route) => (route.httpPart === 'body' ? strict : coercing)(route);
}) as unknown as ValidatorFactory;


/** A form field's text as the type its schema asks for, when it reads as one; otherwise unchanged. */
function fromText(value: string, schema: PropertySchema | undefined): unknown {
  const wanted = schemaTypes(schema);
  if (wanted.includes('string')) return value;
  if (wanted.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if ((wanted.includes('integer') || wanted.includes('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

export function registerFormBodyTypes(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const body = req.body as Record<string, unknown> | null | undefined;
    if (!body || typeof body !== 'object' || !req.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return done();
    const properties = (req.routeOptions.schema?.body as { properties?: Record<string, PropertySchema> } | undefined)?.properties;
    if (properties) {
      for (const [key, value] of Object.entries(body)) {
        if (typeof value === 'string') body[key] = fromText(value, properties[key]);
      }
    }
    done();
  });
}
