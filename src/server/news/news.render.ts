import { marked, type Token, type Tokens } from 'marked';
import { createRequire } from 'node:module';
import type DOMPurifyInstance from 'isomorphic-dompurify';

const require = createRequire(import.meta.url);
let purifier: typeof DOMPurifyInstance | null = null;
/** Loaded on first use: its DOM implementation adds about 100 MB to a server that may never render news. */
const purify = (): typeof DOMPurifyInstance => (purifier ??= require('isomorphic-dompurify') as typeof DOMPurifyInstance);

/** Markdown → HTML safe to insert in a page: scripts, event handlers and javascript: links are removed. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return purify().sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'iframe'] });
}

/** Markdown → plain text, for excerpts and the feed's summary. */
export function plainText(markdown: string): string {
  const walk = (tokens: Token[]): string =>
    tokens
      .map((t) => {
        if ('tokens' in t && Array.isArray(t.tokens)) return walk(t.tokens);
        if (t.type === 'list') return (t as Tokens.List).items.map((i) => walk(i.tokens)).join(' ');
        return 'text' in t && typeof t.text === 'string' ? t.text : ' ';
      })
      .join('');
  return walk(marked.lexer(markdown)).replace(/\s+/g, ' ').trim();
}

/** The first paragraph as plain text, cut at a word under `max` characters. */
export function excerptOf(markdown: string, max = 280): string {
  const firstParagraph = marked.lexer(markdown).find((t): t is Tokens.Paragraph => t.type === 'paragraph');
  const text = firstParagraph ? plainText(firstParagraph.raw) : plainText(markdown);
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/u, '')}…`;
}

const EMAIL_STYLES: Record<string, string> = {
  h1: 'font-family:Arial,Helvetica,sans-serif;font-size:26px;line-height:32px;color:#161616;margin:0 0 16px',
  h2: 'font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:28px;color:#161616;margin:24px 0 8px',
  h3: 'font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:24px;color:#161616;margin:16px 0 8px',
  p: 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#3a3a3a;margin:0 0 16px',
  ul: 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#3a3a3a;margin:0 0 16px;padding-left:24px',
  ol: 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#3a3a3a;margin:0 0 16px;padding-left:24px',
  li: 'margin:0 0 8px',
  a: 'color:#000091;text-decoration:underline',
  blockquote: 'margin:0 0 16px;padding-left:16px;border-left:4px solid #000091',
};

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained HTML e-mail: a centred 600 px table, every style inline, no external resource. */
export function emailHtml(article: { title: string; body: string; signature: string; link?: string }): string {
  const inner = renderMarkdown(article.body).replace(/<(h1|h2|h3|p|ul|ol|li|a|blockquote)(?=[\s>])/g, (_m, tag: string) => `<${tag} style="${EMAIL_STYLES[tag]}"`);
  const link = article.link
    ? `<p style="${EMAIL_STYLES.p}"><a style="${EMAIL_STYLES.a}" href="${escapeHtml(article.link)}">Lire l’article en ligne</a></p>`
    : '';
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(article.title)}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f6f6"><tr><td align="center" style="padding:24px 8px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-top:4px solid #000091"><tr><td style="padding:32px 24px">
<h1 style="${EMAIL_STYLES.h1}">${escapeHtml(article.title)}</h1>
${inner}
${link}
<p style="${EMAIL_STYLES.p};font-size:13px;color:#666666">${escapeHtml(article.signature)}</p>
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}
