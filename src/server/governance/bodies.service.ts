import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { requireConventionRow } from '../conventions/conventions.repository.js';
import type { Body, BodyCreateInput, BodyUpdateInput } from '../../shared/api/governance.js';
import * as repo from './governance.repository.js';
import { presentBody } from './governance.presenter.js';

const nowLocal = () => nowIso().slice(0, 16);

export async function listBodiesOf(db: Executor, conventionId: number): Promise<Body[]> {
  const rows = await repo.listBodies(db, conventionId);
  const dates = await repo.meetingDatesOfBodies(db, rows.map((r) => r.id), nowLocal());
  return rows.map((r) => presentBody(r, dates.get(r.id)));
}

export async function getBody(db: Executor, id: number): Promise<Body> {
  const row = await repo.findBody(db, id);
  if (!row) throw notFound(`Instance ${id}`);
  const dates = await repo.meetingDatesOfBodies(db, [id], nowLocal());
  return presentBody(row, dates.get(id));
}

export async function createBody(ctx: ServiceContext, conventionId: number, input: BodyCreateInput): Promise<Body> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionRow(trx, conventionId);
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'editPlan');
    const now = nowIso();
    const id = await repo.insertBody(trx, {
      convention_id: conventionId,
      kind: input.kind,
      name: input.name,
      frequency: input.frequency,
      members: JSON.stringify(input.members),
      created_at: now,
      updated_at: now,
    });
    const created = await getBody(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'governance_body', entityId: id, operation: 'create', after: { ...created, title: created.name } });
    return created;
  });
}

export async function updateBody(ctx: ServiceContext, id: number, input: BodyUpdateInput): Promise<Body> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getBody(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'editPlan');
    if (before.version !== input.version) throw staleVersion(before);
    const ok = await repo.updateBody(trx, id, input.version, {
      ...(input.kind && { kind: input.kind }),
      ...(input.name && { name: input.name }),
      ...(input.frequency && { frequency: input.frequency }),
      ...(input.members && { members: JSON.stringify(input.members) }),
      updated_at: nowIso(),
    });
    if (!ok) throw staleVersion(await getBody(trx, id));
    const after = await getBody(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'governance_body', entityId: id, operation: 'update', before: { ...before, title: before.name }, after: { ...after, title: after.name } });
    return after;
  });
}

export async function deleteBody(ctx: ServiceContext, id: number, version: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getBody(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'editPlan');
    if (before.version !== version || !(await repo.deleteBody(trx, id, version))) throw staleVersion(before);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'governance_body', entityId: id, operation: 'delete', before: { ...before, title: before.name } });
  });
}
