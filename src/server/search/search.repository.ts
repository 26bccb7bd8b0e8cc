import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { isPostgres } from '../platform/db/dialect.js';
import { inScope, type ConventionScope } from '../accounts/access.js';
import type { SearchKind } from '../../shared/api/search.js';
import { ftsMatch, MARK_END, MARK_START, tsQuery, type SearchTerm } from './search-terms.js';

export interface SearchRow {
  kind: SearchKind;
  ref_id: number;
  action_id: number | null;
  convention_id: number;
  convention_title: string;
  title: string;
  snippet: string;
}

export interface SearchFilter {
  terms: SearchTerm[];
  kind?: SearchKind;
  scope: ConventionScope;
  limit: number;
}

/** FTS5 with bm25 (a title word weighs five body words) and its own snippets. */
async function searchSqlite(db: Executor, f: SearchFilter): Promise<SearchRow[]> {
  const result = await sql<SearchRow>`
    select f.kind, f.ref_id, f.action_id, f.convention_id, c.title as convention_title,
      case when f.kind = 'note' then coalesce(a.title, '') else highlight(search_fts, 0, ${MARK_START}, ${MARK_END}) end as title,
      snippet(search_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
    from search_fts f
    join convention c on c.id = f.convention_id
    left join action a on a.id = f.action_id
    where search_fts match ${ftsMatch(f.terms)}
      ${f.kind ? sql`and f.kind = ${f.kind}` : sql``}
      and ${inScope(sql.ref('f.convention_id'), f.scope)}
    order by bm25(search_fts, 5.0, 1.0), f.rowid
    limit ${f.limit}`.execute(db);
  return result.rows.map((r) => ({ ...r, ref_id: Number(r.ref_id), convention_id: Number(r.convention_id), action_id: r.action_id === null ? null : Number(r.action_id) }));
}

const HEADLINE_TITLE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const HEADLINE_BODY = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;

/** tsvector (French stems, accents folded) ranked by ts_rank; headlines only for the rows kept. */
async function searchPostgres(db: Executor, f: SearchFilter): Promise<SearchRow[]> {
  const result = await sql<SearchRow>`
    with q as (select to_tsquery('pilote_fr', ${tsQuery(f.terms)}) as query),
    ranked as (
      select d.*, ts_rank(d.document, q.query) as score from search_document d, q
      where d.document @@ q.query
        ${f.kind ? sql`and d.kind = ${f.kind}` : sql``}
        and ${inScope(sql.ref('d.convention_id'), f.scope)}
      order by score desc, d.id
      limit ${f.limit}
    )
    select r.kind, r.ref_id, r.action_id, r.convention_id, c.title as convention_title,
      case when r.kind = 'note' then coalesce(a.title, '') else ts_headline('pilote_fr', r.title, q.query, ${HEADLINE_TITLE}) end as title,
      case when r.body = '' then '' else ts_headline('pilote_fr', r.body, q.query, ${HEADLINE_BODY}) end as snippet
    from ranked r cross join q
    join convention c on c.id = r.convention_id
    left join action a on a.id = r.action_id
    order by r.score desc, r.id`.execute(db);
  return result.rows;
}

export const searchDocuments = (db: Executor, filter: SearchFilter): Promise<SearchRow[]> =>
  isPostgres(db) ? searchPostgres(db, filter) : searchSqlite(db, filter);
