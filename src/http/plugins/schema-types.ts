// What JSON types a route's schema allows for one field, for the edge checks that read schemas themselves.

export interface PropertySchema { type?: string | string[]; anyOf?: PropertySchema[] }

/** Every type the field's schema names, through anyOf (TypeBox unions and Nullable); [] when it says none. */
export function schemaTypes(schema: PropertySchema | undefined): string[] {
  if (!schema) return [];
  const own = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return [...own, ...(schema.anyOf ?? []).flatMap(schemaTypes)];
}
