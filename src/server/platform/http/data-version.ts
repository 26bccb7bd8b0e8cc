import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/schema.js';
import { sql } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import { countersFromRows, tablesFromRows, TableVersionsMemo, type DataVersions } from '../db/versions.js';

export type { DataVersions };

/**
 * The two counters (named '1' and '2') and, only when row 1 is no longer the one known, every table
 * version: one statement, one snapshot, one round trip to PostgreSQL.
 */
const versionsQuery = preparedQuery<{ name: string; value: number | bigint }, 'known'>((db, value) =>
  db
    .selectFrom('data_version')
    .select([sql<string>`cast(id as text)`.as('name'), 'value'])
    .where('id', 'in', [1, 2])
    .unionAll(db.selectFrom('table_version').select(['name', 'value']).where(sql`(select value from data_version where id = 1)`, '<>', value('known'))),
);

/** The committed versions; with a memo, the table versions come back only when `data` moved. */
export async function currentVersions(db: Executor, memo = new TableVersionsMemo()): Promise<DataVersions> {
  const known = memo.known;
  const rows = await versionsQuery(db, { known: known?.data ?? -1 });
  const isCounter = (row: { name: string }) => row.name === '1' || row.name === '2';
  const counters = countersFromRows(rows.filter(isCounter).map((row) => ({ id: Number(row.name), value: row.value })));
  const tableRows = rows.filter((row) => !isCounter(row));
  // No table rows: row 1 still had the known value, whose tables the memo holds (none known: none read).
  const tables = tableRows.length > 0 || !known ? tablesFromRows(tableRows) : known.tables;
  return memo.remember({ ...counters, tables });
}

export async function currentDataVersion(db: Executor): Promise<number> {
  return (await currentVersions(db)).data;
}

/**
 * One read of the data version shared by every request that asked for it before the read started
 * (ADR 0020). A request must see every write acknowledged before it arrived; a read that starts after
 * it asked does, so the requests handled in one turn of the event loop share a read made once they
 * have all asked, at the end of that turn, instead of one read each.
 */
export class SharedVersionRead<T = DataVersions> {
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => T | Promise<T>) {}

  version(): Promise<T> {
    this.next ??= new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        // Whoever asks from now on joins the next read: this one may start before they asked.
        this.next = null;
        try {
          resolve(this.read());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    return this.next;
  }
}

/** The versions of this request, read at most once (see SharedVersionRead). */
export async function versionsOf(request: FastifyRequest): Promise<DataVersions> {
  request.versions ??= await request.server.versionReads.version();
  return request.versions;
}

/** The version cached answers are kept under. */
export const dataVersionOf = async (request: FastifyRequest): Promise<number> => (await versionsOf(request)).data;

/** The version callers (session or token → who they are, their rights) are kept under. */
export const callerVersionOf = async (request: FastifyRequest): Promise<number> => (await versionsOf(request)).callers;
