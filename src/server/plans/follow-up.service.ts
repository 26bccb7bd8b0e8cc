import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { HttpError, notFound } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { touchConvention } from '../conventions/conventions.repository.js';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, type ActionDocument, type ActionNote, type ActionNoteInput } from '../../shared/api/follow-up.js';
import * as repo from './follow-up.repository.js';
import { principalOf } from '../accounts/access.js';
import { requireEditorOfAction } from './pilots.js';

type NoteRow = Awaited<ReturnType<typeof repo.listNotes>>[number];
type DocumentRow = NonNullable<Awaited<ReturnType<typeof repo.findDocument>>>;

const presentNote = (r: NoteRow): ActionNote => ({ id: r.id, actionId: r.action_id, date: r.date, author: r.author, body: r.body, createdAt: r.created_at });
const presentDocument = (r: DocumentRow): ActionDocument => ({
  id: r.id,
  actionId: r.action_id,
  filename: r.filename,
  mediaType: r.media_type,
  size: Number(r.size),
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
});

/** The action's convention; the notes and documents of an action need nothing else of it. */
async function requireAction(db: Executor, id: number) {
  const action = await db.selectFrom('action').select(['id', 'convention_id']).where('id', '=', id).executeTakeFirst();
  if (!action) throw notFound(`Action ${id}`);
  return action;
}

export async function listNotes(db: Executor, actionId: number): Promise<ActionNote[]> {
  await requireAction(db, actionId);
  return (await repo.listNotes(db, actionId)).map(presentNote);
}

export async function addNote(ctx: ServiceContext, actionId: number, input: ActionNoteInput): Promise<ActionNote> {
  return ctx.db.transaction().execute(async (trx) => {
    const action = await requireAction(trx, actionId);
    await requireEditorOfAction(trx, principalOf(ctx), action.convention_id, actionId);
    const now = nowIso();
    const note = presentNote(await repo.insertNote(trx, { action_id: actionId, date: input.date, author: input.author, body: input.body, created_at: now }));
    await recordAudit(trx, { actor: ctx.actor, entityType: 'action_note', entityId: note.id, operation: 'create', after: note });
    await touchConvention(trx, action.convention_id, now);
    return note;
  });
}

export async function listDocuments(db: Executor, actionId: number): Promise<ActionDocument[]> {
  await requireAction(db, actionId);
  return (await repo.listDocuments(db, actionId)).map(presentDocument);
}

const unsupported = (message: string) => new HttpError(415, 'unsupported_media_type', message, [{ path: 'file', message }]);

/** The declared type, the file name's extension and the first bytes must agree. */
export function checkDocument(filename: string, mediaType: string, content: Buffer): void {
  const extensions = DOCUMENT_TYPES[mediaType];
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (!extensions || !extensions.includes(extension)) {
    throw unsupported(`« fichier » : le type de « ${filename} » n’est pas accepté (PDF, documents bureautiques, images PNG ou JPEG, CSV, texte).`);
  }
  const starts = (bytes: number[]) => bytes.every((b, i) => content[i] === b);
  const magicOk =
    extension === 'pdf' ? starts([0x25, 0x50, 0x44, 0x46])
    : extension === 'png' ? starts([0x89, 0x50, 0x4e, 0x47])
    : extension === 'jpg' || extension === 'jpeg' ? starts([0xff, 0xd8, 0xff])
    : ['docx', 'xlsx', 'pptx', 'odt', 'ods'].includes(extension) ? starts([0x50, 0x4b, 0x03, 0x04])
    : !content.includes(0);
  if (!magicOk) throw unsupported(`« fichier » : le contenu de « ${filename} » ne correspond pas à son type.`);
  if (content.length === 0) throw new HttpError(400, 'validation', '« fichier » : le fichier est vide.', [{ path: 'file', message: 'Le fichier est vide.' }]);
  if (content.length > DOCUMENT_MAX_BYTES) throw new HttpError(413, 'too_large', '« fichier » : le fichier dépasse 5 Mo.', [{ path: 'file', message: 'Le fichier dépasse 5 Mo.' }]);
}

export async function addDocument(ctx: ServiceContext, actionId: number, file: { filename: string; mediaType: string; content: Buffer }): Promise<ActionDocument> {
  checkDocument(file.filename, file.mediaType, file.content);
  return ctx.db.transaction().execute(async (trx) => {
    const action = await requireAction(trx, actionId);
    await requireEditorOfAction(trx, principalOf(ctx), action.convention_id, actionId);
    const now = nowIso();
    const id = await repo.insertDocument(trx, {
      action_id: actionId,
      filename: file.filename.slice(0, 200),
      media_type: file.mediaType,
      size: file.content.length,
      content: file.content,
      uploaded_by: ctx.actor,
      uploaded_at: now,
    });
    const document = presentDocument((await repo.findDocument(trx, id))!);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'action_document', entityId: id, operation: 'create', after: document });
    await touchConvention(trx, action.convention_id, now);
    return document;
  });
}

export async function getDocumentContent(db: Executor, id: number) {
  const row = await repo.findDocumentContent(db, id);
  if (!row) throw notFound(`Document ${id}`);
  return { filename: row.filename, mediaType: row.media_type, content: Buffer.from(row.content) };
}

export async function deleteDocument(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findDocument(trx, id);
    if (!row) throw notFound(`Document ${id}`);
    const action = await requireAction(trx, row.action_id);
    await requireEditorOfAction(trx, principalOf(ctx), action.convention_id, row.action_id);
    await repo.deleteDocument(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'action_document', entityId: id, operation: 'delete', before: presentDocument(row) });
  });
}
