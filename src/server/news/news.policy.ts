import { NEWS_STATUS_LABELS, NEWS_TRANSITIONS, type NewsStatus } from '../../shared/enums.js';
import { normalizeForSearch } from '../../shared/text.js';

/** Why a news item may not move from one status to another, or null when it may. */
export function newsTransitionProblem(from: NewsStatus, to: NewsStatus): string | null {
  if (from === to) return `L’article est déjà « ${NEWS_STATUS_LABELS[to].toLowerCase()} ».`;
  if (!NEWS_TRANSITIONS[from].includes(to)) {
    return `Un article « ${NEWS_STATUS_LABELS[from].toLowerCase()} » ne peut pas passer à « ${NEWS_STATUS_LABELS[to].toLowerCase()} ».`;
  }
  return null;
}

/** A body or title that differs from the last generated text carries edits made by a person. */
export const hasHumanEdits = (row: { title: string; body: string; generated_title: string; generated_body: string }): boolean =>
  row.title !== row.generated_title || row.body !== row.generated_body;

/** "Trois nouvelles signatures de CTG en mars" + 2023 → "trois-nouvelles-signatures-de-ctg-en-mars-2023". */
export function slugFor(title: string, year: string): string {
  const base = normalizeForSearch(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 150).replace(/-+$/, '');
  return base.includes(year) ? base : `${base}-${year}`;
}

/** The slug itself when free, else the first free "slug-2", "slug-3"… */
export function freeSlug(slug: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(slug)) return slug;
  let n = 2;
  while (used.has(`${slug}-${n}`)) n += 1;
  return `${slug}-${n}`;
}
