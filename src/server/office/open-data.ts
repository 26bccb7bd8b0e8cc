import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../platform/project-root.js';
import type { ConventionSummary } from '../../shared/api/conventions.js';
import type { Action } from '../../shared/api/actions.js';

export const OPEN_DATA_SETS = ['conventions', 'actions'] as const;
export type OpenDataSet = (typeof OPEN_DATA_SETS)[number];

export interface TableSchema {
  name: string;
  version: string;
  fields: { name: string; type: string }[];
}

const cache = new Map<OpenDataSet, TableSchema>();

/** The versioned Table Schema of a data set, as kept in docs/open-data. */
export function tableSchema(set: OpenDataSet): TableSchema {
  if (!cache.has(set)) cache.set(set, JSON.parse(readFileSync(join(projectRoot(), 'docs', 'open-data', `${set}.schema.json`), 'utf8')) as TableSchema);
  return cache.get(set)!;
}

export type OpenRow = Record<string, string | number | null>;
const joined = (values: readonly string[]) => values.join('|');

export function conventionRow(c: ConventionSummary, publishedActions: number): OpenRow {
  return {
    id: c.id,
    titre: c.title,
    caf: c.caf.name,
    statut: c.status,
    annee_debut: c.startYear,
    annee_fin: c.endYear,
    date_signature: c.firstSignatureDate,
    codes_territoires: joined(c.territories.map((t) => t.code)),
    territoires: joined(c.territories.map((t) => t.name)),
    population_couverte: c.population,
    champs_intervention: joined(c.themes),
    nombre_actions_publiees: publishedActions,
  };
}

export function actionRow(a: Action): OpenRow {
  return {
    id: a.id,
    convention_id: a.conventionId,
    titre: a.title,
    champs_intervention: joined(a.themes),
    pilote: a.pilot,
    public_cible: a.targetPublic,
    perimetre: a.scope,
    statut: a.status,
    date_debut: a.startDate,
    date_fin: a.endDate,
  };
}

/** RFC 4180 quoting: a value with a comma, quote or line break goes between double quotes. */
const csvValue = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The rows as CSV, columns in the schema's order (the header is the schema's field names). */
export function toCsv(schema: TableSchema, rows: readonly OpenRow[]): string {
  const names = schema.fields.map((f) => f.name);
  return [names.join(','), ...rows.map((row) => names.map((n) => csvValue(row[n] ?? null)).join(','))].join('\r\n') + '\r\n';
}

export function toJson(set: OpenDataSet, schema: TableSchema, rows: readonly OpenRow[]) {
  const names = schema.fields.map((f) => f.name);
  return {
    schema: `/api/v1/open-data/schemas/${set}.json`,
    version: schema.version,
    data: rows.map((row) => Object.fromEntries(names.map((n) => [n, row[n] ?? null]))),
  };
}
