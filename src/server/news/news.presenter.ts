import type { NewsItem, NewsSummary, PublicNewsArticle, PublicNewsSummary } from '../../shared/api/news.js';
import { NEWS_TRANSITIONS, type NewsStatus } from '../../shared/enums.js';
import type { CoverageRow, NewsItemRow } from './news.repository.js';
import { hasHumanEdits } from './news.policy.js';
import { excerptOf, renderMarkdown } from './news.render.js';

export function presentNewsSummary(row: NewsItemRow): NewsSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status as NewsStatus,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    hasHumanEdits: hasHumanEdits(row),
    version: row.version,
  };
}

export function presentNewsItem(row: NewsItemRow, coverage: CoverageRow[]): NewsItem {
  return {
    ...presentNewsSummary(row),
    body: row.body,
    html: renderMarkdown(row.body),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    publishedBy: row.published_by,
    archivedAt: row.archived_at,
    archivedBy: row.archived_by,
    signatures: coverage.map((c) => ({
      signatureEventId: c.signature_event_id,
      conventionId: c.convention_id,
      conventionTitle: c.convention_title,
      date: c.date,
      place: c.place,
    })),
    allowedTransitions: [...NEWS_TRANSITIONS[row.status as NewsStatus]],
  };
}

export const presentPublicSummary = (row: NewsItemRow): PublicNewsSummary => ({
  slug: row.slug,
  title: row.title,
  publishedAt: row.published_at ?? row.updated_at,
  excerpt: excerptOf(row.body),
});

export function presentPublicArticle(row: NewsItemRow, coverage: CoverageRow[]): PublicNewsArticle {
  const conventions = new Map(coverage.map((c) => [c.convention_id, c.convention_title]));
  return {
    ...presentPublicSummary(row),
    html: renderMarkdown(row.body),
    conventions: [...conventions].map(([id, title]) => ({ id, title })),
  };
}
