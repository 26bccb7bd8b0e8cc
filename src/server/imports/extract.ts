import type { ExtractedConvention, Extraction, ImportSpan } from '../../shared/api/imports.js';
import { withDe } from '../../shared/text.js';
import { normalizeImportText } from './normalize.js';
import { paragraphsOf, type Paragraph, type Piece } from './structure.js';
import { findTerritories, type TerritoryMention } from './territories.js';
import { findCaf, findOtherParties, type FoundCaf, type FoundParty } from './parties.js';
import { findDates, findPublicationDate, formatFoundDate, inferYear, type FoundDate } from './dates.js';
import { findPeriod } from './period.js';
import { findSignatories, type FoundSignatory } from './signatories.js';
import { findProjects } from './projects.js';
import { classifyThemes } from './themes.js';
import { FUTURE, segment, signatureSentences, SIGNING, type Segment } from './segments.js';
import type { Gazetteer } from './gazetteer.js';

/** Turns a pasted or uploaded text into draft conventions, each field with the span it was read from. */

const PLACE = /(?<![\p{L}])(?:à|au|en|dans)\s+(?:l['’]|la\s+|le\s+|les\s+)?((?:h[ôo]tel de ville|mairie|salle|si[èe]ge|pr[ée]fecture|sous-pr[ée]fecture|centre social|centre socioculturel|maison|m[ée]diath[èe]que|espace|locaux|h[ôo]tel (?:de|du|d['’])\s?(?:la\s)?\p{L}+|auditorium|th[ée]âtre|gymnase|[ée]cole|palais)\b[^,.;()]*?)(?=\s*(?:[,.;()]|\s(?:en présence|par|le \d|le 1er|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|entre|avec|afin|pour)\b|$))/iu;
const PLACE_TOWN = /(?<![\p{L}])(?:à|en)\s+(\p{Lu}[\p{L}'’-]+(?:[ -](?:sur|sous|en|de|du|des|la|le|les|lès|l['’]|d['’])?[ -]?\p{Lu}?[\p{L}'’-]+)*)/u;
const THEME_SENTENCE = /\b(?:champs?|domaines?|th[ée]matiques?|axes?|priorit[ée]s?|enjeux|orientations?)\b/i;
const KIND_OUT: Record<string, 'commune' | 'epci' | 'departement'> = { commune: 'commune', epci: 'epci', ept: 'epci', departement: 'departement' };

const inside = (x: { start: number; end: number }, ranges: { start: number; end: number }[]) => ranges.some((r) => x.start >= r.start && x.end <= r.end);
const overlaps = (x: { start: number; end: number }, ranges: { start: number; end: number }[]) => ranges.some((r) => x.start < r.end && x.end > r.start);

export interface ExtractOptions {
  today?: Date;
}

export async function extractFromText(raw: string, gazetteer: Gazetteer, options: ExtractOptions = {}): Promise<Extraction> {
  const { text } = normalizeImportText(raw);
  const paragraphs = paragraphsOf(text);
  const mentions = await findTerritories(text, gazetteer);
  const publication = findPublicationDate(text);
  const { preamble, segments } = segment(paragraphs, mentions);
  const parties = findOtherParties(text, mentions);
  const conventions = segments.map((seg) => buildConvention(text, seg, preamble, mentions, parties, publication, options));
  return {
    text,
    publicationDate: publication?.year && publication.day ? formatFoundDate(publication.year, publication) : null,
    conventions,
  };
}

function rangeOf(list: Paragraph[]): { start: number; end: number }[] {
  return list.map((p) => ({ start: p.start, end: p.end }));
}

