/** The period a convention covers: "2023 à 2027", "2023-2027", "2019/2023", "pour cinq ans". */

export interface FoundPeriod {
  start: number;
  end: number;
  span: { start: number; end: number };
  /** True when the end year was computed from a duration. */
  fromDuration: boolean;
}

const NUMBERS: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10 };
const YEAR = '((?:19|20)\\d{2})';
const RANGE = new RegExp(`(?:\\b(?:de|entre|pour|sur|période|années?)\\s+)?${YEAR}\\s*(?:à|au|a|-|–|—|/|et|jusqu['’]en|jusqu['’]à)\\s*${YEAR}\\b`, 'giu');
const DURATION = /\b(?:pour|sur|d['’]une durée de|durée de|période de|pendant|valable)\s+(?:une\s+(?:durée|période)\s+de\s+)?(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2})\s+ans?\b/giu;
const FROM_YEAR = new RegExp(`(?<![\\p{L}])(?:à (?:partir|compter) (?:de|du)|dès|depuis|d[eè]s le)\\s+(?:(?:1er|\\d{1,2})\\s+\\p{L}+\\s+)?${YEAR}\\b`, 'giu');

const UNTIL = new RegExp(`\\bjusqu['’](?:en|au|à)\\s+(?:(?:31|30)\\s+d[ée]cembre\\s+|fin\\s+)?${YEAR}\\b`, 'giu');
/** "succède à la CTG 2018-2022": an earlier convention's period, not this one's. */
const EARLIER = /(?:succ[èe]de|pr[ée]c[ée]dente?|ancienne|derni[èe]re|bilan|pass[ée]e|renouvel\p{L}*|remplace)[^.]{0,40}$/iu;

export function findPeriod(text: string, fallbackStart: number | null): FoundPeriod | null {
  for (const m of text.matchAll(RANGE)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (EARLIER.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    if (b > a && b - a <= 10) return { start: a, end: b, span: { start: m.index, end: m.index + m[0].length }, fromDuration: false };
  }
  const from = [...text.matchAll(FROM_YEAR)][0];
  for (const m of text.matchAll(UNTIL)) {
    const start = from ? Number(from[1]) : fallbackStart;
    const end = Number(m[1]);
    if (start !== null && end >= start && end - start <= 10) return { start, end, span: { start: m.index, end: m.index + m[0].length }, fromDuration: true };
  }
  for (const m of text.matchAll(DURATION)) {
    const n = NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]);
    if (!(n >= 1 && n <= 10)) continue;
    const from = [...text.matchAll(FROM_YEAR)][0];
    const start = from ? Number(from[1]) : fallbackStart;
    if (start === null) continue;
    return { start, end: start + n - 1, span: { start: m.index, end: m.index + m[0].length }, fromDuration: true };
  }
  return null;
}
