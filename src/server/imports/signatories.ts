import type { TerritoryMention } from './territories.js';

/** People who signed, with the capacity written beside their name (after it, before it, or in parentheses). */

export type SignatoryOrganisation = 'caf' | 'commune' | 'epci' | 'departement' | 'msa' | 'etat' | null;

export interface FoundSignatory {
  name: string;
  capacity: string | null;
  organisation: SignatoryOrganisation;
  start: number;
  end: number;
  capacitySpan: { start: number; end: number } | null;
  confidence: number;
}

const UPPER = '\\p{Lu}';
const WORD = `${UPPER}[\\p{Ll}'’]+(?:-${UPPER}[\\p{Ll}'’]+)*`;
const CAPS = `${UPPER}{2,}(?:[-'’]${UPPER}{2,})*`;
const PARTICLE = "(?:de la|de|du|des|d['’]|le|la|van|von|ben|el)";
const CIVILITY = '(?:M\\.|Mme|Mmes|MM\\.|Mlle|Madame|Monsieur|Mr|Dr|Docteur|Me)';
const NAME = new RegExp(
  `(?:(${CIVILITY})\\s+)?((?:${WORD}|${CAPS})(?:\\s+(?:${PARTICLE}\\s+)?(?:${WORD}|${CAPS})){0,3})`,
  'gu',
);

/** Capitalised words that start organisation names, places or sentences, never a person's name. */
const NOT_A_NAME = new Set([
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'en', 'au', 'aux', 'à', 'a', 'et', 'par', 'pour', 'parmi', 'enfin', 'ainsi',
  'caf', 'ctg', 'msa', 'ccas', 'cpam', 'ville', 'commune', 'mairie', 'conseil', 'communauté', 'agglomération', 'métropole', 'département',
  'hôtel', 'président', 'présidente', 'maire', 'directeur', 'directrice', 'république', 'état', 'préfet', 'préfète', 'espace', 'centre',
  'maison', 'salle', 'caisse', 'convention', 'signature', 'retour', 'partenaires', 'grand', 'saint', 'sainte', 'cette', 'ce', 'ces',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'vice', 'adjoint', 'adjointe', 'sous', 'territoire', 'établissement',
  'france', 'services', 'cnaf', 'éducation', 'nationale', 'mutualité', 'sociale', 'agricole', 'plan', 'projet', 'elle', 'il', 'ils', 'elles',
]);

const ROLE = /(?<![\p{L}])(maires?|adjointe?s?|pr[ée]sidente?s?|vice-pr[ée]sidente?s?|directeur|directrice|directeurs|conseill[eè]re?s?|d[ée]l[ée]gu[ée]e?s?|pr[ée]f[eè]te?|sous-pr[ée]f[eè]te?|secr[ée]taire|d[ée]put[ée]e?|s[ée]nat(?:eur|rice)|[ée]lue?s?|responsable|administrat(?:eur|rice)|repr[ée]sentante?|coordinat(?:eur|rice)|charg[ée]e?|agent comptable|chef)(?![\p{L}])/iu;

export function capacityOrganisation(capacity: string | null, previous: SignatoryOrganisation): SignatoryOrganisation {
  if (!capacity) return null;
  const c = capacity.toLowerCase();
  if (/\b(caf|caisse d['’]allocations|conseil d['’]administration)\b/.test(c)) return 'caf';
  if (/\bmsa\b|mutualit[ée] sociale/.test(c)) return 'msa';
  if (/^(maire|adjoint|conseill[eè]re? municipal)/.test(c)) return 'commune';
  if (/communaut[ée]|agglom[ée]ration|epci|m[ée]tropole|territoire|intercommunal/.test(c)) return 'epci';
  if (/d[ée]partement/.test(c)) return 'departement';
  if (/pr[ée]f[eè]te?|sous-pr[ée]f/.test(c)) return 'etat';
  if (/^(directeur|directrice|directeur général|directrice générale|agent comptable)$/.test(c)) return previous;
  return null;
}

