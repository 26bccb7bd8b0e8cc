import { businessRule } from '../platform/http/errors.js';

/** Text of an uploaded file: .txt, .html, .docx (mammoth) or a text .pdf (unpdf). */

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['txt', 'html', 'htm', 'docx', 'pdf'] as const;
export type SourceKind = 'txt' | 'html' | 'docx' | 'pdf';

export function kindOfFile(fileName: string): SourceKind | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'htm') return 'html';
  return (ACCEPTED_EXTENSIONS as readonly string[]).includes(extension ?? '') ? (extension as SourceKind) : null;
}

/** UTF-8 when valid, else Windows-1252 (old Word exports). */
function decodeText(buffer: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  return utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(buffer) : utf8;
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: '’', rsquo: '’', lsquo: '‘', laquo: '«', raquo: '»', hellip: '…',
  eacute: 'é', egrave: 'è', ecirc: 'ê', agrave: 'à', acirc: 'â', ccedil: 'ç', ocirc: 'ô', icirc: 'î', iuml: 'ï', ucirc: 'û', ugrave: 'ù',
  Eacute: 'É', Egrave: 'È', Agrave: 'À', Ccedil: 'Ç', oelig: 'œ', OElig: 'Œ', euro: '€', ndash: '–', mdash: '—', bull: '•', deg: '°',
};

/** Block elements become lines, list items bullets; scripts, styles and navigation are dropped. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|nav|header|footer|noscript|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|section|article|blockquote|ul|ol|table)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name] ?? m);
}

export async function textOfFile(fileName: string, buffer: Buffer): Promise<string> {
  const kind = kindOfFile(fileName);
  if (!kind) throw businessRule(`Format de fichier non pris en charge : choisissez un fichier ${ACCEPTED_EXTENSIONS.filter((e) => e !== 'htm').map((e) => `.${e}`).join(', ')}.`, 'file');
  if (buffer.length > MAX_UPLOAD_BYTES) throw businessRule('Fichier trop volumineux (5 Mo au plus).', 'file');
  try {
    if (kind === 'txt') return decodeText(buffer);
    if (kind === 'html') return htmlToText(decodeText(buffer));
    if (kind === 'docx') {
      const mammoth = await import('mammoth');
      return (await mammoth.extractRawText({ buffer })).value;
    }
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(buffer));
    return (await extractText(pdf, { mergePages: true })).text;
  } catch {
    throw businessRule(`Le fichier « ${fileName} » n’a pas pu être lu : vérifiez qu’il n’est pas endommagé (un PDF doit contenir du texte, pas une image).`, 'file');
  }
}
