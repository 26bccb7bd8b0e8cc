import snowball from 'snowball-stemmers';
import { NEUTRAL_PHRASES, THEME_LEXICON } from './theme-lexicon.js';

/** Explainable theme classifier: French stemming plus a lexicon per field, with the words that matched. */

const stemmer = snowball.newStemmer('french');
const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'à', 'a', 'au', 'aux', 'en', 'et', 'un', 'une', 'pour', 'sur', 'dans']);

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

interface Word {
  stem: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  const result: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const lower = m[0].toLowerCase();
    if (STOP_WORDS.has(lower)) continue;
    result.push({ stem: stripAccents(stemmer.stem(lower)), start: m.index, end: m.index + m[0].length });
  }
  return result;
}

interface Entry {
  stems: string[];
  themes: string[];
}

function buildEntries(): Map<string, Entry[]> {
  const byFirst = new Map<string, Entry[]>();
  const add = (phrase: string, theme: string | null) => {
    const stems = words(phrase).map((w) => w.stem);
    if (stems.length === 0) return;
    const list = byFirst.get(stems[0]!) ?? [];
    const existing = list.find((e) => e.stems.join(' ') === stems.join(' '));
    if (existing) {
      if (theme && !existing.themes.includes(theme)) existing.themes.push(theme);
    } else {
      list.push({ stems, themes: theme ? [theme] : [] });
    }
    byFirst.set(stems[0]!, list);
  };
  for (const [theme, phrases] of Object.entries(THEME_LEXICON)) phrases.forEach((p) => add(p, theme));
  NEUTRAL_PHRASES.forEach((p) => add(p, null));
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirst;
}

const ENTRIES = buildEntries();

export interface ThemeEvidence {
  theme: string;
  words: string[];
}

export interface Classification {
  themes: string[];
  evidence: ThemeEvidence[];
}

/** Themes of a text, strongest first (most matches, then earliest), with the words that matched. */
export function classifyThemes(text: string): Classification {
  const found = new Map<string, { count: number; first: number; words: string[] }>();
  const list = words(text);
  for (let i = 0; i < list.length; ) {
    const candidates = ENTRIES.get(list[i]!.stem) ?? [];
    const entry = candidates.find((e) => e.stems.every((s, k) => list[i + k]?.stem === s));
    if (!entry) {
      i++;
      continue;
    }
    const last = list[i + entry.stems.length - 1]!;
    const matched = text.slice(list[i]!.start, last.end);
    for (const theme of entry.themes) {
      const current = found.get(theme) ?? { count: 0, first: list[i]!.start, words: [] };
      current.count++;
      if (!current.words.includes(matched)) current.words.push(matched);
      found.set(theme, current);
    }
    i += entry.stems.length;
  }
  const ordered = [...found.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  return { themes: ordered.map(([t]) => t), evidence: ordered.map(([theme, f]) => ({ theme, words: f.words })) };
}
