import { describe, expect, it } from 'vitest';
import { inverseFrequencies, mostSimilar, tokenize, type SimilarityDoc } from './similarity.js';

const doc = (id: number, group: number, text: string): SimilarityDoc => ({ id, group, tokens: tokenize(text) });

describe('text similarity of actions', () => {
  it('lower-cases, drops stop words and generic verbs, and stems French words', () => {
    const tokens = tokenize('Améliorer l’accueil des Crèches et accueillir les familles');
    expect(tokens.map((t) => t.stem)).toEqual(['accueil', 'crech', 'accueil', 'famill']);
    expect(tokens.map((t) => t.word)).toEqual(['accueil', 'crèches', 'accueillir', 'familles']);
  });

  it('makes equivalent expressions one term, keeping the words of the text', () => {
    const a = tokenize('Offre d’accueil du jeune enfant');
    const b = tokenize('Métiers de la petite enfance');
    expect(a.at(-1)!.word).toBe('jeune enfant');
    expect(b.at(-1)!.word).toBe('petite enfance');
    expect(a.at(-1)!.stem).toBe(b.at(-1)!.stem);
  });

  it('weighs a stem found everywhere less than a rare one', () => {
    const idf = inverseFrequencies([doc(1, 1, 'accueil handicap'), doc(2, 2, 'accueil jeunesse'), doc(3, 3, 'accueil logement')]);
    expect(idf.get('accueil')).toBeLessThan(idf.get('handicap')!);
  });

  it('ranks by cosine, leaves out the same convention and unrelated texts, and explains the shared words', () => {
    const corpus = [
      doc(1, 1, 'Inclusion des enfants en situation de handicap dans les crèches'),
      doc(2, 1, 'Inclusion des enfants handicapés à la crèche municipale'),
      doc(3, 2, 'Accueillir les enfants en situation de handicap au centre de loisirs'),
      doc(4, 3, 'Crèche : places pour les enfants en situation de handicap'),
      doc(5, 4, 'Prévenir les expulsions locatives'),
    ];
    const result = mostSimilar(corpus[0]!, corpus, { limit: 5 });
    expect(result.map((r) => r.id)).toEqual([4, 3]);
    expect(result[0]!.score).toBeGreaterThan(result[1]!.score);
    expect(result[0]!.score).toBeLessThanOrEqual(1);
    expect(result[0]!.words.map((w) => w.stem)).toEqual(expect.arrayContaining(['crech', 'handicap', 'situat']));
    expect(result[0]!.words.reduce((s, w) => s + w.share, 0)).toBeCloseTo(1, 6);
  });

  it('gives 1 for the same text in another convention and nothing for an empty one', () => {
    const corpus = [doc(1, 1, 'Soutien à la parentalité'), doc(2, 2, 'SOUTIEN À LA PARENTALITÉ'), doc(3, 3, 'le la les')];
    expect(mostSimilar(corpus[0]!, corpus, { limit: 3 })[0]).toMatchObject({ id: 2, score: expect.closeTo(1, 6) });
    expect(mostSimilar(corpus[2]!, corpus, { limit: 3 })).toEqual([]);
  });
});
