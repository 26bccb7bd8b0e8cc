import { parse } from 'csv-parse/sync';
import { normalizeForSearch } from '../../shared/text.js';

export interface ParsedRow {
  line: number;
  territoryCode: string;
  geoVintage: string | null;
  referenceDate: string;
  value: number;
}
export interface LineError {
  line: number;
  message: string;
}

/** Accepted header names of each column, compared without accents, case or punctuation. */
const HEADERS = {
  cafdata: {
    code: ['code geo', 'codgeo', 'code geographique', 'numcom', 'code insee'],
    vintage: ['millesime geographique', 'millesime geo', 'millesime', 'annee geo'],
    date: ['date de reference', 'date reference', 'date ref', 'dtref'],
    value: ['valeur', 'value'],
  },
  generique: {
    code: ['territoire', 'code', 'code insee', 'code geo'],
    vintage: [],
    date: ['date', 'annee', 'date de reference'],
    value: ['valeur', 'value'],
  },
} as const;
export type Layout = keyof typeof HEADERS;

const headerKey = (h: string) => normalizeForSearch(h.replace(/[_.-]/g, ' '));

/** "2022", "2022-12-31" or "31/12/2022" → "2022-12-31"; null when it is none of these or not a real day. */
export function parseReferenceDate(text: string): string | null {
  const t = text.trim();
  let iso: string | null = null;
  if (/^\d{4}$/.test(t)) iso = `${t}-12-31`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  else if (/^\d{2}\/\d{2}\/\d{4}$/.test(t)) iso = `${t.slice(6)}-${t.slice(3, 5)}-${t.slice(0, 2)}`;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** "1 234,5" or "1234.5" → 1234.5; null for anything else. */
export function parseValue(text: string): number | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Reads a CSV file of the given layout; every problem is reported with its line number (the header is line 1). */
export function readSeriesCsv(text: string, layout: Layout): { rows: ParsedRow[]; errors: LineError[] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, message: `le fichier n’est pas un CSV lisible (${(error as Error).message}).` }] };
  }
  const header = (records[0] ?? []).map(headerKey);
  const wanted = HEADERS[layout];
  const indexOf = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const columns = { code: indexOf(wanted.code), vintage: indexOf(wanted.vintage), date: indexOf(wanted.date), value: indexOf(wanted.value) };
  const missing = [
    columns.code < 0 && (layout === 'cafdata' ? 'code géo' : 'territoire'),
    columns.date < 0 && (layout === 'cafdata' ? 'date de référence' : 'date'),
    columns.value < 0 && 'valeur',
    layout === 'cafdata' && columns.vintage < 0 && 'millésime géographique',
  ].filter(Boolean);
  if (missing.length > 0) return { rows: [], errors: [{ line: 1, message: `colonne(s) manquante(s) : ${missing.join(', ')}.` }] };
  if (records.length < 2) return { rows: [], errors: [{ line: 1, message: 'le fichier ne contient aucune ligne de données.' }] };

  const rows: ParsedRow[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const code = (record[columns.code] ?? '').toUpperCase();
    const dateText = record[columns.date] ?? '';
    const valueText = record[columns.value] ?? '';
    const problems: string[] = [];
    if (!/^(?:[0-9][0-9AB][0-9]{0,7}|FR)$/.test(code)) problems.push(`code géographique « ${code} » invalide`);
    const date = parseReferenceDate(dateText);
    if (!date) problems.push(`date « ${dateText} » invalide (attendu AAAA, AAAA-MM-JJ ou JJ/MM/AAAA)`);
    const value = parseValue(valueText);
    if (value === null) problems.push(`valeur « ${valueText} » non numérique`);
    if (problems.length === 0) {
      const key = `${code}|${date}`;
      if (seen.has(key)) problems.push(`doublon de la ligne ${seen.get(key)} (même territoire, même date)`);
      else seen.set(key, line);
    }
    if (problems.length > 0) return errors.push({ line, message: problems.join(' ; ') });
    rows.push({ line, territoryCode: code, geoVintage: columns.vintage >= 0 ? record[columns.vintage] || null : null, referenceDate: date!, value: value! });
  });
  return { rows, errors };
}
