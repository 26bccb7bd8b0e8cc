import type { Executor, ReviewTable } from '../platform/db/schema.js';

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

export const findReview = (db: Executor, id: number) => db.selectFrom('review').selectAll().where('id', '=', id).executeTakeFirst();

export const listReviews = (db: Executor, conventionId: number) =>
  db.selectFrom('review').selectAll().where('convention_id', '=', conventionId).orderBy('year', 'desc').orderBy('kind').execute();

export const findReviewOf = (db: Executor, conventionId: number, kind: string, year: number) =>
  db.selectFrom('review').select('id').where('convention_id', '=', conventionId).where('kind', '=', kind).where('year', '=', year).executeTakeFirst();

export async function insertReview(db: Executor, values: Omit<ReviewTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('review').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Only a draft can change: a validated review is never written again. */
export async function updateDraftReview(db: Executor, id: number, version: number, changes: Partial<Omit<ReviewTable, 'id' | 'version'>>) {
  const result = await db
    .updateTable('review')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'brouillon')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
