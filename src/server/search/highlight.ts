import { normalizeForSearch } from '../../shared/text.js';
import type { TextPart } from '../../shared/api/search.js';
import type { SearchTerm } from './search-terms.js';

/** Words and what lies between them, so that the text can be rebuilt exactly. */
const TOKENS = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token[0]!);

/** The rule of the search itself: a word matches a term by the term's stem as a prefix, or as typed. */
function matches(token: string, terms: SearchTerm[]): boolean {
  const word = normalizeForSearch(token);
  return terms.some((t) => word.startsWith(t.stem) || word === t.word);
}

function toParts(tokens: string[], terms: SearchTerm[]): TextPart[] {
  const parts: TextPart[] = [];
  for (const token of tokens) {
    const highlight = isWord(token) && matches(token, terms);
    const last = parts[parts.length - 1];
    if (last && last.highlight === highlight && !highlight) last.text += token;
    else parts.push({ text: token, highlight });
  }
  return parts;
}

/** The whole text with its matched words marked (titles). */
export function highlightAll(text: string, terms: SearchTerm[]): TextPart[] {
  return text ? toParts(text.match(TOKENS) ?? [], terms) : [];
}

/** About `words` words around the first match, with « … » where the text is cut (bodies). */
export function snippet(text: string, terms: SearchTerm[], words = 24): TextPart[] {
  const tokens = text.match(TOKENS) ?? [];
  if (tokens.length === 0) return [];
  const first = Math.max(0, tokens.findIndex((t) => isWord(t) && matches(t, terms)));
  const start = Math.max(0, first - words / 2);
  const end = Math.min(tokens.length, start + words * 2);
  const parts = toParts(tokens.slice(start, end), terms);
  if (start > 0) parts.unshift({ text: '… ', highlight: false });
  if (end < tokens.length) parts.push({ text: ' …', highlight: false });
  return parts;
}
