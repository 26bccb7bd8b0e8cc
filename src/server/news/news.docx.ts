import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { marked, type Token, type Tokens } from 'marked';

type RunStyle = { bold?: boolean; italics?: boolean };

/** Inline Markdown → text runs (bold and italics kept, links as their text). */
function runs(tokens: Token[] | undefined, style: RunStyle = {}): TextRun[] {
  if (!tokens) return [];
  return tokens.flatMap((t) => {
    if (t.type === 'strong') return runs((t as Tokens.Strong).tokens, { ...style, bold: true });
    if (t.type === 'em') return runs((t as Tokens.Em).tokens, { ...style, italics: true });
    if (t.type === 'link') return runs((t as Tokens.Link).tokens, style);
    if (t.type === 'br') return [new TextRun({ break: 1 })];
    if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) return runs(t.tokens, style);
    const text = 'text' in t && typeof t.text === 'string' ? decode(t.text) : '';
    return text ? [new TextRun({ text, ...style })] : [];
  });
}

const decode = (text: string): string =>
  text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '’');

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

function blocks(tokens: Token[]): Paragraph[] {
  return tokens.flatMap((t): Paragraph[] => {
    if (t.type === 'heading') {
      const h = t as Tokens.Heading;
      return [new Paragraph({ heading: HEADINGS[Math.min(h.depth, 4) - 1], children: runs(h.tokens) })];
    }
    if (t.type === 'paragraph') return [new Paragraph({ children: runs((t as Tokens.Paragraph).tokens), spacing: { after: 160 } })];
    if (t.type === 'list') {
      return (t as Tokens.List).items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, children: runs(item.tokens.flatMap((x) => ('tokens' in x && x.tokens ? x.tokens : [x]))) }),
      );
    }
    if (t.type === 'blockquote') return blocks((t as Tokens.Blockquote).tokens);
    return [];
  });
}

/** The article as a Word document: title, headings, paragraphs and bulleted lists. */
export async function articleDocx(article: { title: string; body: string; signature: string }): Promise<Buffer> {
  const doc = new Document({
    creator: article.signature,
    title: article.title,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(article.title)] }),
          ...blocks(marked.lexer(article.body)),
          new Paragraph({ children: [new TextRun({ text: article.signature, italics: true, size: 18 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
