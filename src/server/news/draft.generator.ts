import { businessRule } from '../platform/http/errors.js';
import type { DraftFacts, DraftSignature, GeneratedDraft } from './draft.facts.js';
import {
  communeName,
  lowerFirst,
  organisationWithArticle,
  placeComplement,
  signatoriesSentence,
  themePhrase,
} from './draft.phrases.js';
import { frenchTypography } from './typography.js';
import { capitalize, dayAndMonth, joinAnd, numberInWords, periodPhrase } from './words.js';

/**
 * Writes the news of a set of signatures in French, from the data alone: a title that counts and names the
 * period, a lead, a reminder of what a CTG is, then one section per signature in date order with its place,
 * signatories and highlighted projects. One function serves the API, the web app and the CLI.
 */
export function generateDraft(facts: DraftFacts): GeneratedDraft {
  const signatures = [...facts.signatures].sort((a, b) => a.date.localeCompare(b.date) || a.eventId - b.eventId);
  if (signatures.length === 0) throw businessRule('Aucune signature de CTG à annoncer : il n’y a pas d’article à écrire.');
  const firstDate = signatures[0]!.date;
  const lastDate = signatures[signatures.length - 1]!.date;
  const period = periodPhrase(firstDate, lastDate);
  const cafNames = [...new Set(signatures.map((s) => s.caf.name))];
  const singleCaf = cafNames.length === 1;
  const count = signatures.length;
  const title = count === 1 ? `Une nouvelle signature de CTG ${period}` : `${capitalize(numberInWords(count, true))} nouvelles signatures de CTG ${period}`;

  const blocks = [
    leadParagraph(signatures, period, singleCaf),
    reminderParagraph(signatures, facts.themeLabels, singleCaf),
    ...signatures.flatMap((s, index) => section(s, index, count, singleCaf)),
  ];
  return {
    title: frenchTypography(title),
    body: frenchTypography(blocks.join('\n\n')),
    signatureEventIds: signatures.map((s) => s.eventId),
    conventionIds: [...new Set(signatures.map((s) => s.conventionId))],
    firstDate,
    lastDate,
  };
}

const territoryOf = (s: DraftSignature): string =>
  s.territoryNames.length > 0 ? joinAnd(s.territoryNames) : joinAnd(s.partners.map((p) => communeName(p.name)));

const cafSubject = (signatures: readonly DraftSignature[], singleCaf: boolean): string =>
  singleCaf ? `la ${signatures[0]!.caf.name}` : 'les Caf';

function leadParagraph(signatures: readonly DraftSignature[], period: string, singleCaf: boolean): string {
  const places = joinAnd(signatures.map(territoryOf));
  const onlyConventions = signatures.every((s) => s.kind === 'convention');
  if (signatures.length === 1) {
    const what = onlyConventions ? 'une convention territoriale globale (CTG)' : 'un avenant à sa convention territoriale globale (CTG)';
    return `${capitalize(period)}, ${cafSubject(signatures, singleCaf)} a signé ${what} avec ${places}.`;
  }
  const counted = numberInWords(signatures.length, true);
  const what = onlyConventions ? `${counted} conventions territoriales globales (CTG)` : `${counted} conventions territoriales globales (CTG) ou avenants`;
  return `${capitalize(period)}, ${cafSubject(signatures, singleCaf)} a signé ${what}, avec ${places}.`;
}

/** What a CTG is, from the conventions' own parties, period and shared fields. */
function reminderParagraph(signatures: readonly DraftSignature[], labels: Record<string, string>, singleCaf: boolean): string {
  const caf = singleCaf ? `la ${signatures[0]!.caf.name}` : 'la Caf';
  const partnerKinds = new Set(signatures.flatMap((s) => s.partners.map((p) => p.kind)));
  let partners: string;
  if (signatures.length === 1) partners = joinAnd(signatures[0]!.partners.map(organisationWithArticle)) || 'ses partenaires';
  else if (partnerKinds.size === 1 && partnerKinds.has('commune')) partners = 'une commune';
  else partners = 'une ou plusieurs collectivités';

  const periods = [...new Set(signatures.map((s) => `${s.startYear}|${s.endYear}`))].map((p) => p.split('|').map(Number) as [number, number]);
  let duration: string;
  if (periods.length === 1) {
    const [start, end] = periods[0]!;
    const years = end - start + 1;
    duration = years === 1 ? `pour l’année ${start}` : `pour ${numberInWords(years)} ans, de ${start} à ${end}`;
  } else {
    duration = `pour plusieurs années (${joinAnd(periods.map(([start, end]) => `de ${start} à ${end}`))} selon les conventions)`;
  }

  const [first, ...others] = signatures.map((s) => s.themes);
  let shared = (first ?? []).filter((code) => others.every((themes) => themes.includes(code)));
  if (shared.length === 0) shared = [...new Set(signatures.flatMap((s) => s.themes))];
  const fields = shared.length > 0 ? ` : ${joinAnd(shared.map((code) => themePhrase(code, labels)))}` : '';
  return `Pour mémoire, une CTG est un accord par lequel ${caf} et ${partners} s’engagent ensemble, ${duration}, dans des champs d’intervention communs${fields}.`;
}

function opening(s: DraftSignature, index: number, count: number): string {
  const when = dayAndMonth(s.date);
  const where = s.place ? ` ${placeComplement(s.place)}` : '';
  const partners = s.partners.map(organisationWithArticle);
  const what = s.kind === 'convention' ? 'CTG' : 'avenant';
  const signed = s.kind === 'convention' ? 'signé leur CTG' : 'signé un avenant à leur CTG';
  if (partners.length === 0) {
    return `${index === count - 1 && count > 1 ? 'Enfin, le' : 'Le'} ${when}, la Caf a signé la ${what} de ${territoryOf(s)}${where}.`;
  }
  const parties = joinAnd(['la Caf', ...partners]);
  if (count > 1 && index === count - 1) return `Enfin, le ${when}, ${parties} ont à leur tour ${signed},${where}.`.replace(',.', '.');
  if (index > 0) {
    const own = s.kind === 'convention' ? 'sa CTG' : 'un avenant à sa CTG';
    return `Le ${when}, c’était au tour de ${joinAnd(partners)} de signer ${own} avec la Caf${where ? `,${where}` : ''}.`;
  }
  return `Le ${when}, ${parties} ont ${signed}${where}.`;
}

function section(s: DraftSignature, index: number, count: number, singleCaf: boolean): string[] {
  const heading = `## ${territoryOf(s)}`;
  const paragraph = [opening(s, index, count), signatoriesSentence(s.signatories, singleCaf)].filter((t) => t.length > 0).join(' ');
  if (s.highlightedActions.length === 0) {
    return [heading, paragraph, 'Les projets de cette convention n’ont pas encore été mis en avant ; ils feront l’objet d’une prochaine actualité.'];
  }
  const items = s.highlightedActions.map((action, i) => {
    const label = action.labels.length > 0 ? ` (label${action.labels.length > 1 ? 's' : ''} ${joinAnd(action.labels.map((l) => `« ${l} »`))})` : '';
    const end = i === s.highlightedActions.length - 1 ? '.' : ' ;';
    return `- ${lowerFirst(action.title.trim().replace(/[.;]+$/u, ''))}${label}${end}`;
  });
  return [heading, paragraph, 'Parmi les projets que porte cette convention :', items.join('\n')];
}
