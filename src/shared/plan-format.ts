const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** 118050050 → « 1 180 500,50 € » (amounts are stored in integer cents). */
export const formatEuros = (cents: number): string => euros.format(cents / 100);
export const formatDecimal = (n: number): string => decimal.format(n);

/** « 1 180 500,50 » or « 1180500.5 » → 118050050; null when the text is not an amount. */
export function parseEurosToCents(text: string): number | null {
  const clean = text.replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}
