import { normalizeForSearch } from '../../shared/text.js';
import { tokensOf, type Token } from './structure.js';
import { GROUP_FORM, groupCore, type Gazetteer, type Place } from './gazetteer.js';

/** Territory names found in a text and matched against the referential. */

export interface TerritoryMention {
  start: number;
  end: number;
  text: string;
  place: Place;
  confidence: number;
  /** Other places with the same name (homonyms), kept for the review screen. */
  alternatives: number;
}

const MAX_TOKENS = 8;
/** Capitalised common words that also name a commune somewhere: never a territory on their own. */
const SINGLE_WORD_STOP = new Set([
  'ville', 'commune', 'mairie', 'caf', 'conseil', 'centre', 'espace', 'maison', 'parc', 'port', 'val', 'mont', 'plaine', 'pont',
  'saint', 'sainte', 'grand', 'nord', 'sud', 'est', 'ouest', 'mars', 'mai', 'juin', 'avril', 'juillet', 'aout', 'ages', 'enfance',
  'parmi', 'enfin', 'pour', 'avec', 'les', 'la', 'le', 'des', 'signature', 'convention', 'france', 'etat', 'republique', 'president',
  'presidente', 'maire', 'directeur', 'directrice', 'madame', 'monsieur', 'famille', 'familles', 'vie', 'sociale', 'jeunesse', 'orange',
  'mer', 'bois', 'lac', 'foret', 'fontaine', 'bourg', 'cours', 'plan', 'union', 'charte', 'hotel', 'champs', 'article', 'objet',
]);
const CONNECTORS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'sur', 'sous', 'en', 'et', 'lès', 'lez', 'aux', 'au', 'à', 'a', 'st', 'ste', 'saint', 'sainte']);
const ACRONYM_STOP = new Set(['CTG', 'CAF', 'MSA', 'CCAS', 'EAJE', 'ALSH', 'LAEP', 'RPE', 'RAM', 'PMI', 'EVS', 'CLAS', 'REAAP', 'EPCI', 'EPT', 'CPAM', 'PIJ', 'ARS', 'CNAF', 'COPIL', 'QPV', 'AEEH', 'MDPH']);

const keyOf = (text: string) =>
  normalizeForSearch(text)
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte');

