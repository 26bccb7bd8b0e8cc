import type { Executor } from '../platform/db/schema.js';
import { requireSignedInCaller, scopeOf } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';
import type { SearchQuery, SearchResult } from '../../shared/api/search.js';
import { searchDocuments } from './search.repository.js';
import { searchTerms } from './search-terms.js';
import { highlightAll, snippet } from './highlight.js';

/**
 * Full-text search over conventions, actions and follow-up notes the caller may see (their scope is
 * applied in SQL). Notes are internal, so the search is for signed-in callers only.
 */
export async function search(db: Executor, principal: Principal, query: SearchQuery): Promise<SearchResult> {
  requireSignedInCaller(principal);
  const terms = searchTerms(query.q);
  if (terms.length === 0) return { terms: [], hits: [] };
  const rows = await searchDocuments(db, { terms, kind: query.kind, scope: scopeOf(principal), limit: query.limit });
  return {
    terms: terms.map((t) => t.word),
    hits: rows.map((r) => ({
      kind: r.kind,
      id: r.ref_id,
      conventionId: r.convention_id,
      conventionTitle: r.convention_title,
      actionId: r.action_id,
      // The same marking on both engines: matched words follow the search's own rule (highlight.ts).
      title: r.kind === 'note' ? [{ text: r.action_title ?? '', highlight: false }] : highlightAll(r.title, terms),
      snippet: snippet(r.body, terms),
    })),
  };
}
