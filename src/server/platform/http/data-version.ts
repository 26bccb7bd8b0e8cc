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

/**
 * One read of the data version shared by every request that asked for it before the read started
 * (ADR 0020). A request must see every write acknowledged before it arrived; a read that starts after
 * it asked does, so the requests handled in one turn of the event loop share a read made once they
 * have all asked, at the end of that turn, instead of one read each.
 */
export class SharedVersionRead {
  private next: Promise<number> | null = null;

  constructor(private readonly read: () => number | Promise<number>) {}

  version(): Promise<number> {
    this.next ??= new Promise<number>((resolve, reject) => {
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

/** The data version of this request, read at most once (see SharedVersionRead). */
export async function dataVersionOf(request: FastifyRequest): Promise<number> {
  request.dataVersion ??= await request.server.versionReads.version();
  return request.dataVersion;
}
