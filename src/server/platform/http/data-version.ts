import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/schema.js';
import { sql } from 'kysely';
import { TableVersionsMemo, VERSIONS_SQL_BEFORE_PARAMETER, versionsFromRows, type DataVersions } from '../db/versions.js';

export type { DataVersions };

/** The committed versions, in one statement; with a memo, the table versions come back only when `data` moved. */
export async function currentVersions(db: Executor, memo = new TableVersionsMemo()): Promise<DataVersions> {
  const known = memo.known;
  const rows = await sql<{ name: string; value: number | bigint }>`${sql.raw(VERSIONS_SQL_BEFORE_PARAMETER)} ${known?.data ?? -1}`.execute(db);
  return memo.remember(versionsFromRows(rows.rows, known));
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

/** The version callers (session or token → who they are, their rights) are kept under. */
export const callerVersionOf = async (request: FastifyRequest): Promise<number> => (await versionsOf(request)).callers;
