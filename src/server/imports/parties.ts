import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { TerritoryMention } from './territories.js';

/** The Caf and the other organisations named as parties (MSA, conseil départemental, État…). */

const require = createRequire(import.meta.url);
interface CogDepartement {
  code: string;
  nom: string;
  typeLiaison: number;
}
const DEPARTEMENTS: CogDepartement[] = JSON.parse(
  readFileSync(require.resolve('@etalab/decoupage-administratif/data/departements.json'), 'utf8'),
) as CogDepartement[];
const BY_CODE = new Map(DEPARTEMENTS.map((d) => [d.code, d]));

// COG "typeLiaison": the article used before the name.
const LINKS = ['de ', 'd’', 'du ', 'de la ', 'des ', 'de l’', 'des ', 'de los ', 'de las '];

/** "Caf des Hauts-de-Seine", "Caf du Nord", "Caf de l’Ain", "Caf de Paris". */
export function cafName(departementCode: string): string | null {
  const d = BY_CODE.get(departementCode);
  if (!d) return null;
  if (d.code === '75') return 'Caf de Paris';
  return `Caf ${LINKS[d.typeLiaison] ?? 'de '}${d.nom}`;
}

export interface FoundCaf {
  name: string;
  departementCode: string | null;
  start: number;
  end: number;
  confidence: number;
  inferred: boolean;
}

const CAF = /\b(?:Caf|CAF|caisse d['’]allocations familiales|Caisse d['’]allocations familiales|Caisse d['’]Allocations Familiales)\b/g;

/** The Caf named with its département (by name or number), else the département of the territories. */
export function findCaf(text: string, mentions: TerritoryMention[], perimeter: TerritoryMention[]): FoundCaf | null {
  let bare: { start: number; end: number } | null = null;
  for (const m of text.matchAll(CAF)) {
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 60);
    const number = /^\s*(?:du |de la |de l['’]|des |de |d['’])?\(?\s*(\d{2,3}|2A|2B)\b\)?/.exec(after);
    if (number && BY_CODE.has(number[1]!)) {
      return { name: cafName(number[1]!)!, departementCode: number[1]!, start: m.index, end: end + number[0].length, confidence: 0.95, inferred: false };
    }
    const named = mentions.find((t) => t.place.kind === 'departement' && t.start >= end && t.start - end <= 8);
    if (named) {
      return { name: cafName(named.place.code) ?? `Caf ${named.text}`, departementCode: named.place.code, start: m.index, end: named.end, confidence: 0.95, inferred: false };
    }
    const town = mentions.find((t) => t.place.kind === 'commune' && t.start >= end && t.start - end <= 8);
    if (town?.place.code.startsWith('75')) {
      return { name: 'Caf de Paris', departementCode: '75', start: m.index, end: town.end, confidence: 0.9, inferred: false };
    }
    bare ??= { start: m.index, end };
  }
  const departement = perimeter.map((t) => t.place.departementCode).find((d) => d) ?? null;
  if (!departement) return null;
  const name = cafName(departement);
  if (!name) return null;
  return { name, departementCode: departement, start: bare?.start ?? -1, end: bare?.end ?? -1, confidence: bare ? 0.7 : 0.4, inferred: true };
}

export interface FoundParty {
  name: string;
  kind: 'msa' | 'departement' | 'etat' | 'autre';
  start: number;
  end: number;
}

const PARTIES: { re: RegExp; kind: FoundParty['kind']; name: (m: RegExpMatchArray, dep: string | null) => string }[] = [
  { re: /\b(?:MSA|Mutualit[ée] sociale agricole)(?:\s+(?:de la |du |des |de l['’]|de |d['’])?(\p{Lu}[\p{L}'’-]*(?:[ -](?:et|de|du|des|la|le)?\s?\p{Lu}[\p{L}'’-]*)*))?/gu, kind: 'msa', name: (m) => (m[1] ? `MSA ${m[1]}` : 'MSA') },
  { re: /\b[Cc]onseil (?:d[ée]partemental|g[ée]n[ée]ral)\b/g, kind: 'departement', name: (_m, dep) => (dep ? `Conseil départemental (${dep})` : 'Conseil départemental') },
  { re: /\b(?:le |la )?[Dd][ée]partement (?:de la |du |des |de l['’]|de |d['’])(\p{Lu}[\p{L}'’-]*(?:[ -]\p{Lu}[\p{L}'’-]*)*)/gu, kind: 'departement', name: (m) => `Conseil départemental (${m[1]})` },
  { re: /\b(?:l['’][ÉE]tat|la [Pp]r[ée]fecture|le [Pp]r[ée]fet|la [Pp]r[ée]f[eè]te|la sous-pr[ée]fecture)\b/g, kind: 'etat', name: () => 'État' },
  { re: /\b(?:CPAM|[Cc]aisse primaire d['’]assurance maladie)\b/g, kind: 'autre', name: () => 'CPAM' },
  { re: /(?<![\p{L}])(?:[ÉE]ducation nationale|DSDEN)\b/gu, kind: 'autre', name: () => 'Éducation nationale' },
  { re: /\bCCAS\b|\b[Cc]entre communal d['’]action sociale\b/g, kind: 'autre', name: () => 'CCAS' },
];

/** Organisations other than the Caf and the local authorities of the perimeter. */
export function findOtherParties(text: string, mentions: TerritoryMention[]): FoundParty[] {
  const found: FoundParty[] = [];
  for (const rule of PARTIES) {
    for (const m of text.matchAll(rule.re)) {
      const end = m.index + m[0].length;
      const dep = mentions.find((t) => t.place.kind === 'departement' && t.start >= end && t.start - end <= 8);
      const name = rule.name(m, dep?.place.name ?? null);
      if (!found.some((f) => f.name === name)) {
        found.push({ name, kind: rule.kind, start: m.index, end: dep ? dep.end : end });
      }
    }
  }
  // A generic mention ("le conseil départemental") gives way to a named one of the same kind.
  return found.filter((f) => !found.some((g) => g !== f && g.kind === f.kind && g.name.startsWith(`${f.name} `)));
}
