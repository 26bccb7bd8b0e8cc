/**
 * Text clean-up before extraction: mojibake repair, spaces, bullets and page chrome.
 * Every offset the extraction returns refers to the text produced here.
 */

// Windows-1252 bytes 0x80–0x9F, as the characters a mis-decoded text shows in their place.
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const CONTINUATION = `[\\u0080-\\u00BF${Object.keys(CP1252).join('')}]`;
// A UTF-8 lead byte read as Latin-1 (Ã, Â, â, Å…) followed by one or two continuation bytes.
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}`, 'g');

function byteOf(char: string): number | null {
  const code = char.charCodeAt(0);
  if (code <= 0xff) return code;
  return CP1252[char] ?? null;
}

/** "Ã©" → "é", "â€™" → "’", "Â " → " ": UTF-8 text that was read as Windows-1252 / Latin-1. */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (sequence) => {
    const bytes = [...sequence].map(byteOf);
    if (bytes.some((b) => b === null)) return sequence;
    const decoded = Buffer.from(bytes as number[]).toString('utf8');
    return decoded.includes('\uFFFD') ? sequence : decoded;
  })
    .replace(/Ã(?=[ \u00A0])/g, 'à')
    .replace(/Â(?=[ \u00A0]|$)/gm, ' ');
}

const BULLET = /^(?:[•●▪■◦○►▸➢➤✓✔·*\-–—]|\d{1,2}[.)°]|[a-z][)]|[ivx]{1,4}[.)])\s+/i;

/** Navigation and sharing links copied with an article, not part of it. */
const CHROME = [
  /^retour(\s+(aux?|à la|partenaires?|actualit[ée]s?|accueil|à la liste|en haut))?.{0,30}$/i,
  /^(accueil|menu|rechercher|partager|imprimer|haut de page|fermer|lire aussi|voir aussi|télécharger|suivez-nous|newsletter)(\s.{0,30})?$/i,
  /^(accueil|actualités?)\s*[>›»/|].{0,80}$/i,
  /^(share on|partager sur|suivez-nous sur)\b.{0,60}$/i,
  /^(facebook|twitter|linkedin|x|mail|e-mail|courriel)(\s*[|/]\s*\S+)*$/i,
  /^(mis à jour le|publié le|date de publication)\s*:?\s*$/i,
];

export interface NormalizedText {
  text: string;
  /** Paragraph lines that started with a bullet or a number (now written "• "). */
  bulletLines: number;
}

/** One paragraph per line, bullets written "• ", single spaces, no page chrome. */
export function normalizeImportText(raw: string): NormalizedText {
  const repaired = repairMojibake(raw)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u202F\u2007\u2009\t\f\v]/g, ' ')
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '');
  let bulletLines = 0;
  const lines: string[] = [];
  for (const rawLine of repaired.split('\n')) {
    let line = rawLine.replace(/ {2,}/g, ' ').trim();
    if (!line || /^[\s.·•*_=-]+$/.test(line)) continue;
    if (CHROME.some((re) => re.test(line))) continue;
    if (BULLET.test(line) && !/^\d{1,2}[.)]\d/.test(line)) {
      line = `• ${line.replace(BULLET, '')}`;
      bulletLines++;
    }
    lines.push(line);
  }
  return { text: lines.join('\n'), bulletLines };
}
