import { describe, expect, it } from 'vitest';
import { ftsMatch, searchTerms, tsQuery } from './search-terms.js';
import { highlightAll, snippet } from './highlight.js';

describe('search terms and highlighting', () => {
  it('folds accents, drops common words and stems French plurals', () => {
    const terms = searchTerms('Les crèches de l’Épinette, les chevaux');
    expect(terms.map((t) => t.word)).toEqual(['creches', 'epinette', 'chevaux']);
    expect(terms[0]!.stem).toBe('crech');
    expect(ftsMatch(terms)).toBe('"crech"* AND "epinet"* AND ("cheval"* OR "chevaux")');
    expect(tsQuery(terms)).toBe('creches:* & epinette:* & chevaux:*');
    expect(searchTerms('de la, à')).toEqual([]);
  });

  it('marks the matched words and cuts long texts around the first match', () => {
    const terms = searchTerms('crèche');
    expect(highlightAll('Une Crèche, deux crèches.', terms)).toEqual([
      { text: 'Une ', highlight: false },
      { text: 'Crèche', highlight: true },
      { text: ', deux ', highlight: false },
      { text: 'crèches', highlight: true },
      { text: '.', highlight: false },
    ]);
    const long = `${'mot '.repeat(60)}la crèche ${'suite '.repeat(60)}`;
    const parts = snippet(long, terms, 10);
    expect(parts[0]).toEqual({ text: '… ', highlight: false });
    expect(parts.at(-1)).toEqual({ text: ' …', highlight: false });
    expect(parts.filter((p) => p.highlight).map((p) => p.text)).toEqual(['crèche']);
  });
});
