import snowball from 'snowball-stemmers';
import { normalizeForSearch } from '../../shared/text.js';

const stemmer = snowball.newStemmer('french');

/** Words too common to narrow a search (they would only slow it down). */
const STOP_WORDS = new Set([
  'au', 'aux', 'avec', 'ce', 'ces', 'dans', 'de', 'des', 'du', 'en', 'et', 'la', 'le', 'les', 'leur', 'leurs', 'ou', 'par', 'pour', 'sa', 'se', 'ses',
  'son', 'sur', 'un', 'une', 'a', 'l', 'd', 'qui', 'que', 'il', 'elle', 'est', 'sont', 'pas', 'ne', 'plus', 'nos', 'vos', 'notre', 'votre',
]);

/** A word of the query: as typed without accents, and its French stem (« crèches » → creches, crech). */
export interface SearchTerm {
  word: string;
  stem: string;
}

export function searchTerms(query: string): SearchTerm[] {
  const terms = new Map<string, SearchTerm>();
  for (const raw of query.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const word = normalizeForSearch(raw).replace(/[^a-z0-9]/g, '');
    if (word.length < 2 || STOP_WORDS.has(word) || terms.has(word)) continue;
    const stem = normalizeForSearch(stemmer.stem(raw)).replace(/[^a-z0-9]/g, '');
    terms.set(word, { word, stem: stem.length >= 2 ? stem : word });
  }
  return [...terms.values()].slice(0, 8);
}

/**
 * FTS5 query: every term must match, by its stem as a prefix (plurals, feminines) or as typed
 * (irregular plurals such as « chevaux »). Terms are [a-z0-9] only, so quoting is safe.
 */
export const ftsMatch = (terms: SearchTerm[]): string =>
  // A word its stem already prefixes is not repeated: bm25 would count the same occurrence twice.
  terms.map((t) => (t.word.startsWith(t.stem) ? `"${t.stem}"*` : `("${t.stem}"* OR "${t.word}")`)).join(' AND ');

/** PostgreSQL tsquery: the configuration stems each word itself; `:*` keeps the prefix rule of FTS5. */
export const tsQuery = (terms: SearchTerm[]): string => terms.map((t) => `${t.word}:*`).join(' & ');
