import type { Paragraph, Piece } from './structure.js';
import type { TerritoryMention } from './territories.js';

/** One text may report several signatures: each signature paragraph that names a new territory opens a convention. */

export const SIGNING = /(?<![\p{L}])(?:sign(?:é|ée|és|ées|er|era|eront|erons|ent|ait|aient|ature|atures)|paraph(?:é|ée|ées|er)|officialis(?:é|ée|er))(?![\p{L}])/iu;
export const SIGNATURE_CONTEXT = /(?<![\p{L}])(?:sign(?:é|ée|és|ées|er|era|eront|ent|ature|ataires?)|paraph\p{L}*|en présence|aux côtés|étaient présents|signataires?|représentée? par|fait à)(?![\p{L}])/iu;
export const FUTURE = /(?<![\p{L}])(?:signeront|signera|signerons|sera (?:signée|paraphée|officialisée)|seront (?:signées|paraphées)|va (?:signer|être signée)|vont (?:signer|être signées)|aura lieu|auront lieu|se tiendra|prochainement|est prévue|sont prévues|interviendra|procéderont|procédera)(?![\p{L}])/iu;

export interface Segment {
  /** Paragraph indexes of this convention's part of the text. */
  paragraphs: Paragraph[];
  anchor: Paragraph | null;
  start: number;
  end: number;
}

const PERIMETER_KINDS = new Set(['commune', 'epci', 'ept']);
const isHeading = (p: Paragraph | undefined) => Boolean(p && !p.bullet && p.text.length <= 90 && !/[.,;:]$/.test(p.text));

function codesIn(p: Paragraph[], mentions: TerritoryMention[]): Set<string> {
  const codes = new Set<string>();
  for (const m of mentions) {
    if (PERIMETER_KINDS.has(m.place.kind) && p.some((x) => m.start >= x.start && m.end <= x.end)) codes.add(m.place.code);
  }
  return codes;
}

export function segment(paragraphs: Paragraph[], mentions: TerritoryMention[]): { preamble: Paragraph[]; segments: Segment[] } {
  const starts: { index: number; anchor: Paragraph }[] = [];
  let previousCodes = new Set<string>();
  paragraphs.forEach((p, index) => {
    if (p.bullet || !SIGNING.test(p.text)) return;
    const heading = index > 0 && isHeading(paragraphs[index - 1]) ? paragraphs[index - 1]! : null;
    const codes = codesIn(heading ? [heading, p] : [p], mentions);
    const isNew = codes.size > 0 && [...codes].some((c) => !previousCodes.has(c));
    if (isNew) {
      const startIndex = heading && !starts.some((s) => s.index === index - 1) ? index - 1 : index;
      starts.push({ index: startIndex, anchor: p });
      previousCodes = codes;
    } else if (codes.size > 0) {
      previousCodes = new Set([...previousCodes, ...codes]);
    }
  });
  if (starts.length === 0) {
    const anchor = paragraphs.find((p) => !p.bullet && SIGNING.test(p.text) && !isHeading(p)) ?? paragraphs.find((p) => SIGNING.test(p.text)) ?? null;
    const all = paragraphs;
    return { preamble: [], segments: [{ paragraphs: all, anchor, start: all[0]?.start ?? 0, end: all[all.length - 1]?.end ?? 0 }] };
  }
  const preamble = paragraphs.slice(0, starts[0]!.index);
  const segments = starts.map((s, i) => {
    const list = paragraphs.slice(s.index, starts[i + 1]?.index ?? paragraphs.length);
    return { paragraphs: list, anchor: s.anchor, start: list[0]!.start, end: list[list.length - 1]!.end };
  });
  return { preamble, segments };
}

/** The sentences that tell who signed, where and when. */
export function signatureSentences(seg: Segment): Piece[] {
  const sentences = seg.paragraphs.filter((p) => !p.bullet).flatMap((p) => p.sentences);
  const chosen = sentences.filter((s) => SIGNATURE_CONTEXT.test(s.text));
  // Every sentence of the signature paragraph: people are often named in the next sentence.
  for (const p of seg.paragraphs.filter((x) => !x.bullet && SIGNING.test(x.text))) {
    for (const s of p.sentences) if (!chosen.some((c) => c.start === s.start)) chosen.push(s);
  }
  // A "Signataires :" line followed by bullets.
  seg.paragraphs.forEach((p, i) => {
    if (/signataires?\s*:?\s*$/i.test(p.text) || /étaient présents\s*:?\s*$/i.test(p.text)) {
      for (const q of seg.paragraphs.slice(i + 1)) {
        if (!q.bullet) break;
        chosen.push({ start: q.start + 2, end: q.end, text: q.text.slice(2) });
      }
    }
  });
  return chosen.sort((a, b) => a.start - b.start);
}
