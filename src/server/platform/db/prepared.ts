import type { Compilable, CompiledQuery } from 'kysely';
import type { Db, Executor } from './schema.js';
import { isPostgres } from './dialect.js';

/** Stands for a named value in the query built once; replaced by the value of each run. */
const PLACEHOLDER = '\u0000pilote-parameter:';

type Template = { sql: string; query: CompiledQuery['query']; queryId: CompiledQuery['queryId']; slots: (string | { constant: unknown })[] };

/**
 * A query built and compiled once per engine, then run with new parameter values. On the paths every
 * request takes (who is calling, which data version), building and compiling the same few queries
 * cost more than SQLite took to run them. The SQL is the one Kysely writes for the engine; values are
 * always bound, never spliced into the text.
 */
export function preparedQuery<Row, Name extends string>(build: (db: Db, parameter: (name: Name) => never) => Compilable<Row>) {
  const templates = new Map<boolean, Template>();
  const templateFor = (db: Executor): Template => {
    const postgres = isPostgres(db);
    let template = templates.get(postgres);
    if (!template) {
      const compiled = build(db as Db, (name) => `${PLACEHOLDER}${name}` as never).compile();
      const slots = compiled.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(PLACEHOLDER) ? value.slice(PLACEHOLDER.length) : { constant: value },
      );
      template = { sql: compiled.sql, query: compiled.query, queryId: compiled.queryId, slots };
      templates.set(postgres, template);
    }
    return template;
  };
  return async (db: Executor, values: Record<Name, unknown>): Promise<Row[]> => {
    const { sql, query, queryId, slots } = templateFor(db);
    const parameters = slots.map((slot) => (typeof slot === 'string' ? values[slot as Name] : slot.constant));
    const result = await db.executeQuery<Row>({ sql, query, queryId, parameters });
    return result.rows;
  };
}
