/** French dates in free text: "le 8 mars", "mercredi 6 mars 2024", "29/09/2023", "en mars 2023". */

export const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTH_PATTERN = 'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre';
const WEEKDAY_PATTERN = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  year: number | null;
  month: number;
  day: number | null;
  weekday: number | null;
}

const accentFree = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const LONG = new RegExp(
  `(?:\\b(${WEEKDAY_PATTERN})\\s+)?\\b(1er|[0-3]?\\d)\\s+(${MONTH_PATTERN})\\b(?:\\s+((?:19|20)\\d{2})\\b)?`,
  'giu',
);
const NUMERIC = /\b([0-3]?\d)[/.-]([01]?\d)[/.-]((?:19|20)?\d{2})\b/g;
const ISO = /\b((?:19|20)\d{2})-([01]\d)-([0-3]\d)\b/g;
const MONTH_YEAR = new RegExp(`\\b(?:en|au mois de|courant|début|fin|mi-)\\s*(${MONTH_PATTERN})\\s+((?:19|20)\\d{2})\\b`, 'giu');

function valid(year: number | null, month: number, day: number | null): boolean {
  if (month < 1 || month > 12) return false;
  if (day === null) return true;
  const y = year ?? 2024; // a leap year accepts 29 February when the year is unknown
  return day >= 1 && day <= new Date(Date.UTC(y, month, 0)).getUTCDate();
}

export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken = (start: number, end: number) => found.some((d) => start < d.end && end > d.start);
  for (const m of text.matchAll(LONG)) {
    const day = m[2]!.toLowerCase() === '1er' ? 1 : Number(m[2]);
    const month = MONTHS.indexOf(accentFree(m[3]!)) + 1;
    const year = m[4] ? Number(m[4]) : null;
    if (!valid(year, month, day)) continue;
    const weekday = m[1] ? WEEKDAYS.indexOf(accentFree(m[1])) : null;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], year, month, day, weekday });
  }
  for (const m of text.matchAll(ISO)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(year, month, day) && !taken(m.index, m.index + m[0].length)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], year, month, day, weekday: null });
    }
  }
  for (const m of text.matchAll(NUMERIC)) {
    const raw = Number(m[3]);
    const year = m[3]!.length === 2 ? 2000 + raw : raw;
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (valid(year, month, day) && !taken(m.index, m.index + m[0].length)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], year, month, day, weekday: null });
    }
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const month = MONTHS.indexOf(accentFree(m[1]!)) + 1;
    if (!taken(m.index, m.index + m[0].length)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], year: Number(m[2]), month, day: null, weekday: null });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const weekdayOf = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/**
 * The year of a date written without one. A weekday ("mercredi 6 mars") decides among nearby years;
 * otherwise the reference year (the period's first year, or the publication's) is taken, moved back
 * one year when the date would fall after a publication date.
 */
export function inferYear(
  date: FoundDate,
  hints: { periodStart?: number | null; publication?: { year: number; month: number; day: number } | null; planned?: boolean; today?: Date },
): number | null {
  if (date.year !== null) return date.year;
  const reference = hints.publication?.year ?? hints.periodStart ?? null;
  if (date.weekday !== null && date.day !== null) {
    const around = reference ?? (hints.today ?? new Date()).getUTCFullYear();
    const candidates = [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6].map((d) => around + d);
    const match = candidates.find((y) => weekdayOf(y, date.month, date.day!) === date.weekday);
    if (match !== undefined) return match;
  }
  if (hints.publication) {
    const pub = hints.publication;
    const after = date.month > pub.month || (date.month === pub.month && (date.day ?? 1) > pub.day);
    if (after && !hints.planned) return pub.year - 1;
    if (!after && hints.planned) return pub.year + 1;
    return pub.year;
  }
  return hints.periodStart ?? null;
}

export const pad = (n: number) => String(n).padStart(2, '0');

export function formatFoundDate(year: number, date: FoundDate): string {
  return date.day === null ? `${year}-${pad(date.month)}` : `${year}-${pad(date.month)}-${pad(date.day)}`;
}

/** "Publié le 12/04/2023", "Mis à jour le 3 avril 2023": the date an article was published. */
export function findPublicationDate(text: string): FoundDate | null {
  const marker = /\b(publi[ée]e?|mis en ligne|mise en ligne|mis à jour|date de publication|paru)(?![\p{L}])[^\n]{0,12}/giu;
  for (const m of text.matchAll(marker)) {
    const window = text.slice(m.index, m.index + m[0].length + 40);
    const [date] = findDates(window);
    if (date?.year && date.day) return { ...date, start: date.start + m.index, end: date.end + m.index };
  }
  return null;
}
