import { normalizeForSearch } from '../../shared/text.js';

/** Per-field precision and recall of extracted conventions against expected ones (the corpus). */

export interface ExpectedConvention {
  caf: string | null;
  territories: { name: string; kind: string; code: string | null }[];
  otherParties: string[];
  signatureDate: string | null;
  signatureDateInferred: boolean;
  planned: boolean;
  place: string | null;
  period: { start: number; end: number } | null;
  signatories: { name: string | null; capacity: string | null }[];
  themes: string[];
  projects: { title: string; themes: string[] }[];
}

export interface FieldScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export const FIELDS = [
  'caf', 'territories', 'otherParties', 'signatureDate', 'signatureDateInferred', 'planned', 'place', 'period',
  'signatoryNames', 'signatoryCapacities', 'themes', 'projects', 'projectThemes',
] as const;
export type Field = (typeof FIELDS)[number];
export type Scores = Record<Field, FieldScore>;

const norm = (s: string) => normalizeForSearch(s).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
const words = (s: string) => new Set(norm(s).split(' ').filter((w) => w.length > 2));
function similar(a: string, b: string): boolean {
  const [x, y] = [norm(a), norm(b)];
  if (x === y || (x.length > 3 && y.includes(x)) || (y.length > 3 && x.includes(y))) return true;
  const [wa, wb] = [words(a), words(b)];
  const common = [...wa].filter((w) => wb.has(w)).length;
  return common / Math.max(1, new Set([...wa, ...wb]).size) >= 0.6;
}

/** Greedy one-to-one matching; returns the number of matched pairs. */
function matchCount<T>(expected: T[], actual: T[], same: (e: T, a: T) => boolean): number {
  const used = new Set<number>();
  let count = 0;
  for (const e of expected) {
    const index = actual.findIndex((a, i) => !used.has(i) && same(e, a));
    if (index >= 0) {
      used.add(index);
      count++;
    }
  }
  return count;
}

function add(score: FieldScore, expected: number, actual: number, matched: number): void {
  score.truePositives += matched;
  score.falsePositives += actual - matched;
  score.falseNegatives += expected - matched;
}

const listOf = <T>(value: T | null | undefined | false): T[] => (value === null || value === undefined || value === false ? [] : [value]);

export function emptyScores(): Scores {
  return Object.fromEntries(FIELDS.map((f) => [f, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }])) as Scores;
}

function scoreConvention(scores: Scores, e: ExpectedConvention | null, a: ExpectedConvention | null): void {
  const pair = <T>(get: (c: ExpectedConvention) => T[], same: (x: T, y: T) => boolean, field: Field) => {
    const [ev, av] = [e ? get(e) : [], a ? get(a) : []];
    add(scores[field], ev.length, av.length, matchCount(ev, av, same));
  };
  pair((c) => listOf(c.caf), similar, 'caf');
  pair((c) => c.territories.map((t) => t.code ?? t.name), (x, y) => x === y, 'territories');
  pair((c) => c.otherParties, similar, 'otherParties');
  pair((c) => listOf(c.signatureDate), (x, y) => x === y, 'signatureDate');
  pair((c) => listOf(c.signatureDateInferred), (x, y) => x === y, 'signatureDateInferred');
  pair((c) => listOf(c.planned), (x, y) => x === y, 'planned');
  pair((c) => listOf(c.place), similar, 'place');
  pair((c) => listOf(c.period && `${c.period.start}-${c.period.end}`), (x, y) => x === y, 'period');
  pair((c) => c.signatories.flatMap((s) => listOf(s.name)), (x, y) => norm(x) === norm(y), 'signatoryNames');
  pair(
    (c) => c.signatories.flatMap((s) => (s.name && s.capacity ? [`${s.name}|${s.capacity}`] : [])),
    (x, y) => norm(x.split('|')[0]!) === norm(y.split('|')[0]!) && similar(x.split('|')[1]!, y.split('|')[1]!),
    'signatoryCapacities',
  );
  pair((c) => c.themes, (x, y) => x === y, 'themes');
  pair((c) => c.projects.map((p) => p.title), similar, 'projects');
  // Themes of the projects that were found on both sides.
  const projectPairs: [string[], string[]][] = [];
  const used = new Set<number>();
  for (const ep of e?.projects ?? []) {
    const index = (a?.projects ?? []).findIndex((ap, i) => !used.has(i) && similar(ep.title, ap.title));
    if (index >= 0) {
      used.add(index);
      projectPairs.push([ep.themes, a!.projects[index]!.themes]);
    }
  }
  for (const [et, at] of projectPairs) add(scores.projectThemes, et.length, at.length, matchCount(et, at, (x, y) => x === y));
}

/** Conventions are paired by shared territory codes, then in order. */
export function scoreText(scores: Scores, expected: ExpectedConvention[], actual: ExpectedConvention[]): void {
  const used = new Set<number>();
  const pairs: [ExpectedConvention | null, ExpectedConvention | null][] = [];
  for (const e of expected) {
    const codes = new Set(e.territories.map((t) => t.code));
    let index = actual.findIndex((a, i) => !used.has(i) && a.territories.some((t) => codes.has(t.code)));
    if (index < 0) index = actual.findIndex((_a, i) => !used.has(i));
    if (index >= 0) used.add(index);
    pairs.push([e, index >= 0 ? actual[index]! : null]);
  }
  actual.forEach((a, i) => (used.has(i) ? undefined : pairs.push([null, a])));
  for (const [e, a] of pairs) scoreConvention(scores, e, a);
}

export const precision = (s: FieldScore) => (s.truePositives + s.falsePositives === 0 ? 1 : s.truePositives / (s.truePositives + s.falsePositives));
export const recall = (s: FieldScore) => (s.truePositives + s.falseNegatives === 0 ? 1 : s.truePositives / (s.truePositives + s.falseNegatives));
