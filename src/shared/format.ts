const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatInteger = (n: number): string => integerFormat.format(n);
export const formatPercent = (ratio: number): string => percentFormat.format(ratio);

/** "2023-03-08" → "8 mars 2023"; the first of the month is written "1er". */
export function formatLongDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const text = longDate.format(date);
  return date.getUTCDate() === 1 ? text.replace(/^1 /, '1er ') : text;
}

export const formatPeriod = (startYear: number, endYear: number): string => `${startYear}–${endYear}`;
