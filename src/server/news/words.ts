/** French words for numbers, months and periods, as an article's title needs them. */

const UNITS = [
  'zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
  'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize',
];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

/** 0 ≤ n ≤ 999 999 in words (1990 spelling: hyphens everywhere); `feminine` gives « une ». */
export function numberInWords(n: number, feminine = false): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  const words = below1000000(n);
  return feminine ? words.replace(/(^|-)un$/, '$1une') : words;
}

function below100(n: number): string {
  if (n <= 16) return UNITS[n]!;
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  const ten = Math.floor(n / 10);
  let unit = n % 10;
  if (ten === 7 || ten === 9) unit += 10;
  const base = TENS[ten]!;
  if (unit === 0) return ten === 8 ? 'quatre-vingts' : base;
  if ((unit === 1 || unit === 11) && ten !== 8 && ten !== 9) return `${base}-et-${below100(unit)}`;
  return `${base}-${below100(unit)}`;
}

function below1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return below100(rest);
  const head = hundreds === 1 ? 'cent' : `${UNITS[hundreds]}-cent${rest === 0 ? 's' : ''}`;
  return rest === 0 ? head : `${head}-${below100(rest)}`;
}

function below1000000(n: number): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return below1000(rest);
  const head = thousands === 1 ? 'mille' : `${below1000(thousands).replace(/cents$/, 'cent')}-mille`;
  return rest === 0 ? head : `${head}-${below1000(rest)}`;
}

export const capitalize = (text: string): string => text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);

export const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
] as const;

const parts = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
};

/** "2023-03-08" → "8 mars"; the first of the month is "1er mars". With `withYear`, "8 mars 2023". */
export function dayAndMonth(isoDate: string, withYear = false): string {
  const { year, month, day } = parts(isoDate);
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`;
}

/** Words for the months a set of dates spans: "en mars", "entre janvier et mars", "entre décembre 2023 et janvier 2024". */
export function periodPhrase(firstIsoDate: string, lastIsoDate: string): string {
  const first = parts(firstIsoDate);
  const last = parts(lastIsoDate);
  if (first.year === last.year && first.month === last.month) return `en ${MONTHS[first.month - 1]}`;
  if (first.year === last.year) return `entre ${MONTHS[first.month - 1]} et ${MONTHS[last.month - 1]}`;
  return `entre ${MONTHS[first.month - 1]} ${first.year} et ${MONTHS[last.month - 1]} ${last.year}`;
}

/** "a", "a et b", "a, b et c". */
export function joinAnd(items: readonly string[], last = ' et '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}`;
}
