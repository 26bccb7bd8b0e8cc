import type { Executor } from '../platform/db/schema.js';
import { findOrganisations } from '../organisations/organisations.repository.js';
import { listActionsOfConventions } from '../plans/actions.service.js';
import { listAxesOf } from '../plans/axes.service.js';
import { listPartiesOf, listSignatureEventsOf } from '../signatures/signatures.service.js';
import { CONVENTION_STATUSES } from '../../shared/enums.js';
import type { ConventionDetail, ConventionListQuery, ConventionSummary } from '../../shared/api/conventions.js';
import type { Page } from '../../shared/api/common.js';
import { businessRule } from '../platform/http/errors.js';
import * as repo from './conventions.repository.js';
import { abilitiesOn, requireConventionAccess, scopeOf } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';
import { presentDetail, presentSummary, type SummaryExtras } from './conventions.presenter.js';

/** Union of declared themes and the themes of the actions, in reference-list order. */
function mergeThemes(rows: { convention_id: number; theme_code: string; position: number }[]): Map<number, string[]> {
  const byConvention = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const themes = byConvention.get(r.convention_id) ?? new Map<string, number>();
    themes.set(r.theme_code, r.position);
    byConvention.set(r.convention_id, themes);
  }
  return new Map(
    [...byConvention].map(([id, themes]) => [id, [...themes].sort((a, b) => a[1] - b[1]).map(([code]) => code)]),
  );
}

async function loadExtras(db: Executor, rows: repo.ConventionRow[]): Promise<SummaryExtras> {
  const ids = rows.map((r) => r.id);
  // Sequential on purpose: inside a transaction they share one connection.
  const cafs = await findOrganisations(db, [...new Set(rows.map((r) => r.caf_id))]);
  const territories = await repo.territoriesOf(db, ids);
  const population = await repo.coveredPopulationOf(db, ids);
  const themes = mergeThemes([...(await repo.declaredThemesOf(db, ids)), ...(await repo.actionThemesOf(db, ids))]);
  const firstSignature = await repo.firstSignatureDatesOf(db, ids);
  const actionCounts = await repo.actionCountsOf(db, ids);
  return { cafs: new Map(cafs.map((c) => [c.id, c])), territories, population, themes, firstSignature, actionCounts };
}

export function toFilter(query: ConventionListQuery): repo.ConventionFilter {
  const statuses = query.status?.split(',');
  const unknown = statuses?.find((s) => !(CONVENTION_STATUSES as readonly string[]).includes(s));
  if (unknown) throw businessRule(`Statut inconnu : « ${unknown} ». Valeurs possibles : ${CONVENTION_STATUSES.join(', ')}.`, 'status');
  if (query.from && query.to && query.to < query.from) throw businessRule('L’année « to » doit être égale ou postérieure à l’année « from ».', 'to');
  return { statuses, theme: query.theme, territory: query.territory, cafId: query.caf, year: query.year, from: query.from, to: query.to, q: query.q };
}

export async function listConventions(db: Executor, principal: Principal | null, query: ConventionListQuery): Promise<Page<ConventionSummary>> {
  const filter = { ...toFilter(query), scope: scopeOf(principal) };
  const rows = await repo.listConventionRows(db, filter, { afterId: query.cursor ? Number(query.cursor) : undefined, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const extras = await loadExtras(db, page);
  return {
    items: page.map((r) => presentSummary(r, extras)),
    total: await repo.countConventions(db, filter),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/**
 * The convention as the caller may see it (no principal: the system, with every right). Anonymous
 * callers get the public view of a signed convention: highlighted actions only, no internal history.
 */
export async function getConventionDetail(db: Executor, id: number, principal: Principal | null = null): Promise<ConventionDetail> {
  const row = await repo.requireConventionRow(db, id);
  const extras = await loadExtras(db, [row]);
  const declared = await repo.declaredThemesOf(db, [id]);
  const { edit, editPlan, publicView } = await abilitiesOn(db, principal, id);
  const actions = await listActionsOfConventions(db, [id]);
  return presentDetail(row, presentSummary(row, extras), {
    abilities: { edit, editPlan, publicView },
    declaredThemes: declared.sort((a, b) => a.position - b.position).map((t) => t.theme_code),
    parties: await listPartiesOf(db, [id]),
    signatureEvents: await listSignatureEventsOf(db, [id]),
    actions: publicView ? actions.filter((a) => a.highlighted) : actions,
    axes: await listAxesOf(db, id),
    history: publicView ? [] : await repo.statusHistoryOf(db, id),
  });
}

export async function getConventionForCaller(db: Executor, principal: Principal, id: number): Promise<ConventionDetail> {
  await requireConventionAccess(db, principal, id, 'read');
  return getConventionDetail(db, id, principal);
}
