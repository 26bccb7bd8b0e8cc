import snowball from 'snowball-stemmers';

/**
 * Text similarity between actions: French words lower-cased, stop words dropped, reduced to their
 * stem (accents removed after stemming), weighted by TF-IDF over the corpus, compared by cosine.
 * Pure: the corpus is whatever the caller may see, handed in by the service.
 */

const stemmer = snowball.newStemmer('french');

/** Grammatical words and words every action uses, which say nothing about what an action is. */
const STOP_WORDS = new Set(
  (
    'a à ai au aux avec ce ces cet cette ceux chez ci comme d dans de des du elle elles en entre et eux il ils je l la le les leur leurs lui ' +
    'ma mais me meme même mes moi mon n ne ni nos notre nous on ou où par pas plus pour qu que qui s sa sans se ses si son sont sur ta te tes ' +
    'toi ton tous tout toute toutes tu un une vos votre vous y être etre est sont ont été ete afin ainsi aussi autour dont lors leurs ' +
    'c j m t via selon sous vers puis donc car or soit fait faire'
  ).split(' '),
);

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Verbs and adverbs that open most fiches action (« améliorer », « développer »…): they do not tell two actions apart. */
const GENERIC_WORDS = 'ameliorer developper renforcer favoriser soutenir creer mettre place oeuvre mieux maintenir poursuivre consolider permettre'.split(' ');

/** Expressions of the field that say the same thing in other words: each counts as one shared term. */
const EQUIVALENT_PHRASES: { label: string; phrases: string[] }[] = [
  { label: 'petite enfance', phrases: ['petite enfance', 'jeune enfant', 'jeunes enfants', 'tout petits', 'moins de 3 ans', 'moins de trois ans'] },
  { label: 'accès aux droits', phrases: ['acces aux droits', 'accès aux droits'] },
];

export interface Token {
  stem: string;
  word: string;
}

/** Stemming is the costly part and the vocabulary is small: each word is stemmed once per process. */
const stems = new Map<string, string>();
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stripAccents(stemmer.stem(word));
    if (stems.size < 500_000) stems.set(word, stem);
  }
  return stem;
}
const GENERIC_STEMS = new Set(GENERIC_WORDS.map(stemOf));

/** Every word of a text with its stem, stop words included (phrases need them). */
function rawTokens(text: string): (Token & { stop: boolean })[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => {
    const word = m[0].toLowerCase();
    const stem = stemOf(word);
    return { word, stem, stop: STOP_WORDS.has(word) || word.length < 2 || /^\d+$/.test(word) || GENERIC_STEMS.has(stem) };
  });
}

const PHRASES = EQUIVALENT_PHRASES.flatMap(({ label, phrases }) =>
  phrases.map((p) => ({ stems: rawTokens(p).map((t) => t.stem), concept: { stem: `«${stripAccents(label)}»`, label } })),
).sort((a, b) => b.stems.length - a.stems.length);

/**
 * The meaningful words of a text, each with its stem ("Crèches" → crech, "accueillir" → accueil);
 * equivalent expressions (« jeune enfant », « petite enfance ») become one shared term.
 */
export function tokenize(text: string): Token[] {
  const raw = rawTokens(text);
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const phrase = PHRASES.find((p) => p.stems.every((s, k) => raw[i + k]?.stem === s));
    if (phrase) {
      tokens.push({ stem: phrase.concept.stem, word: raw.slice(i, i + phrase.stems.length).map((t) => t.word).join(' ') });
      i += phrase.stems.length - 1;
    } else if (!raw[i]!.stop) {
      tokens.push({ stem: raw[i]!.stem, word: raw[i]!.word });
    }
  }
  return tokens;
}

export interface SimilarityDoc {
  id: number;
  /** Actions of the same group (convention) are not proposed as similar to each other. */
  group: number;
  tokens: Token[];
}

export interface MatchedWord {
  stem: string;
  /** The word as it appears in the reference text. */
  word: string;
  /** Share of the score this word brings (0..1). */
  share: number;
}

export interface SimilarityMatch {
  id: number;
  score: number;
  words: MatchedWord[];
}

type Vector = Map<string, number>;

function termCounts(tokens: Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t.stem, (counts.get(t.stem) ?? 0) + 1);
  return counts;
}

/** Smoothed inverse document frequency: a stem found everywhere weighs little, a rare one a lot. */
export function inverseFrequencies(docs: SimilarityDoc[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const stem of new Set(d.tokens.map((t) => t.stem))) df.set(stem, (df.get(stem) ?? 0) + 1);
  const n = docs.length;
  return new Map([...df].map(([stem, count]) => [stem, Math.log((1 + n) / (1 + count)) + 1]));
}

function vectorOf(tokens: Token[], idf: Map<string, number>): { vector: Vector; norm: number } {
  const vector: Vector = new Map();
  for (const [stem, count] of termCounts(tokens)) vector.set(stem, (1 + Math.log(count)) * (idf.get(stem) ?? 1));
  const norm = Math.sqrt([...vector.values()].reduce((s, w) => s + w * w, 0));
  return { vector, norm };
}

/** The surface word a stem stands for in a text: its first occurrence. */
function wordFor(tokens: Token[], stem: string): string {
  return tokens.find((t) => t.stem === stem)?.word ?? stem;
}

/**
 * The documents of other groups most similar to `reference`, best first, with the words they share
 * (strongest first). Documents under `minScore` are left out.
 */
export function mostSimilar(reference: SimilarityDoc, corpus: SimilarityDoc[], options: { limit: number; minScore?: number; maxWords?: number }): SimilarityMatch[] {
  const idf = inverseFrequencies(corpus.some((d) => d.id === reference.id) ? corpus : [...corpus, reference]);
  const ref = vectorOf(reference.tokens, idf);
  if (ref.norm === 0) return [];
  const matches: SimilarityMatch[] = [];
  for (const doc of corpus) {
    if (doc.id === reference.id || doc.group === reference.group) continue;
    if (!doc.tokens.some((t) => ref.vector.has(t.stem))) continue;
    const other = vectorOf(doc.tokens, idf);
    if (other.norm === 0) continue;
    const contributions: [string, number][] = [];
    for (const [stem, weight] of ref.vector) {
      const w = other.vector.get(stem);
      if (w !== undefined) contributions.push([stem, weight * w]);
    }
    if (contributions.length === 0) continue;
    const dot = contributions.reduce((s, [, c]) => s + c, 0);
    const score = dot / (ref.norm * other.norm);
    if (score < (options.minScore ?? 0)) continue;
    contributions.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    matches.push({
      id: doc.id,
      score,
      words: contributions.slice(0, options.maxWords ?? 8).map(([stem, c]) => ({ stem, word: wordFor(reference.tokens, stem), share: c / dot })),
    });
  }
  return matches.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, options.limit);
}
