/** Lower-case, accent-free, single-spaced form used for searching names ("Épinettes" → "epinettes"). */
export function normalizeForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();
}

/** French elision before a vowel or a mute h: "de Bois-Colombes", "d’Issy-les-Moulineaux". */
export function withDe(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöûüœ]/i.test(name) ? `d’${name}` : `de ${name}`;
}
