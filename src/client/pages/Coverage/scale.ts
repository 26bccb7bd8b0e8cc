/** Colour classes of the coverage map; each has a text label so colour is never the only cue. */
export const COVERAGE_CLASSES = [
  { max: 0, color: '#f6f6f6', label: 'aucune commune couverte' },
  { max: 0.1, color: '#cacafb', label: 'moins de 10 %' },
  { max: 0.25, color: '#8585f6', label: 'de 10 à 25 %' },
  { max: 0.5, color: '#4747e0', label: 'de 25 à 50 %' },
  { max: 1, color: '#000091', label: '50 % et plus' },
] as const;
export const NOT_LOADED = { color: '#ffffff', label: 'communes non chargées' };

export function coverageClass(rate: number) {
  if (rate <= 0) return COVERAGE_CLASSES[0];
  return COVERAGE_CLASSES.find((c, i) => i > 0 && rate < c.max) ?? COVERAGE_CLASSES[4];
}