/** "maire de la Ville et président de X" → "maire et président de X": the town is the convention's. */
function tidyCapacity(raw: string): string | null {
  const capacity = raw
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .replace(/,?\s*\b(?:et|ainsi que)(?:\s+(?:de|d['’]|du|des|par|pour))?$/i, '')
    .replace(/[\s,]+$/g, '')
    .replace(/\b((?:premi[eè]re?\s+)?(?:maire|adjointe?)(?:\s+adjointe?)?)\s+de\s+la\s+(?:ville|commune)\b/gi, '$1')
    .replace(/[\s,]+$/g, '')
    .trim();
  return capacity.length >= 3 && ROLE.test(capacity) ? capacity : null;
}

interface NameHit {
  /** Where the civility starts, if any. */
  outerStart: number;
  start: number;
  end: number;
  name: string;
  civility: boolean;
}

function findNames(text: string, from: number, to: number, blocked: TerritoryMention[]): NameHit[] {
  const hits: NameHit[] = [];
  const zone = text.slice(from, to);
  for (const m of zone.matchAll(NAME)) {
    const civility = Boolean(m[1]);
    let words = m[2]!.split(/\s+/);
    let offset = m.index + m[0].length - m[2]!.length;
    // Drop leading words that cannot start a name ("Le", "Caf"…).
    while (words.length && NOT_A_NAME.has(words[0]!.toLowerCase())) {
      offset += words[0]!.length + 1;
      words = words.slice(1);
    }
    // "Anne Le Goff", "Jean De Smet": a capitalised particle inside a name is kept.
    const cut = words.findIndex((w, k) => NOT_A_NAME.has(w.toLowerCase()) && !(k > 0 && k < words.length - 1 && /^(Le|La|De|Du|Des|Van|Von)$/.test(w)));
    if (cut >= 0) words = words.slice(0, cut);
    while (words.length && /^(de|du|des|d['’]|le|la|de la)$/i.test(words[words.length - 1]!)) words = words.slice(0, -1);
    if (words.length < (civility ? 1 : 2)) continue;
    if (!civility && /^\p{Lu}{2,}$/u.test(words[0]!) && words.every((w) => /^\p{Lu}+$/u.test(w))) continue;
    const name = words.join(' ');
    const start = from + offset;
    const end = start + name.length;
    if (blocked.some((t) => start < t.end && end > t.start)) continue;
    hits.push({ outerStart: civility && offset === m.index + m[0].length - m[2]!.length ? from + m.index : start, start, end, name, civility });
  }
  return hits;
}

/** Signatories named in text[from, to) (the signature sentences of one convention). */
export function findSignatories(text: string, from: number, to: number, blocked: TerritoryMention[]): FoundSignatory[] {
  const names = findNames(text, from, to, blocked);
  const result: FoundSignatory[] = [];
  let previousEnd = from;
  let previousOrg: SignatoryOrganisation = null;
  names.forEach((hit, i) => {
    const nextStart = names[i + 1]?.start ?? to;
    const after = text.slice(hit.end, nextStart);
    let capacity: string | null = null;
    let capacitySpan: { start: number; end: number } | null = null;
    const paren = /^\s*\(([^)]{2,200})\)/.exec(after);
    if (paren) {
      capacity = tidyCapacity(paren[1]!);
      capacitySpan = { start: hit.end + paren[0].indexOf('(') + 1, end: hit.end + paren[0].length - 1 };
    } else {
      const comma = /^\s*,\s*/.exec(after);
      if (comma) {
        const rest = after.slice(comma[0].length);
        const stop = /(?:,?\s+(?:ont|a|avaient|avait|vont|va|seront|sera)\s+(?:sign|paraph|officialis)|,?\s+(?:signent|signeront|signera|paraphent)\b|[.;:,](?:\s|$))/i.exec(rest);
        const body = stop ? rest.slice(0, stop.index) : rest;
        if (!/^(?:et|ainsi que|le|la|l['’]|les)\b/i.test(body)) {
          capacity = tidyCapacity(body);
          if (capacity) {
            const at = hit.end + comma[0].length + body.indexOf(capacity.split(' ')[0]!);
            capacitySpan = { start: at, end: at + body.replace(/[\s,]+(?:et|ainsi que)?\s*$/i, '').length };
          }
        }
      }
    }
    if (!capacity) {
      // Apposition before the name: "le maire de Sceaux, Philippe Laurent".
      const before = text.slice(previousEnd, hit.outerStart);
      if (/,\s*$/.test(before)) {
        const starts = [...before.matchAll(/(?:^|[\s,:;(])(?:le|la|l['’]|sa|son|leur)\s*(?=\p{L})/giu)].reverse();
        for (const s of starts) {
          const body = before.slice(s.index + s[0].length).replace(/,\s*$/, '');
          if (/[,;.:]/.test(body) || body.length > 160) break;
          const tidy = tidyCapacity(body);
          if (tidy) {
            capacity = tidy;
            const at = previousEnd + s.index + s[0].length;
            capacitySpan = { start: at, end: at + body.length };
            break;
          }
        }
      }
    }
    const organisation = capacityOrganisation(capacity, previousOrg);
    previousOrg = organisation ?? previousOrg;
    previousEnd = capacitySpan && capacitySpan.end > hit.end ? capacitySpan.end : hit.end;
    result.push({
      name: hit.name,
      capacity,
      organisation,
      start: hit.start,
      end: hit.end,
      capacitySpan,
      confidence: hit.civility ? 0.95 : 0.85,
    });
  });
  return result;
}