function candidateKeys(text: string, tokens: Token[]): Map<string, { start: number; end: number }[]> {
  const keys = new Map<string, { start: number; end: number }[]>();
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.upper) continue;
    for (let n = 1; n <= MAX_TOKENS && i + n - 1 < tokens.length; n++) {
      const last = tokens[i + n - 1]!;
      if (n > 1 && !/^(?:[ \-'’]|\. ?| ?- ?)$/.test(tokens[i + n - 2]!.after)) break;
      const key = keyOf(text.slice(tokens[i]!.start, last.end));
      const list = keys.get(key) ?? [];
      list.push({ start: tokens[i]!.start, end: last.end });
      keys.set(key, list);
    }
  }
  return keys;
}

function acronymOf(name: string): string | null {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 3 ? words.map((w) => w[0]).join('').toUpperCase() : null;
}

/** A lone word is kept only when it is not glued to other capitalised words ("Yves Révillon"). */
function acceptable(text: string, tokens: Token[], start: number, end: number): boolean {
  const inside = tokens.filter((t) => t.start >= start && t.end <= end);
  // Words of a multi-word name are capitalised in the text, except connectors ("Issy-les-Moulineaux"; not "Le plan").
  if (inside.length > 1) return inside.slice(1).every((t) => t.upper || CONNECTORS.has(t.text.toLowerCase()));
  const key = keyOf(text.slice(start, end));
  if (SINGLE_WORD_STOP.has(key)) return false;
  const index = tokens.findIndex((t) => t.start === start);
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (next?.upper && next.text.length > 1 && /^[ -]$/.test(tokens[index]!.after)) return false;
  if (previous?.upper && previous.after === '-') return false;
  if (previous?.upper && previous.after === ' ' && !/^(Ville|Commune|Caf|CAF|CTG|Mairie)$/.test(previous.text)) {
    const sentenceStart = index < 2 || /[.!?\n:]\s*$/.test(text.slice(Math.max(0, previous.start - 3), previous.start));
    if (!(sentenceStart && /^(Le|La|Les|À|A|En|Au|Aux|De|Du|Des)$/.test(previous.text))) return false;
  }
  return true;
}

const DEPARTEMENT_CONTEXT = /(caf|caisse d['’]allocations familiales|d[ée]partement|conseil d[ée]partemental|pr[ée]fecture|msa)\s*(?:de la|de l['’]|des|du|de|d['’])?\s*$/i;

export async function findTerritories(text: string, gazetteer: Gazetteer): Promise<TerritoryMention[]> {
  const tokens = tokensOf(text);
  const candidates = candidateKeys(text, tokens);
  const places = await gazetteer.findByNames([...candidates.keys()]);
  const byKey = new Map<string, Place[]>();
  for (const p of places) byKey.set(p.searchName, [...(byKey.get(p.searchName) ?? []), p]);
  const groups = await gazetteer.groups();
  const byCore = new Map<string, Place[]>();
  const byAcronym = new Map<string, Place[]>();
  for (const g of groups) {
    const core = groupCore(g.searchName);
    byCore.set(core, [...(byCore.get(core) ?? []), g]);
    const acronym = acronymOf(g.name.replace(/^(CC|CA|CU|Métropole)\s+(du|de la|des|de l'|d'|de)?\s*/i, ''));
    if (acronym && !ACRONYM_STOP.has(acronym)) byAcronym.set(acronym, [...(byAcronym.get(acronym) ?? []), g]);
  }

  const raw: { start: number; end: number; options: Place[] }[] = [];
  for (const [key, spans] of candidates) {
    const options = byKey.get(key) ?? (key.includes(' ') ? byCore.get(key) : undefined);
    if (!options) continue;
    for (const span of spans) {
      if (acceptable(text, tokens, span.start, span.end)) raw.push({ ...span, options });
    }
  }
  // "communauté de communes du Pays de Gex", "l'agglomération Cergy-Pontoise": the EPCI by its own name.
  const formed = new RegExp(`\\b${GROUP_FORM}\\s+(?:du|de la|des|de l['’]|d['’]|de)?\\s*((?:\\p{Lu}[\\p{L}'’-]*)(?:[ \\-](?:(?:de|du|des|la|le|les|et|sur|en|d['’]|l['’])[ \\-]?)*\\p{Lu}[\\p{L}'’-]*)*)`, 'gu');
  for (const m of text.matchAll(formed)) {
    const name = m[1]!;
    const nameStart = m.index + m[0].length - name.length;
    const words = name.split(/[ ]/);
    for (let n = words.length; n >= 1; n--) {
      const part = words.slice(0, n).join(' ');
      const options = byCore.get(keyOf(part)) ?? byKey.get(keyOf(part))?.filter((p) => p.kind === 'epci' || p.kind === 'ept');
      if (options?.length) {
        raw.push({ start: m.index, end: nameStart + part.length, options });
        break;
      }
    }
  }
  for (const t of tokens) {
    const options = /^\p{Lu}{3,6}$/u.test(t.text) ? byAcronym.get(t.text) : undefined;
    if (options?.length === 1) raw.push({ start: t.start, end: t.end, options });
  }

  // Longest first; overlapping shorter matches are dropped.
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof raw = [];
  for (const r of raw) if (!kept.some((k) => r.start < k.end && r.end > k.start)) kept.push(r);
  kept.sort((a, b) => a.start - b.start);

  const unambiguous = kept.filter((k) => k.options.length === 1).map((k) => k.options[0]!.departementCode);
  const counts = new Map<string, number>();
  for (const d of unambiguous) if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  const dominant = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  return kept.map((k) => {
    const before = text.slice(Math.max(0, k.start - 45), k.start);
    let options = k.options;
    const kinds = new Set(options.map((o) => o.kind));
    if (kinds.size > 1) {
      const wantsDepartement = DEPARTEMENT_CONTEXT.test(before);
      const preferred = options.filter((o) => (o.kind === 'departement') === wantsDepartement);
      if (preferred.length) options = preferred;
    }
    let place = options[0]!;
    let confidence = k.end - k.start > 12 || options.length === 1 ? 0.9 : 0.7;
    if (options.length > 1) {
      const local = options.filter((o) => o.departementCode === dominant);
      place = (local.length ? local : options).slice().sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0]!;
      confidence = local.length === 1 ? 0.7 : 0.4;
    }
    return { start: k.start, end: k.end, text: text.slice(k.start, k.end), place, confidence, alternatives: options.length - 1 };
  });
}
