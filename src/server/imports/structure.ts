/** Paragraphs and sentences of a normalized text, with their offsets. */

export interface Piece {
  start: number;
  end: number;
  text: string;
}

export interface Paragraph extends Piece {
  index: number;
  bullet: boolean;
  sentences: Piece[];
}

const ABBREVIATIONS = /(?:\b(?:M|Mme|Mmes|MM|Mlle|Dr|St|Ste|art|cf|n°|p|etc|av|bd)|\b[A-Z])\.$/;

export function sentencesOf(text: string, offset: number): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  const boundary = /[.!?…]+["»”)]?\s+(?=[«"“(]?\s*[A-ZÀ-ÖØ-Þ0-9])/g;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(text))) {
    const candidate = text.slice(start, match.index + match[0].trimEnd().length);
    if (ABBREVIATIONS.test(candidate)) continue;
    pieces.push({ start: offset + start, end: offset + start + candidate.length, text: candidate });
    start = match.index + match[0].length;
  }
  if (start < text.length) pieces.push({ start: offset + start, end: offset + text.length, text: text.slice(start) });
  return pieces;
}

export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      const bullet = line.startsWith('• ');
      const bodyStart = bullet ? 2 : 0;
      paragraphs.push({
        index: paragraphs.length,
        start: offset,
        end: offset + line.length,
        text: line,
        bullet,
        sentences: sentencesOf(line.slice(bodyStart), offset + bodyStart),
      });
    }
    offset += line.length + 1;
  }
  return paragraphs;
}

/** A word with its place in the text; `upper` when it starts with a capital letter. */
export interface Token extends Piece {
  upper: boolean;
  /** Separator before the next token ("" at the end). */
  after: string;
}

export function tokensOf(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const word = /[\p{L}\p{N}]+/gu;
  word.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = word.exec(text)) && match.index < to) {
    tokens.push({ start: match.index, end: match.index + match[0].length, text: match[0], upper: /^\p{Lu}/u.test(match[0]), after: '' });
  }
  for (let i = 0; i < tokens.length; i++) {
    tokens[i]!.after = i + 1 < tokens.length ? text.slice(tokens[i]!.end, tokens[i + 1]!.start) : '';
  }
  return tokens;
}
