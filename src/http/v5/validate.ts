// Checks that go beyond one JSON schema per route: a discriminated body part, and comma-or-repeat lists.
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { errors } from '../../lib/api-error.js';

/** Validates `value` against `schema`; 400 naming the first failing field under `field`. */
export function check<T>(schema: TSchema, value: unknown, field: string): T {
  const first = Value.Errors(schema, value).First();
  if (first) {
    const at = `${field}${first.path.replace(/\//g, '.')}`;
    throw errors.invalid(`Invalid parameters: ${at} ${first.message.toLowerCase()}.`);
  }
  return value as T;
}

/** Query lists arrive as repeated parameters or comma-separated; every value must be one of `allowed`. */
export function enumList<T extends string>(raw: string[] | undefined, allowed: readonly T[], field: string): T[] | undefined {
  if (!raw) return undefined;
  const values = raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const bad = values.filter((v) => !allowed.includes(v as T));
  if (bad.length) throw errors.invalid(`Invalid parameters: ${field} has unknown values ${bad.join(', ')} (allowed: ${allowed.join(', ')}).`);
  return values as T[];
}
