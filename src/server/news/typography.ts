/** No-break space (before « : »), narrow no-break space (before « ; ! ? », inside « », between thousands). */
export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

const SPACES = `[ \\t${NBSP}${NNBSP}]`;

/**
 * French typography for one block of prose (Markdown allowed): typographic apostrophes, no-break spaces
 * before high punctuation and inside guillemets, "1er" / "1re", grouped thousands, a single space between
 * words, no trailing spaces. Idempotent: applying it twice gives the same text.
 */
export function frenchTypography(text: string): string {
  return text
    .split('\n')
    .map((line) => typesetLine(line))
    .join('\n');
}

function typesetLine(line: string): string {
  // Indentation is kept (nested lists); one space follows the marker. Only ordinary spaces end a
  // marker: a no-break space after « 1. » belongs to the text (e.g. before »).
  const marker = /^([ \t]*)((?:[-*+]|\d+\.|#{1,6})[ \t]+)?/.exec(line)!;
  const lead = marker[2] ? `${marker[1]}${marker[2].trimEnd()} ` : '';
  let body = line.slice(marker[2] ? marker[0].length : 0);
  body = body
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+$/g, '')
    .replace(/\.\.\./g, '…')
    // Straight apostrophe between letters → typographic apostrophe.
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    // Straight double quotes around a phrase → guillemets, nested ones too (so that a second pass finds none).
    .replace(/"([^"\n]*)"/g, (_m, inner: string) => `« ${inner} »`)
    // Guillemets: a narrow no-break space inside, whatever was there before.
    .replace(new RegExp(`«${SPACES}*`, 'g'), `«${NNBSP}`)
    .replace(new RegExp(`${SPACES}*»`, 'g'), `${NNBSP}»`)
    // High punctuation closing a word (not inside a URL or a time such as 10:30).
    .replace(new RegExp(`(?<=[^\\s${NBSP}${NNBSP}])${SPACES}*([;!?])(?=$|[\\s${NNBSP}»)\\]:;!?])`, 'gu'), `${NNBSP}$1`)
    .replace(new RegExp(`(?<=[^\\s${NBSP}${NNBSP}])${SPACES}*:(?=$|[\\s${NNBSP}»)\\]:;!?])`, 'gu'), `${NBSP}:`)
    // Ordinals: "1 er", "1ᵉʳ", "1ère" → "1er", "1re".
    .replace(/\b1\s?(?:ᵉʳ|er)\b/g, '1er')
    .replace(/\b1\s?(?:ère|re)\b/g, '1re')
    // Thousands: "1 000" → narrow no-break space between digit groups.
    .replace(new RegExp(`(?<=\\d)${SPACES}(?=\\d{3}(?!\\d))`, 'g'), NNBSP);
  return lead + body;
}
