import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/schema.js';
import { preparedQuery } from '../db/prepared.js';

/** The data version moves on with every committed write to a cached table (triggers, migrations 20261129020000 and 20261129060000). */
const dataVersionQuery = preparedQuery((db) => db.selectFrom('data_version').select('value').where('id', '=', 1));

export async function currentDataVersion(db: Executor): Promise<number> {
  const [row] = await dataVersionQuery(db, {});
  if (!row) throw new Error('data_version : ligne absente');
  return Number(row.value);
}

/** The data version of this request, read at most once (straight from SQLite when no transaction is open). */
export async function dataVersionOf(db: Executor, request: FastifyRequest): Promise<number> {
  request.dataVersion ??= request.server.committedDataVersion() ?? (await currentDataVersion(db));
  return request.dataVersion;
}

