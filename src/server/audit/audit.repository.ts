import type { Executor } from '../platform/db/schema.js';
import { nowIso } from '../platform/db/dialect.js';
import { preparedQuery } from '../platform/db/prepared.js';

export interface AuditEntry {
  actor: string;
  entityType: string;
  entityId: string | number;
  operation: 'create' | 'update' | 'delete' | 'status';
  before?: unknown;
  after?: unknown;
  /** Set when the change was not a direct edit, e.g. a decision applied from a meeting's minutes. */
  origin?: string | null;
}

const rowOf = (entry: AuditEntry, at: string) => ({
  at,
  actor: entry.actor,
  entity_type: entry.entityType,
  entity_id: String(entry.entityId),
  operation: entry.operation,
  before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
  after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  origin: entry.origin ?? null,
});

type AuditColumn = keyof ReturnType<typeof rowOf>;

// Every write runs it: built and compiled once (see preparedQuery).
const insertOne = preparedQuery<unknown, AuditColumn>((db, value) =>
  db.insertInto('audit_event').values({
    at: value('at'), actor: value('actor'), entity_type: value('entity_type'), entity_id: value('entity_id'),
    operation: value('operation'), before_json: value('before_json'), after_json: value('after_json'), origin: value('origin'),
  }),
);

/** Every write records who, when and what changed; called inside the write's transaction. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await insertOne(db, rowOf(entry, nowIso()));
}

/** Many entries of one write at once (bulk imports), same rows as recordAudit. */
export async function recordAudits(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  const at = nowIso();
  const rows = entries.map((entry) => rowOf(entry, at));
  for (let start = 0; start < rows.length; start += 200) await db.insertInto('audit_event').values(rows.slice(start, start + 200)).execute();
}

export async function listAudit(db: Executor, entityType: string, entityId: string | number) {
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}
