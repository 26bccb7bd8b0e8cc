import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { isPostgres } from '../platform/db/dialect.js';
import { inScope, type ConventionScope } from '../accounts/access.js';
import type { SearchKind } from '../../shared/api/search.js';
import { ftsMatch, tsQuery, type SearchTerm } from './search-terms.js';

export interface SearchRow {
  kind: SearchKind;
  ref_id: number;
  action_id: number | null;
  convention_id: number;
  convention_title: string;
  /** For a note, the title of its action. */
  action_title: string | null;
  title: string;
  body: string;
}

export interface SearchFilter {
  terms: SearchTerm[];
  kind?: SearchKind;
  scope: ConventionScope;
  limit: number;
}

/** The kind is read from the rowid (migration 20261129020000): filtering on the column would read every match's row. */
const KIND_ROWID_REMAINDER: Record<SearchKind, number> = { convention: 1, action: 2, note: 3 };

/**
 * FTS5 ranked by bm25 (a title word weighs five body words). Only the ids and scores of the matches
 * are sorted; texts are read for the rows kept (reading them for every match cost 40 ms on common words).
 */
async function searchSqlite(db: Executor, f: SearchFilter): Promise<SearchRow[]> {
  const result = await sql<SearchRow>`
    with top as (
      select rowid as id, bm25(search_fts, 5.0, 1.0) as score from search_fts
      where search_fts match ${ftsMatch(f.terms)}
        ${f.kind ? sql`and rowid % 4 = ${KIND_ROWID_REMAINDER[f.kind]}` : sql``}
        and ${inScope(sql.ref('convention_id'), f.scope)}
      order by score, rowid
      limit ${f.limit}
    )
    select d.kind, d.ref_id, d.action_id, d.convention_id, c.title as convention_title, a.title as action_title, d.title, d.body
    from top
    join search_fts d on d.rowid = top.id
    join convention c on c.id = d.convention_id
    left join action a on a.id = d.action_id
    order by top.score, top.id`.execute(db);
  return result.rows.map((r) => ({ ...r, ref_id: Number(r.ref_id), convention_id: Number(r.convention_id), action_id: r.action_id === null ? null : Number(r.action_id) }));
}

/**
 * tsvector (French stems, accents folded by unaccent) ranked by ts_rank, title weighted A, text B. As on
 * SQLite, only ids and ranks of the matches are sorted and texts are read for the rows kept: sorting
 * whole rows made the planner start parallel workers, slower than the search itself. The kind is a
 * literal (a checked enum) so that the partial index of that kind is chosen (migration 20261129050000).
 */
async function searchPostgres(db: Executor, f: SearchFilter): Promise<SearchRow[]> {
  const result = await sql<SearchRow>`
    with top as (
      select d.id, ts_rank(d.document, q) as score
      from search_document d, to_tsquery('pilote_fr', ${tsQuery(f.terms)}) q
      where d.document @@ q
        ${f.kind ? sql`and d.kind = ${sql.lit(f.kind)}` : sql``}
        and ${inScope(sql.ref('d.convention_id'), f.scope)}
      order by score desc, d.id
      limit ${f.limit}
    )
    select d.kind, d.ref_id, d.action_id, d.convention_id, c.title as convention_title, a.title as action_title, d.title, d.body
    from top
    join search_document d on d.id = top.id
    join convention c on c.id = d.convention_id
    left join action a on a.id = d.action_id
    order by top.score desc, top.id`.execute(db);
  return result.rows;
}

export const searchDocuments = (db: Executor, filter: SearchFilter): Promise<SearchRow[]> =>
  isPostgres(db) ? searchPostgres(db, filter) : searchSqlite(db, filter);
