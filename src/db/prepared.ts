// Queries compiled once. Kysely builds and compiles a query's SQL on every call, which costs more than running
// the small indexed lookups of hot read paths; these compile on first use and then only swap their arguments.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

type Arg = string | number;

/**
 * `build` receives one placeholder per argument; each call runs the compiled SQL with the real arguments in
 * their places. Values `build` writes itself (constants) stay as compiled. Arguments must be scalars (no lists).
 */
export function prepared<A extends Arg[], R>(db: Kysely<any>, arity: A['length'], build: (...args: A) => Compilable<R>): (...args: A) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  let slots: number[] = [];
  return async (...args: A) => {
    if (!compiled) {
      const marks = Array.from({ length: arity }, (_, i) => `\u0000arg${i}\u0000`);
      const built = build(...(marks as A)).compile();
      const found = built.parameters.map((v) => marks.indexOf(v as string));
      const used = new Set(found);
      if (marks.some((_, i) => !used.has(i))) throw new Error('prepared: every argument must appear in the query as a value');
      compiled = built;
      slots = found;
    }
    const parameters = compiled.parameters.map((v, j) => (slots[j]! >= 0 ? args[slots[j]!] : v));
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
