import type { Paragraph } from './structure.js';

/** The projects (actions) a text lists: bullets, a "citons :" list, or an inline enumeration. */

export interface FoundProject {
  title: string;
  /** The whole item when the title had to be shortened. */
  description: string | null;
  start: number;
  end: number;
}

const INTRO = /(?:parmi (?:les|ses)|citons|au programme|notamment|projets?|actions?|axes?|priorit[ée]s|engagements?|objectifs?|chantiers?|pr[ée]voit|pr[ée]voient|porte(?:nt)? sur|s['’]articule|fiches?)/i;
const TITLE_MAX = 300;

function project(text: string, start: number): FoundProject | null {
  const leading = text.length - text.trimStart().length;
  let body = text.trim().replace(/\s*(?:[,;.]|\bet)\s*$/i, '').replace(/\s*(?:[,;.]|\bet)\s*$/i, '').trim();
  if (body.length < 8 || !/\p{L}{3}/u.test(body)) return null;
  const bodyStart = start + leading;
  const bodyEnd = bodyStart + body.length;
  body = body.charAt(0).toUpperCase() + body.slice(1);
  if (body.length <= TITLE_MAX) return { title: body, description: null, start: bodyStart, end: bodyEnd };
  const cut = body.slice(0, TITLE_MAX - 1);
  return { title: `${cut.slice(0, cut.lastIndexOf(' '))}…`, description: body, start: bodyStart, end: bodyEnd };
}

/** "la création d'un RPE, le développement de l'ALSH et l'ouverture d'un EVS" → three items. */
function splitInline(text: string, start: number): FoundProject[] {
  let parts = text.includes(';') ? text.split(';') : text.split(/,\s+(?=(?:et\s+)?(?:le|la|l['’]|les|un|une|des|du)\b)/u);
  if (parts.length > 1) {
    // The last item of an enumeration comes after « et » and an article: "…, le B et la C".
    const last = parts[parts.length - 1]!;
    const and = /\s+et\s+(?=(?:le|la|l['’]|les|un|une|des)\s?\p{L})/u.exec(last);
    if (and) parts = [...parts.slice(0, -1), last.slice(0, and.index), last.slice(and.index)];
  }
  const items: FoundProject[] = [];
  let cursor = 0;
  for (const part of parts) {
    const at = text.indexOf(part, cursor);
    cursor = at + part.length;
    const item = project(part.replace(/^\s*et\s+/i, ''), start + at + (part.match(/^\s*et\s+/i)?.[0].length ?? 0));
    if (item) items.push(item);
  }
  return items;
}

export function findProjects(paragraphs: Paragraph[], isSignatoryLine: (p: Paragraph) => boolean): FoundProject[] {
  const items: FoundProject[] = [];
  const used = new Set<number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const colon = p.text.lastIndexOf(':');
    const isIntro = !p.bullet && INTRO.test(p.text) && (colon >= 0 || /citons\s*$/i.test(p.text));
    if (!isIntro) continue;
    const inline = colon >= 0 ? p.text.slice(colon + 1) : '';
    if (inline.trim().length > 8) {
      items.push(...splitInline(inline, p.start + colon + 1));
      used.add(i);
      continue;
    }
    for (let j = i + 1; j < paragraphs.length; j++) {
      const q = paragraphs[j]!;
      if (isSignatoryLine(q)) break;
      const continues = q.bullet || /[,;]\s*$/.test(q.text) || (j === i + 1 && paragraphs[j + 1]?.bullet === true);
      if (!continues) break;
      const item = project(q.bullet ? q.text.slice(2) : q.text, q.bullet ? q.start + 2 : q.start);
      if (item) items.push(item);
      used.add(j);
      i = j;
    }
  }
  // Bullets outside an introduced list are projects too, unless they list signatories.
  paragraphs.forEach((p, index) => {
    if (!p.bullet || used.has(index) || isSignatoryLine(p)) return;
    const item = project(p.text.slice(2), p.start + 2);
    if (item && !items.some((x) => x.start === item.start)) items.push(item);
  });
  return items.sort((a, b) => a.start - b.start);
}
