import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { touchConvention } from '../conventions/conventions.repository.js';
import type { Axis, AxisCreateInput, AxisUpdateInput } from '../../shared/api/actions.js';
import * as repo from './axes.repository.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';

const presentAxis = (row: repo.AxisRow): Axis => ({
  id: row.id,
  conventionId: row.convention_id,
  title: row.title,
  position: row.position,
  version: row.version,
});

export const listAxesOf = async (db: Executor, conventionId: number): Promise<Axis[]> =>
  (await repo.listAxes(db, conventionId)).map(presentAxis);

async function getAxis(db: Executor, id: number): Promise<Axis> {
  const row = await repo.findAxis(db, id);
  if (!row) throw notFound(`Axe ${id}`);
  return presentAxis(row);
}

export async function createAxis(ctx: ServiceContext, conventionId: number, input: AxisCreateInput): Promise<Axis> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'editPlan');
    const now = nowIso();
    const id = await repo.insertAxis(trx, {
      convention_id: conventionId,
      title: input.title,
      position: await repo.nextAxisPosition(trx, conventionId),
      created_at: now,
      updated_at: now,
    });
    await touchConvention(trx, conventionId, now);
    const axis = await getAxis(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'axis', entityId: id, operation: 'create', after: axis });
    return axis;
  });
}

export async function updateAxis(ctx: ServiceContext, id: number, input: AxisUpdateInput): Promise<Axis> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getAxis(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'editPlan');
    const now = nowIso();
    const ok = await repo.updateAxis(trx, id, input.version, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.position !== undefined && { position: input.position }),
      updated_at: now,
    });
    if (!ok) throw staleVersion(before);
    await touchConvention(trx, before.conventionId, now);
    const after = await getAxis(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'axis', entityId: id, operation: 'update', before, after });
    return after;
  });
}
