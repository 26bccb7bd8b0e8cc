import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { Action } from '../../shared/api/actions.js';
import type { Party, SignatureEvent } from '../../shared/api/signatures.js';
import { CONVENTION_TRANSITIONS, type ConventionStatus, type OrganisationKind, type TerritoryKind } from '../../shared/enums.js';
import type { ConventionRow, statusHistoryOf, territoriesOf } from './conventions.repository.js';
import type { Axis } from '../../shared/api/actions.js';

type TerritoryOfRow = Awaited<ReturnType<typeof territoriesOf>>[number];

/** What the list needs beyond the row, loaded once per page (no query per convention). */
export interface SummaryExtras {
  cafs: Map<number, { id: number; name: string; kind: string }>;
  territories: TerritoryOfRow[];
  population: Map<number, number>;
  themes: Map<number, string[]>;
  firstSignature: Map<number, string>;
  actionCounts: Map<number, number>;
}

export function presentSummary(row: ConventionRow, x: SummaryExtras): ConventionSummary {
  const caf = x.cafs.get(row.caf_id)!;
  return {
    id: row.id,
    title: row.title,
    status: row.status as ConventionStatus,
    startYear: row.start_year,
    endYear: row.end_year,
    caf: { id: caf.id, name: caf.name, kind: caf.kind as OrganisationKind },
    territories: x.territories
      .filter((t) => t.convention_id === row.id)
      .map((t) => ({ code: t.code, kind: t.kind as TerritoryKind, name: t.name, departementCode: t.departement_code, population: t.population })),
    population: x.population.get(row.id) ?? 0,
    themes: x.themes.get(row.id) ?? [],
    firstSignatureDate: x.firstSignature.get(row.id) ?? null,
    actionCount: x.actionCounts.get(row.id) ?? 0,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export interface DetailParts {
  abilities: ConventionDetail['abilities'];
  declaredThemes: string[];
  parties: Party[];
  signatureEvents: SignatureEvent[];
  actions: Action[];
  axes: Axis[];
  history: Awaited<ReturnType<typeof statusHistoryOf>>;
}

export function presentDetail(row: ConventionRow, summary: ConventionSummary, parts: DetailParts): ConventionDetail {
  return {
    ...summary,
    summary: row.summary,
    declaredThemes: parts.declaredThemes,
    predecessorId: row.predecessor_id,
    parties: parts.parties,
    signatureEvents: parts.signatureEvents,
    axes: parts.axes,
    actions: parts.actions,
    statusHistory: parts.history.map((h) => ({
      fromStatus: h.from_status as ConventionStatus | null,
      toStatus: h.to_status as ConventionStatus,
      effectiveDate: h.effective_date,
      changedAt: h.changed_at,
      comment: h.comment,
    })),
    allowedTransitions: parts.abilities.edit ? [...CONVENTION_TRANSITIONS[row.status as ConventionStatus]] : [],
    createdAt: row.created_at,
    abilities: parts.abilities,
  };
}
