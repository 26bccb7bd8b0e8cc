import type { Executor } from '../platform/db/schema.js';
import { principalOf, requireAnyCafRole } from '../accounts/access.js';
import type { ServiceContext } from '../platform/context.js';
import { nowIso } from '../platform/db/dialect.js';
import { HttpError, invalidField, notFound } from '../platform/http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ChildcareCoverage, DataImportInput, DataImportResult, DataSeries, SeriesCompare } from '../../shared/api/diagnostics.js';
import { readSeriesCsv, type LineError } from './csv-layouts.js';
import * as repo from './diagnostics.repository.js';

type SeriesRow = NonNullable<Awaited<ReturnType<typeof repo.findSeriesByCode>>>;
const present = (r: SeriesRow): DataSeries => ({
  id: Number(r.id),
  code: r.code,
  label: r.label,
  unit: r.unit,
  source: r.source,
  layout: r.layout as DataSeries['layout'],
  roundedTo: r.rounded_to === null ? null : Number(r.rounded_to),
  valueCount: Number(r.value_count ?? 0),
  version: Number(r.version),
});

/** Cafdata files publish counts rounded to 5 (statistical confidentiality). */
const ROUNDING: Record<DataImportInput['layout'], number | null> = { cafdata: 5, generique: null };
const MAX_REPORTED = 100;

export async function listDataSeries(db: Executor): Promise<DataSeries[]> {
  return (await repo.listSeries(db)).map(present);
}

function rejectLines(errors: LineError[]): never {
  const shown = errors.slice(0, MAX_REPORTED);
  const more = errors.length > shown.length ? ` (les ${MAX_REPORTED} premières sont listées)` : '';
  throw new HttpError(
    422,
    'import_rejected',
    `Fichier refusé, rien n’a été importé : ${errors.length} ligne(s) en erreur${more}. ${shown.map((e) => `Ligne ${e.line} : ${e.message}`).join(' ')}`,
    shown.map((e) => ({ path: `csv.${e.line}`, message: `ligne ${e.line} : ${e.message}` })),
  );
}

/** All or nothing: the file is checked line by line first, then loaded in one transaction. */
/** Territorial data is loaded by the Cafs' staff (or a platform administrator). */
export async function importDataSeries(ctx: ServiceContext, input: DataImportInput): Promise<DataImportResult> {
  requireAnyCafRole(principalOf(ctx));
  const { rows, errors } = readSeriesCsv(input.csv, input.layout);
  if (errors.length > 0) rejectLines(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const known = await repo.knownTerritoryCodes(trx, [...new Set(rows.map((r) => r.territoryCode).filter((c) => c !== 'FR'))]);
    const unknown = rows.filter((r) => r.territoryCode !== 'FR' && !known.has(r.territoryCode));
    if (unknown.length > 0) {
      rejectLines(unknown.map((r) => ({ line: r.line, message: `territoire « ${r.territoryCode} » inconnu du référentiel chargé.` })));
    }
    const now = nowIso();
    const existing = await repo.findSeriesByCode(trx, input.series.code);
    const fields = { label: input.series.label, unit: input.series.unit, source: input.series.source ?? null, layout: input.layout, rounded_to: ROUNDING[input.layout] };
    const id = existing ? Number(existing.id) : await repo.insertSeries(trx, { code: input.series.code, ...fields, created_at: now, updated_at: now });
    if (existing) await repo.updateSeries(trx, id, { ...fields, updated_at: now });
    await repo.upsertValues(
      trx,
      rows.map((r) => ({ series_id: id, territory_code: r.territoryCode, reference_date: r.referenceDate, geo_vintage: r.geoVintage, value: r.value })),
    );
    const series = present((await repo.findSeriesByCode(trx, input.series.code))!);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'data_series', entityId: id, operation: existing ? 'update' : 'create', before: existing ? present(existing) : undefined, after: { ...series, imported: rows.length } });
    return { series, imported: rows.length };
  });
}

async function requireSeries(db: Executor, code: string, field: string) {
  const row = await repo.findSeriesByCode(db, code);
  if (!row) throw field === 'series' ? notFound('Série') : invalidField(field, `aucune série n’a le code « ${code} ».`);
  return row;
}

async function requireTerritory(db: Executor, code: string) {
  const territory = await repo.findTerritory(db, code);
  if (!territory) throw invalidField('territory', `aucun territoire n’a le code ${code}.`);
  return territory;
}

/** A territory's values against its département's and France's, date by date. */
export async function compareSeries(db: Executor, code: string, territoryCode: string): Promise<SeriesCompare> {
  const series = await requireSeries(db, code, 'series');
  const territory = await requireTerritory(db, territoryCode);
  const departementCode = territory.kind === 'departement' ? null : territory.departement_code;
  const departement = departementCode ? await repo.findTerritory(db, departementCode) : undefined;
  const values = await repo.valuesOf(db, Number(series.id), [territory.code, ...(departementCode ? [departementCode] : []), 'FR']);
  const dates = [...new Set(values.map((v) => v.reference_date))].sort();
  const at = (c: string | null | undefined, date: string) => {
    const v = c ? values.find((x) => x.territory_code === c && x.reference_date === date) : undefined;
    return v ? Number(v.value) : null;
  };
  return {
    series: present(series),
    territory: { code: territory.code, name: territory.name },
    departement: departement ? { code: departement.code, name: departement.name } : null,
    points: dates.map((date) => ({ date, territory: at(territory.code, date), departement: at(departementCode, date), france: at('FR', date) })),
  };
}

export const CHILDCARE_DEFINITION =
  'Taux de couverture en accueil du jeune enfant : nombre de places d’accueil (capacité théorique : assistants maternels, ' +
  'établissements d’accueil du jeune enfant, salariés à domicile, préscolarisation) pour 100 enfants de moins de 3 ans, ' +
  'à la même date de référence. Calculé ici à partir des deux séries importées ; les effectifs arrondis à 5 rendent le taux approché.';

export async function childcareCoverage(db: Executor, territoryCode: string, capacityCode: string, childrenCode: string): Promise<ChildcareCoverage> {
  const territory = await requireTerritory(db, territoryCode);
  const capacity = await requireSeries(db, capacityCode, 'capacitySeries');
  const children = await requireSeries(db, childrenCode, 'childrenSeries');
  const capacityValues = new Map((await repo.valuesOf(db, Number(capacity.id), [territory.code])).map((v) => [v.reference_date, Number(v.value)]));
  const childrenValues = await repo.valuesOf(db, Number(children.id), [territory.code]);
  const points = childrenValues
    .filter((v) => capacityValues.has(v.reference_date) && Number(v.value) > 0)
    .map((v) => {
      const places = capacityValues.get(v.reference_date)!;
      return { date: v.reference_date, capacity: places, children: Number(v.value), rate: Math.round((places / Number(v.value)) * 1000) / 10 };
    });
  return { definition: CHILDCARE_DEFINITION, territory: { code: territory.code, name: territory.name }, points };
}
