import { withDe } from '../../shared/text.js';
import { joinAnd } from './words.js';
import type { DraftOrganisation, DraftSignatory } from './draft.facts.js';

/** Fields of intervention with their article, as a sentence needs them. */
const THEME_PHRASES: Record<string, string> = {
  petite_enfance: 'la petite enfance',
  enfance: 'l’enfance',
  jeunesse: 'la jeunesse',
  parentalite: 'la parentalité',
  animation_vie_sociale: 'l’animation de la vie sociale',
  acces_aux_droits: 'l’accès aux droits',
  inclusion_numerique: 'l’inclusion numérique',
  logement: 'le logement',
  handicap: 'le handicap',
  accompagnement_social: 'l’accompagnement social',
  sante: 'la santé',
  mobilite: 'la mobilité',
};

export function themePhrase(code: string, labels: Record<string, string>): string {
  return THEME_PHRASES[code] ?? lowerFirst(labels[code] ?? code.replace(/_/g, ' '));
}

/** Lower-cases the first letter unless the word is an acronym ("CAF", "EAJE"). */
export function lowerFirst(text: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLocaleLowerCase('fr-FR') + text.slice(1);
}

/** "Ville de Bois-Colombes" → "Bois-Colombes": the commune's own name. */
export const communeName = (organisationName: string): string => organisationName.replace(/^Ville (?:de |d[’'])/u, '');

/** An organisation as a sentence's subject or object: "la Ville de Bois-Colombes", "l’établissement public territorial X". */
export function organisationWithArticle(org: DraftOrganisation): string {
  if (org.kind === 'caf' || org.kind === 'commune' || org.kind === 'msa') return `la ${org.name}`;
  if (org.kind === 'ept' && !/^(établissement|EPT)/iu.test(org.name)) return `l’établissement public territorial ${org.name}`;
  if (org.kind === 'epci' && !/^(communauté|métropole)/iu.test(org.name)) return `l’intercommunalité ${org.name}`;
  if (/^(communauté|métropole)/iu.test(org.name)) return `la ${org.name}`;
  if (org.kind === 'departement') return `le ${org.name}`;
  return org.name;
}

/** "de Bois-Colombes", "d’Issy-les-Moulineaux", "de la Caf des Hauts-de-Seine", "de Grand Paris Seine Ouest". */
export function organisationComplement(org: DraftOrganisation): string {
  if (org.kind === 'commune') return withDe(communeName(org.name));
  if (org.kind === 'caf' || org.kind === 'msa') return `de la ${org.name}`;
  return withDe(org.name);
}

/** A place as a complement: "à l’hôtel de ville de X", "à la mairie de Y", "au centre social Z". */
export function placeComplement(place: string): string {
  const lower = lowerFirst(place.trim());
  if (/^(hôtel|espace|école|auditorium|atelier)\b/u.test(lower)) return `à l’${lower}`;
  if (/^(mairie|salle|maison|médiathèque|préfecture|sous-préfecture|caf)\b/u.test(lower)) return `à la ${lower}`;
  if (/^(centre|siège|conseil|théâtre|musée|palais)\b/u.test(lower)) return `au ${lower}`;
  return `à ${place.trim()}`;
}

/**
 * A signatory's capacity in natural French. The capacity is stored relative to the party it signs for
 * ("maire", "directeur"); other offices may follow after a comma ("maire, président de Grand Paris Seine Ouest").
 * Outside the Caf's group, the first office gets its organisation: "maire de Bois-Colombes et président de …".
 */
export function capacityPhrase(signatory: DraftSignatory, named: boolean): string {
  const offices = signatory.capacity.split(/\s*,\s*/u).filter((o) => o.length > 0);
  const [first = signatory.capacity, ...others] = offices;
  const alreadyQualified = /\s(de|du|des|d’|d')\s?/u.test(` ${first}`);
  const head = named && signatory.organisation && !alreadyQualified ? `${first} ${organisationComplement(signatory.organisation)}` : first;
  return joinAnd([head, ...others]);
}

/** "d’Yves Révillon, maire de Bois-Colombes": a signatory after « les signatures de ». */
const mention = (s: DraftSignatory, named: boolean): string => `${withDe(s.fullName)}, ${capacityPhrase(s, named)}`;

/**
 * Who signed, grouped by the party they signed for; the Caf's group is introduced once ("pour la Caf, de …").
 * `singleCaf` says whether "la Caf" alone is unambiguous in the article.
 */
export function signatoriesSentence(signatories: readonly DraftSignatory[], singleCaf: boolean): string {
  const groups = new Map<string, DraftSignatory[]>();
  for (const s of signatories) {
    const key = s.organisation ? `${s.organisation.kind}:${s.organisation.name}` : `person:${s.fullName}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  // The Caf's group comes last, so that « ainsi que, pour la Caf, … » closes the sentence.
  const ordered = [...groups.values()].sort((a, b) => Number(a[0]!.organisation?.kind === 'caf') - Number(b[0]!.organisation?.kind === 'caf'));
  const texts = ordered.map((members) => {
    const org = members[0]!.organisation;
    if (org?.kind === 'caf') {
      const who = singleCaf ? 'la Caf' : `la ${org.name}`;
      return `pour ${who}, ${joinAnd(members.map((m) => mention(m, false)), ', et ')}`;
    }
    return joinAnd(members.map((m) => mention(m, true)), ', et ');
  });
  if (texts.length === 0) return '';
  const joined = texts.length === 1 ? texts[0]! : `${texts.slice(0, -1).join(', ')}, ainsi que, ${texts[texts.length - 1]}`;
  const lead = texts.length === 1 && texts[0]!.startsWith('pour ') ? 'La convention porte les signatures, ' : 'La convention porte les signatures ';
  return `${lead}${joined}.`;
}
