import type { Executor } from '../platform/db/schema.js';
import { CAF_ADMIN_ONLY, principalOf, requireCafRole } from '../accounts/access.js';
import type { ServiceContext } from '../platform/context.js';
import { nowIso } from '../platform/db/dialect.js';
import { invalidField, notFound, staleVersion, businessRule } from '../platform/http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireOrganisation } from '../organisations/organisations.service.js';
import type { CoverageTarget, CoverageTargetCreateInput, CoverageTargets, CoverageTargetUpdateInput } from '../../shared/api/coverage-targets.js';
import * as repo from './targets.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findTarget>>>;
const present = (r: Row): CoverageTarget => ({
  id: Number(r.id),
  cafId: r.caf_id === null ? null : Number(r.caf_id),
  year: Number(r.year),
  rate: Number(r.rate_bp) / 10000,
  version: Number(r.version),
});
const toBp = (rate: number): number => Math.round(rate * 10000);

export async function listCoverageTargets(db: Executor, cafId?: number): Promise<CoverageTargets> {
  if (cafId) await requireOrganisation(db, cafId, 'caf', 'caf');
  const national = await repo.listTargets(db, null);
  const caf = cafId ? await repo.listTargets(db, cafId) : [];
  return { national: national.map(present), caf: caf.map(present) };
}

async function requireCafTarget(db: Executor, id: number): Promise<Row> {
  const row = await repo.findTarget(db, id);
  if (!row) throw notFound('Cible de couverture');
  if (row.caf_id === null) throw businessRule('La trajectoire nationale est une donnée de référence : elle ne se modifie pas.', 'id');
  return row;
}

/** A Caf's targets are set by its admins (or a platform administrator). */
export async function createCoverageTarget(ctx: ServiceContext, input: CoverageTargetCreateInput): Promise<CoverageTarget> {
  requireCafRole(principalOf(ctx), input.cafId, CAF_ADMIN_ONLY);
  return ctx.db.transaction().execute(async (trx) => {
    await requireOrganisation(trx, input.cafId, 'cafId', 'caf');
    if (await repo.findTargetOf(trx, input.cafId, input.year)) {
      throw invalidField('year', `une cible existe déjà pour ${input.year} : modifiez-la.`);
    }
    const now = nowIso();
    const id = await repo.insertTarget(trx, { caf_id: input.cafId, year: input.year, rate_bp: toBp(input.rate), created_at: now, updated_at: now });
    const created = present((await repo.findTarget(trx, id))!);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'coverage_target', entityId: id, operation: 'create', after: created });
    return created;
  });
}

export async function updateCoverageTarget(ctx: ServiceContext, id: number, input: CoverageTargetUpdateInput): Promise<CoverageTarget> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = present(await requireCafTarget(trx, id));
    requireCafRole(principalOf(ctx), before.cafId!, CAF_ADMIN_ONLY);
    if (before.version !== input.version || !(await repo.updateTarget(trx, id, input.version, toBp(input.rate), nowIso()))) {
      throw staleVersion(present((await repo.findTarget(trx, id))!));
    }
    const after = present((await repo.findTarget(trx, id))!);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'coverage_target', entityId: id, operation: 'update', before, after });
    return after;
  });
}

export async function deleteCoverageTarget(ctx: ServiceContext, id: number, version: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = present(await requireCafTarget(trx, id));
    requireCafRole(principalOf(ctx), before.cafId!, CAF_ADMIN_ONLY);
    if (before.version !== version || !(await repo.deleteTarget(trx, id, version))) throw staleVersion(before);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'coverage_target', entityId: id, operation: 'delete', before });
  });
}