function buildConvention(
  text: string,
  seg: Segment,
  preamble: Paragraph[],
  mentions: TerritoryMention[],
  parties: FoundParty[],
  publication: FoundDate | null,
  options: ExtractOptions,
): ExtractedConvention {
  const spans: ImportSpan[] = [];
  const segRange = rangeOf(seg.paragraphs);
  const contextRange = [...rangeOf(preamble), ...segRange];
  const sentences = signatureSentences(seg);

  const signatories: FoundSignatory[] = sentences.flatMap((s) => findSignatories(text, s.start, s.end, mentions));
  const capacityRanges = signatories.flatMap((s) => (s.capacitySpan ? [s.capacitySpan] : []));
  const signatoryLine = (p: Paragraph) => findSignatories(text, p.start, p.end, mentions).some((s) => s.capacity && s.start - p.start <= 4);
  const projects = findProjects(seg.paragraphs, signatoryLine);
  const partyRanges = parties.map((p) => ({ start: p.start, end: p.end }));

  const placeFound = findPlace(text, sentences, mentions);
  const perimeter = choosePerimeter(text, seg, preamble, mentions, { capacityRanges, projects, partyRanges, place: placeFound?.span ?? null });
  const caf = findCaf(text, mentions, perimeter);
  if (perimeter.length === 0) {
    perimeter.push(...mentions.filter((m) => m.place.kind === 'departement' && inside(m, contextRange) && !(caf && inside(m, [caf])) && !overlaps(m, partyRanges)));
  }
  const territories = perimeter;
  territories.forEach((m) => spans.push({ field: 'territory', start: m.start, end: m.end, confidence: m.confidence }));
  if (caf && caf.start >= 0) spans.push({ field: 'caf', start: caf.start, end: caf.end, confidence: caf.confidence });

  const otherParties = parties.filter((p) => inside(p, contextRange));
  otherParties.forEach((p) => spans.push({ field: 'party', start: p.start, end: p.end, confidence: 0.8 }));

  // Period, then the signature date (whose year may come from the period), then a period from a duration.
  const segText = (ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end)).join('\n');
  const periodIn = (fallback: number | null) => {
    for (const ranges of [segRange, rangeOf(preamble)]) {
      const joined = segText(ranges);
      const found = findPeriod(joined, fallback);
      if (found) return { ...found, where: ranges, joined };
    }
    return null;
  };
  let period = periodIn(null);
  const anchorSentence = sentences.find((s) => SIGNING.test(s.text) && findDates(s.text).length > 0) ?? sentences.find((s) => SIGNING.test(s.text)) ?? sentences.find((s) => /(?<![\p{L}])fait à(?![\p{L}])/iu.test(s.text)) ?? null;
  const planned = Boolean(anchorSentence && FUTURE.test(anchorSentence.text));
  const date = pickSignatureDate(text, seg, anchorSentence, publication);
  let signatureDate: string | null = null;
  let inferred = false;
  if (date) {
    const pub = publication?.year && publication.day ? { year: publication.year, month: publication.month, day: publication.day } : null;
    const year = inferYear(date, { periodStart: period?.start ?? null, publication: pub, planned, today: options.today });
    if (year) {
      signatureDate = formatFoundDate(year, date);
      inferred = date.year === null;
      spans.push({ field: 'signatureDate', start: date.start, end: date.end, confidence: inferred ? 0.7 : 0.9 });
    }
  }
  if (!period && signatureDate) period = periodIn(Number(signatureDate.slice(0, 4)));
  if (period) {
    const offset = locate(text, period.where, period.joined, period.span.start);
    if (offset !== null) spans.push({ field: 'period', start: offset, end: offset + period.span.end - period.span.start, confidence: period.fromDuration ? 0.7 : 0.9 });
  }

  let place: string | null = null;
  if (placeFound) {
    place = placeFound.value;
    const communes = territories.filter((t) => t.place.kind === 'commune');
    const named = mentions.some((m) => inside(m, [placeFound.span]));
    if (!named && communes.length === 1 && !/\bcaf\b/i.test(place)) place = `${place} ${withDe(communes[0]!.place.name)}`;
    place = place.charAt(0).toUpperCase() + place.slice(1);
    spans.push({ field: 'place', start: placeFound.span.start, end: placeFound.span.end, confidence: 0.8 });
  }

  for (const s of signatories) {
    spans.push({ field: 'signatory', start: s.start, end: s.end, confidence: s.confidence });
    if (s.capacitySpan) spans.push({ field: 'capacity', ...s.capacitySpan, confidence: 0.8 });
  }

  const classified = projects.map((p) => ({ ...p, ...classifyThemes(p.description ?? p.title) }));
  classified.forEach((p) => spans.push({ field: 'project', start: p.start, end: p.end, confidence: 0.75 }));
  const themes = collectThemes(classified.map((p) => p.themes), contextRange.flatMap((r) => paragraphsText(text, r)));

  return {
    caf: caf?.name ?? null,
    cafDepartementCode: caf?.departementCode ?? null,
    cafInferred: caf?.inferred ?? false,
    territories: territories.map((m) => ({ name: m.place.name, kind: KIND_OUT[m.place.kind] ?? 'commune', cogKind: m.place.kind, code: m.place.code, confidence: m.confidence })),
    otherParties: otherParties.map((p) => p.name),
    otherPartyOrganisations: otherParties.map((p) => ({ name: p.name, kind: p.kind })),
    signatureDate,
    signatureDateInferred: inferred,
    planned,
    place,
    period: period ? { start: period.start, end: period.end } : null,
    signatories: signatories.map((s) => ({ name: s.name, capacity: s.capacity, organisation: s.organisation, confidence: s.confidence })),
    themes,
    projects: classified.map((p) => ({ title: p.title, description: p.description, themes: p.themes, evidence: p.evidence })),
    spans: spans.sort((a, b) => a.start - b.start),
  };
}

/** "la médiathèque de Vitré": the town of a building, not the convention's territory. */
const BUILDING_BEFORE = /(?:m[ée]diath[èe]que|mairie|h[ôo]tel de ville|salle|centre social|centre socioculturel|maison|espace|si[èe]ge|gymnase|[ée]cole|locaux|quartier)\s+(?:de la |du |des |de l['’]|d['’]|de |à )$/i;
const DATELINE = /^\s*,\s*(?:le\s+)?(?:\d|1er|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)/i;

