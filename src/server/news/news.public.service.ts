import { Feed } from 'feed';
import type { Executor } from '../platform/db/schema.js';
import type { BrandConfig } from '../platform/config.js';
import { notFound } from '../platform/http/errors.js';
import { getConventionDetail } from '../conventions/conventions.service.js';
import { listThemes } from '../themes/themes.service.js';
import type { PublicConvention, PublicNewsArticle, PublicNewsSummary } from '../../shared/api/news.js';
import { SIGNED_STATUSES } from '../../shared/enums.js';
import { formatLongDate } from '../../shared/format.js';
import * as repo from './news.repository.js';
import { presentPublicArticle, presentPublicSummary } from './news.presenter.js';
import { emailHtml, renderMarkdown } from './news.render.js';
import { getNewsItem } from './news.service.js';
import type { ConventionScope } from '../accounts/access.js';

/** Public web addresses of the app (the client's routes). */
export const publicPaths = {
  news: '/actualites',
  article: (slug: string) => `/actualites/${slug}`,
  convention: (id: number) => `/ctg/${id}`,
  feed: '/api/v1/public/news.atom',
};

export async function listPublicNews(db: Executor): Promise<PublicNewsSummary[]> {
  return (await repo.listPublished(db, 100)).map(presentPublicSummary);
}

export async function getPublicArticle(db: Executor, slug: string): Promise<PublicNewsArticle> {
  const row = await repo.findPublishedBySlug(db, slug);
  if (!row) throw notFound('Article');
  return presentPublicArticle(row, await repo.coverageOf(db, [row.id]));
}

/** Atom feed of the published news, newest first, with each article's full HTML. */
export async function newsFeed(db: Executor, origin: string, brand: BrandConfig): Promise<string> {
  const rows = await repo.listPublished(db, 50);
  const author = brand.organisation || brand.name;
  const feed = new Feed({
    id: `${origin}${publicPaths.news}`,
    title: `Actualités des CTG — ${author}`,
    description: 'Les signatures et la vie des conventions territoriales globales.',
    link: `${origin}${publicPaths.news}`,
    language: 'fr',
    updated: rows[0]?.published_at ? new Date(rows[0].published_at) : new Date(0),
    feedLinks: { atom: `${origin}${publicPaths.feed}` },
    author: { name: author },
    copyright: author,
    generator: brand.name,
  });
  for (const row of rows) {
    const summary = presentPublicSummary(row);
    feed.addItem({
      title: row.title,
      id: `${origin}${publicPaths.article(row.slug)}`,
      link: `${origin}${publicPaths.article(row.slug)}`,
      date: new Date(row.updated_at),
      published: new Date(summary.publishedAt),
      description: summary.excerpt,
      content: renderMarkdown(row.body),
      author: [{ name: author }],
    });
  }
  return feed.atom1();
}

/** A signed convention as the public may read it: parties, period, fields, highlighted projects. */
export async function getPublicConvention(db: Executor, id: number): Promise<PublicConvention> {
  const convention = await getConventionDetail(db, id);
  // Conventions still in preparation are not public.
  if (!SIGNED_STATUSES.includes(convention.status)) throw notFound(`Convention ${id}`);
  const labels = new Map((await listThemes(db)).map((t) => [t.code, t.label]));
  const themeList = (codes: string[]) => codes.map((code) => labels.get(code) ?? code);
  const news = await repo.publishedNewsOfConvention(db, id);
  return {
    id: convention.id,
    title: convention.title,
    summary: convention.summary,
    startYear: convention.startYear,
    endYear: convention.endYear,
    parties: convention.parties.map((p) => ({ name: p.organisation.name, kind: p.organisation.kind })),
    territories: convention.territories.map((t) => ({ code: t.code, name: t.name, population: t.population })),
    themes: convention.themes.map((code) => ({ code, label: labels.get(code) ?? code })),
    signatureEvents: convention.signatureEvents.map((e) => ({
      date: e.date,
      place: e.place,
      signatories: e.signatories.map((s) => `${s.person.fullName}, ${s.capacity}${s.organisationName ? ` (${s.organisationName})` : ''}`),
    })),
    highlightedActions: convention.actions
      .filter((a) => a.highlighted)
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ title: a.title, description: a.description, themes: themeList(a.themes) })),
    news: news.map((n) => ({ slug: n.slug, title: n.title })),
  };
}

function exportSignature(item: { status: string; publishedAt: string | null; updatedAt: string }, brand: BrandConfig): string {
  const who = brand.organisation || brand.name;
  return item.status === 'publie' && item.publishedAt
    ? `${who} — article publié le ${formatLongDate(item.publishedAt.slice(0, 10))}`
    : `${who} — brouillon du ${formatLongDate(item.updatedAt.slice(0, 10))}`;
}

export async function exportEmailHtml(db: Executor, scope: ConventionScope, id: number, origin: string, brand: BrandConfig): Promise<{ filename: string; html: string }> {
  const item = await getNewsItem(db, id, scope);
  const link = item.status === 'publie' ? `${origin}${publicPaths.article(item.slug)}` : undefined;
  return { filename: `${item.slug}.html`, html: emailHtml({ title: item.title, body: item.body, signature: exportSignature(item, brand), link }) };
}

export async function exportDocx(db: Executor, scope: ConventionScope, id: number, brand: BrandConfig): Promise<{ filename: string; buffer: Buffer }> {
  const item = await getNewsItem(db, id, scope);
  return { filename: `${item.slug}.docx`, buffer: await (await import('./news.docx.js')).articleDocx({ title: item.title, body: item.body, signature: exportSignature(item, brand) }) };
}
