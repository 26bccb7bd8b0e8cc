import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { businessRule, invalidField, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { emitWebhookEvent } from '../webhooks/webhooks.emit.js';
import { requireTerritories } from '../territories/territories.service.js';
import { requireThemes } from '../themes/themes.service.js';
import { organisationForTerritory, requireOrganisation } from '../organisations/organisations.service.js';
import { addParty } from '../signatures/signatures.service.js';
import { countSignatureEvents } from '../signatures/signatures.repository.js';
import { normalizeForSearch } from '../../shared/text.js';
import type { ConventionStatus } from '../../shared/enums.js';
import type { ConventionCreateInput, ConventionDetail, ConventionUpdateInput, StatusChangeInput } from '../../shared/api/conventions.js';
import * as repo from './conventions.repository.js';
import { getConventionDetail } from './conventions.queries.js';
import { PERIMETER_KINDS, transitionProblem } from './conventions.policy.js';
import { principalOf, requireCafRole, requireConventionAccess } from '../accounts/access.js';

export { getConventionDetail, getConventionForCaller, listConventions } from './conventions.queries.js';

async function checkPerimeter(db: Executor, codes: readonly string[]) {
  const territories = await requireTerritories(db, codes, 'territoryCodes');
  territories.forEach((t, index) => {
    if (!PERIMETER_KINDS.has(t.kind)) {
      throw invalidField(`territoryCodes.${index}`, `${t.name} est un département : le périmètre d’une CTG se compose de communes, d’EPCI ou d’EPT.`);
    }
  });
  if (new Set(codes).size !== codes.length) throw invalidField('territoryCodes', 'un même territoire est cité deux fois.');
  return territories;
}

async function checkPredecessor(db: Executor, predecessorId: number | null | undefined, selfId?: number) {
  if (!predecessorId) return;
  if (predecessorId === selfId) throw invalidField('predecessorId', 'une convention ne peut pas se renouveler elle-même.');
  if (!(await repo.findConventionRow(db, predecessorId))) {
    throw invalidField('predecessorId', `aucune convention n’a l’identifiant ${predecessorId}.`);
  }
}

async function searchTextOf(db: Executor, title: string, cafName: string, territoryCodes: readonly string[]) {
  const territories = await requireTerritories(db, territoryCodes, 'territoryCodes');
  return normalizeForSearch([title, cafName, ...territories.map((t) => t.name)].join(' '));
}

export async function createConvention(ctx: ServiceContext, input: ConventionCreateInput): Promise<ConventionDetail> {
  requireCafRole(principalOf(ctx), input.cafId);
  return ctx.db.transaction().execute(async (trx) => {
    const caf = await requireOrganisation(trx, input.cafId, 'cafId', 'caf');
    const territories = await checkPerimeter(trx, input.territoryCodes);
    await requireThemes(trx, input.themes, 'themes');
    await checkPredecessor(trx, input.predecessorId);
    const now = nowIso();
    const id = await repo.insertConvention(trx, {
      title: input.title,
      caf_id: caf.id,
      status: input.status,
      start_year: input.startYear,
      end_year: input.endYear,
      predecessor_id: input.predecessorId ?? null,
      summary: input.summary ?? null,
      search_text: await searchTextOf(trx, input.title, caf.name, input.territoryCodes),
      created_at: now,
      updated_at: now,
    });
    await repo.replaceTerritories(trx, id, input.territoryCodes);
    await repo.replaceThemes(trx, id, input.themes);
    await repo.insertStatusChange(trx, { convention_id: id, from_status: null, to_status: input.status, effective_date: null, changed_at: now, comment: null, actor: ctx.actor });
    await addParty(ctx, trx, id, { organisationId: caf.id });
    for (const territory of territories) {
      const organisation = await organisationForTerritory(ctx, trx, territory);
      await addParty(ctx, trx, id, { organisationId: organisation.id });
    }
    const created = await getConventionDetail(trx, id, principalOf(ctx));
    await recordAudit(trx, { actor: ctx.actor, entityType: 'convention', entityId: id, operation: 'create', after: created });
    return created;
  });
}

export async function updateConvention(ctx: ServiceContext, id: number, input: ConventionUpdateInput): Promise<ConventionDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), id, 'edit');
    const before = await getConventionDetail(trx, id, principalOf(ctx));
    if (before.version !== input.version) throw staleVersion(before);
    const startYear = input.startYear ?? before.startYear;
    const endYear = input.endYear ?? before.endYear;
    if (endYear < startYear) {
      throw invalidField(input.endYear !== undefined ? 'endYear' : 'startYear', 'l’année de fin doit être égale ou postérieure à l’année de début.');
    }
    if (input.territoryCodes) await checkPerimeter(trx, input.territoryCodes);
    if (input.themes) await requireThemes(trx, input.themes, 'themes');
    await checkPredecessor(trx, input.predecessorId, id);
    const title = input.title ?? before.title;
    const territoryCodes = input.territoryCodes ?? before.territories.map((t) => t.code);
    const ok = await repo.updateConvention(trx, id, input.version, {
      title,
      start_year: startYear,
      end_year: endYear,
      ...(input.summary !== undefined && { summary: input.summary }),
      ...(input.predecessorId !== undefined && { predecessor_id: input.predecessorId }),
      search_text: await searchTextOf(trx, title, before.caf.name, territoryCodes),
      updated_at: nowIso(),
    });
    if (!ok) throw staleVersion(await getConventionDetail(trx, id, principalOf(ctx)));
    if (input.territoryCodes) await repo.replaceTerritories(trx, id, input.territoryCodes);
    if (input.themes) await repo.replaceThemes(trx, id, input.themes);
    const after = await getConventionDetail(trx, id, principalOf(ctx));
    await recordAudit(trx, { actor: ctx.actor, entityType: 'convention', entityId: id, operation: 'update', before, after });
    return after;
  });
}

export async function changeConventionStatus(ctx: ServiceContext, id: number, input: StatusChangeInput): Promise<ConventionDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), id, 'edit');
    const row = await repo.requireConventionRow(trx, id);
    if (row.version !== input.version) throw staleVersion(await getConventionDetail(trx, id, principalOf(ctx)));
    const from = row.status as ConventionStatus;
    if (input.effectiveDate && input.effectiveDate > nowIso().slice(0, 10)) {
      throw invalidField('effectiveDate', 'la date d’effet ne peut pas être dans le futur.');
    }
    const problem = transitionProblem(from, input.status, { signatureEvents: await countSignatureEvents(trx, id) });
    if (problem) throw businessRule(problem, 'status');
    const at = nowIso();
    if (!(await repo.updateConvention(trx, id, input.version, { status: input.status, updated_at: at }))) {
      throw staleVersion(await getConventionDetail(trx, id, principalOf(ctx)));
    }
    await repo.insertStatusChange(trx, { convention_id: id, from_status: from, to_status: input.status, effective_date: input.effectiveDate ?? null, changed_at: at, comment: input.comment ?? null, actor: ctx.actor });
    await recordAudit(trx, { actor: ctx.actor, entityType: 'convention', entityId: id, operation: 'status', before: { status: from }, after: { status: input.status } });
    if (input.status === 'signee') await emitWebhookEvent(trx, 'convention.signed', id, { from, to: input.status, effectiveDate: input.effectiveDate ?? at.slice(0, 10) });
    return getConventionDetail(trx, id, principalOf(ctx));
  });
}
