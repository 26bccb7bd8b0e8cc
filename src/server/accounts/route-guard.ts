import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Executor } from '../platform/db/schema.js';
import { notFound } from '../platform/http/errors.js';
import { requireConventionAccess, requireSignedInCaller, type ConventionAbility } from './access.js';
import type { Principal } from './principal.js';

/** Objects that belong to one convention, and how to find it from their id. */
const OWNER_QUERIES = {
  convention: (db: Executor, id: number) => db.selectFrom('convention').select('id as convention_id').where('id', '=', id),
  action: (db: Executor, id: number) => db.selectFrom('action').select('convention_id').where('id', '=', id),
  axis: (db: Executor, id: number) => db.selectFrom('axis').select('convention_id').where('id', '=', id),
  indicator: (db: Executor, id: number) => db.selectFrom('indicator').select('convention_id').where('id', '=', id),
  indicatorValue: (db: Executor, id: number) =>
    db.selectFrom('indicator_value as v').innerJoin('indicator as i', 'i.id', 'v.indicator_id').select('i.convention_id').where('v.id', '=', id),
  document: (db: Executor, id: number) =>
    db.selectFrom('action_document as d').innerJoin('action as a', 'a.id', 'd.action_id').select('a.convention_id').where('d.id', '=', id),
  review: (db: Executor, id: number) => db.selectFrom('review').select('convention_id').where('id', '=', id),
  amendment: (db: Executor, id: number) => db.selectFrom('amendment').select('convention_id').where('id', '=', id),
  planVersion: (db: Executor, id: number) => db.selectFrom('plan_version').select('convention_id').where('id', '=', id),
  party: (db: Executor, id: number) => db.selectFrom('party').select('convention_id').where('id', '=', id),
  signatureEvent: (db: Executor, id: number) => db.selectFrom('signature_event').select('convention_id').where('id', '=', id),
  body: (db: Executor, id: number) => db.selectFrom('governance_body').select('convention_id').where('id', '=', id),
  meeting: (db: Executor, id: number) => db.selectFrom('meeting').select('convention_id').where('id', '=', id),
  decision: (db: Executor, id: number) =>
    db.selectFrom('decision as d').innerJoin('meeting as m', 'm.id', 'd.meeting_id').select('m.convention_id').where('d.id', '=', id),
} as const;
export type ConventionOwned = keyof typeof OWNER_QUERIES;

const LABELS: Record<ConventionOwned, string> = {
  convention: 'Convention',
  action: 'Action',
  axis: 'Axe',
  indicator: 'Indicateur',
  indicatorValue: 'Valeur d’indicateur',
  document: 'Document',
  review: 'Bilan',
  amendment: 'Avenant',
  planVersion: 'Version du plan',
  party: 'Partie',
  signatureEvent: 'Signature',
  body: 'Instance',
  meeting: 'Réunion',
  decision: 'Décision',
};

export async function conventionOf(db: Executor, kind: ConventionOwned, id: number): Promise<number> {
  const row = await OWNER_QUERIES[kind](db, id).executeTakeFirst();
  if (!row) throw notFound(`${LABELS[kind]} ${id}`);
  return row.convention_id;
}

export interface ConventionGuard {
  /** What the `:id` parameter designates. */
  of: ConventionOwned;
  ability: ConventionAbility;
  /** Internal follow-up data (notes, documents, budgets, history…): never shown to anonymous callers. */
  internal?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Checked before validation: the caller must have this right on the convention the route touches. */
    convention?: ConventionGuard;
  }
}

/** One hook enforces every route's declared convention guard, before its body is even validated. */
export function registerConventionGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const guard = request.routeOptions.config.convention;
    if (!guard) return;
    if (guard.internal) requireSignedInCaller(request.principal);
    const raw = (request.params as { id?: string }).id;
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) return; // the params schema answers 400 next
    await requireConventionAccess(app.db, request.principal, await conventionOf(app.db, guard.of, id), guard.ability);
  });
}

/** Audit entity types → the convention-owned object they are. */
const HISTORY_OWNERS: Record<string, ConventionOwned | ((db: Executor, id: number) => Promise<number>)> = {
  convention: 'convention',
  axis: 'axis',
  action: 'action',
  indicator: 'indicator',
  review: 'review',
  amendment: 'amendment',
  plan_version: 'planVersion',
  action_document: 'document',
  action_note: async (db, id) => {
    const row = await db.selectFrom('action_note as n').innerJoin('action as a', 'a.id', 'n.action_id').select('a.convention_id').where('n.id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Note ${id}`);
    return row.convention_id;
  },
};

/** The history of an object is internal follow-up data: signed-in callers with read access only. */
export async function requireHistoryAccess(db: Executor, principal: Principal, entityType: string, entityId: number): Promise<void> {
  requireSignedInCaller(principal);
  const owner = HISTORY_OWNERS[entityType];
  if (!owner) throw notFound(`Historique de ${entityType}`);
  const conventionId = typeof owner === 'string' ? await conventionOf(db, owner, entityId) : await owner(db, entityId);
  await requireConventionAccess(db, principal, conventionId, 'read');
}
