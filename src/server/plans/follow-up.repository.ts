import type { ActionDocumentTable, ActionNoteTable, Executor } from '../platform/db/schema.js';

export const listNotes = (db: Executor, actionId: number) =>
  db.selectFrom('action_note').selectAll().where('action_id', '=', actionId).orderBy('date', 'desc').orderBy('id', 'desc').execute();

/** The stored note, read back by the insert itself. */
export const insertNote = (db: Executor, values: Omit<ActionNoteTable, 'id'>) => db.insertInto('action_note').values(values).returningAll().executeTakeFirstOrThrow();

/** Latest note date per action of a convention (the dashboard's « sans note depuis 12 mois »). */
export const latestNoteDates = (db: Executor, conventionId: number) =>
  db
    .selectFrom('action_note as n')
    .innerJoin('action as a', 'a.id', 'n.action_id')
    .select(['n.action_id', (eb) => eb.fn.max('n.date').as('latest')])
    .where('a.convention_id', '=', conventionId)
    .groupBy('n.action_id')
    .execute();

const documentColumns = ['id', 'action_id', 'filename', 'media_type', 'size', 'uploaded_by', 'uploaded_at'] as const;

export const listDocuments = (db: Executor, actionId: number) =>
  db.selectFrom('action_document').select(documentColumns).where('action_id', '=', actionId).orderBy('id').execute();

export const findDocument = (db: Executor, id: number) =>
  db.selectFrom('action_document').select(documentColumns).where('id', '=', id).executeTakeFirst();

export const findDocumentContent = (db: Executor, id: number) =>
  db.selectFrom('action_document').select(['filename', 'media_type', 'content']).where('id', '=', id).executeTakeFirst();

export async function insertDocument(db: Executor, values: Omit<ActionDocumentTable, 'id'>): Promise<number> {
  return (await db.insertInto('action_document').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function deleteDocument(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('action_document').where('id', '=', id).execute();
}
