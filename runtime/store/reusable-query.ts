/**
 * Queries on the webhook path, built and compiled by kysely once and then run with new values.
 *
 * Kysely builds an immutable operation tree and compiles it to SQL on every execution; for the
 * handful of small statements a webhook runs, that costs more than SQLite running them
 * (bench:runtime). The SQL of such a query never changes — only its values — so it is compiled
 * once with placeholder values, and each run swaps the real values in by position. The SQL is
 * still kysely's, compiled by the dialect in use, so this stays portable (PostgreSQL included).
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './database.ts';

/** Where each compiled parameter comes from: a named value, or a constant of the query. */
type Slot = { name: string } | { constant: unknown };

/** A placeholder is typed `never` so it fits any column a query puts it in. */
export type Placeholders<K extends string> = Readonly<Record<K, never>>;

export type ReusableQuery<K extends string, R> = (
  executor: Pick<Kysely<Database>, 'executeQuery'>,
  values: Readonly<Record<K, unknown>>,
) => Promise<QueryResult<R>>;

const marker = '\u0000flowcall-placeholder:';

/**
 * `build` receives one placeholder per name and returns the query; every name must be used.
 * Constants written into the query (`where('status', '=', 'live')`) stay as they are.
 */
export function reusableQuery<K extends string, R>(
  names: readonly K[],
  build: (values: Placeholders<K>) => Compilable<R>,
): ReusableQuery<K, R> {
  let compiled: { query: CompiledQuery<R>; slots: Slot[] } | undefined;
  const compile = () => {
    const placeholders = Object.fromEntries(names.map((name) => [name, `${marker}${name}`]));
    const query = build(placeholders as unknown as Placeholders<K>).compile();
    const slots = query.parameters.map(
      (value): Slot =>
        typeof value === 'string' && value.startsWith(marker)
          ? { name: value.slice(marker.length) }
          : { constant: value },
    );
    const unused = names.filter((name) => !slots.some((slot) => 'name' in slot && slot.name === name));
    if (unused.length > 0) throw new Error(`reusable query does not use ${unused.join(', ')}: ${query.sql}`);
    return { query, slots };
  };
  return async (executor, values) => {
    compiled ??= compile();
    const record = values as Record<string, unknown>;
    const parameters = compiled.slots.map((slot) => ('name' in slot ? record[slot.name] : slot.constant));
    return executor.executeQuery({ ...compiled.query, parameters });
  };
}