/**
 * The convention's territories, best evidence first: named in the signature paragraph outside any
 * capacity, place, project or dateline; else in a signatory's capacity; else as the place; else in
 * the headings and the introduction.
 */
function choosePerimeter(
  text: string,
  seg: Segment,
  preamble: Paragraph[],
  mentions: TerritoryMention[],
  exclude: { capacityRanges: Range[]; projects: Range[]; partyRanges: Range[]; place: Range | null },
): TerritoryMention[] {
  const local = mentions.filter((m) => m.place.kind !== 'departement' && !overlaps(m, exclude.projects) && !overlaps(m, exclude.partyRanges));
  const dateline = (m: TerritoryMention) => seg.paragraphs.some((p) => m.start <= p.start + 1) && DATELINE.test(text.slice(m.end, m.end + 14));
  const body = seg.paragraphs.filter((p) => !(p !== seg.anchor && p.index < (seg.anchor?.index ?? 0)));
  const headings = seg.paragraphs.filter((p) => !body.includes(p));
  const tiers: ((m: TerritoryMention) => boolean)[] = [
    (m) =>
      inside(m, rangeOf(body)) && !inside(m, exclude.capacityRanges) && !(exclude.place && inside(m, [exclude.place])) && !dateline(m) &&
      !BUILDING_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)),
    (m) => inside(m, rangeOf(headings)) && !dateline(m),
    (m) => inside(m, rangeOf(body)) && inside(m, exclude.capacityRanges),
    (m) => inside(m, rangeOf(seg.paragraphs)),
    (m) => inside(m, rangeOf(preamble)),
  ];
  for (const tier of tiers) {
    const found = dedupe(local.filter(tier));
    if (found.length) return found;
  }
  return [];
}

type Range = { start: number; end: number };

function dedupe(mentions: TerritoryMention[]): TerritoryMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => (seen.has(m.place.code) ? false : (seen.add(m.place.code), true)));
}

function paragraphsText(text: string, range: { start: number; end: number }): string[] {
  return text.slice(range.start, range.end).split(/(?<=[.!?])\s+/).filter((s) => THEME_SENTENCE.test(s));
}

/** Themes of the projects, most frequent first, then the fields the text declares. */
function collectThemes(projectThemes: string[][], declaredSentences: string[]): string[] {
  const counts = new Map<string, number>();
  projectThemes.forEach((list) => list.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1)));
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  for (const sentence of declaredSentences) {
    for (const t of classifyThemes(sentence).themes) if (!ordered.includes(t)) ordered.push(t);
  }
  return ordered;
}

/** A date in the signature sentence, else the first one of the convention's part (not the publication date). */
function pickSignatureDate(text: string, seg: Segment, anchor: Piece | null, publication: FoundDate | null): FoundDate | null {
  const shift = (d: FoundDate, offset: number) => ({ ...d, start: d.start + offset, end: d.end + offset });
  const notPublication = (d: FoundDate) => !publication || d.start !== publication.start;
  if (anchor) {
    const inAnchor = findDates(anchor.text).map((d) => shift(d, anchor.start)).filter(notPublication);
    if (inAnchor.length) return inAnchor[0]!;
  }
  if (!seg.paragraphs.some((p) => SIGNING.test(p.text) || /(?<![\p{L}])fait à(?![\p{L}])/iu.test(p.text))) return null;
  for (const p of seg.paragraphs) {
    const found = findDates(p.text).map((d) => shift(d, p.start)).filter(notPublication);
    if (found.length) return found[0]!;
  }
  void text;
  return null;
}

function findPlace(text: string, sentences: Piece[], mentions: TerritoryMention[]): { value: string; span: { start: number; end: number } } | null {
  for (const s of sentences) {
    const m = PLACE.exec(s.text);
    if (m) {
      let value = m[1]!.trim();
      const start = s.start + m.index + m[0].indexOf(m[1]!);
      // "au siège de la communauté, à Langon": the town that follows belongs to the place.
      const town = mentions.find((t) => t.place.kind === 'commune' && /^,?\s*(?:à|en)\s+$/.test(text.slice(start + value.length, t.start)));
      if (town) value = text.slice(start, town.end);
      return { value, span: { start, end: start + value.length } };
    }
  }
  // "à Crolles", "Fait à Barr": a commune of the referential right after « à ».
  for (const s of sentences) {
    for (const m of s.text.matchAll(new RegExp(PLACE_TOWN, 'gu'))) {
      const start = s.start + m.index + m[0].indexOf(m[1]!);
      const town = mentions.find((t) => t.start === start && t.place.kind === 'commune');
      if (town) return { value: town.text, span: { start, end: town.end } };
    }
  }
  void text;
  return null;
}

/** Maps an offset in the joined text of some ranges back to the whole text. */
function locate(_text: string, ranges: { start: number; end: number }[], _joined: string, offset: number): number | null {
  let cursor = 0;
  for (const r of ranges) {
    const length = r.end - r.start;
    if (offset <= cursor + length) return r.start + offset - cursor;
    cursor += length + 1;
  }
  return null;
}

export type { FoundCaf };
