import { sql, type Selectable } from 'kysely';
import type { Executor, NewsItemTable } from '../platform/db/schema.js';
import { inScope, type ConventionScope } from '../accounts/access.js';

export type NewsItemRow = Selectable<NewsItemTable>;

/** Signatures whose date lies in [from, to], in date order. */
export async function signatureEventsInPeriod(db: Executor, from: string, to: string, scope: ConventionScope) {
  return db
    .selectFrom('signature_event')
    .select(['id', 'convention_id', 'date'])
    .where(inScope(sql.ref('convention_id'), scope))
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function signatureEventsByIds(db: Executor, ids: readonly number[], scope: ConventionScope) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('signature_event')
    .select(['id', 'convention_id', 'date'])
    .where('id', 'in', ids)
    .where(inScope(sql.ref('convention_id'), scope))
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** Signatures someone may choose to write about, most recent first. */
export async function signatureChoices(db: Executor, limit: number, scope: ConventionScope) {
  return db
    .selectFrom('signature_event as s')
    .innerJoin('convention as c', 'c.id', 's.convention_id')
    .select(['s.id', 's.date', 's.place', 's.kind', 'c.id as convention_id', 'c.title as convention_title'])
    .where(inScope(sql.ref('c.id'), scope))
    .orderBy('s.date', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
}

export const findNewsItemRow = (db: Executor, id: number) => db.selectFrom('news_item').selectAll().where('id', '=', id).executeTakeFirst();

export const findPublishedBySlug = (db: Executor, slug: string) =>
  db.selectFrom('news_item').selectAll().where('slug', '=', slug).where('status', '=', 'publie').executeTakeFirst();

export async function slugsStartingWith(db: Executor, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('news_item').select('slug').where('slug', 'like', `${prefix}%`).execute();
  return rows.map((r) => r.slug);
}

/** An article belongs to the Cafs of the conventions it covers. */
const coversScope = (scope: ConventionScope) =>
  sql<boolean>`exists (select 1 from news_item_signature nis where nis.news_item_id = news_item.id and ${inScope(sql.ref('nis.convention_id'), scope)})`;

export async function isNewsItemInScope(db: Executor, id: number, scope: ConventionScope): Promise<boolean> {
  if (scope.all) return true;
  return (await db.selectFrom('news_item').select('id').where('id', '=', id).where(coversScope(scope)).executeTakeFirst()) !== undefined;
}

export async function listNewsItems(db: Executor, scope: ConventionScope, status?: string) {
  let query = db.selectFrom('news_item').selectAll();
  if (!scope.all) query = query.where(coversScope(scope));
  if (status) query = query.where('status', '=', status);
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

export async function listPublished(db: Executor, limit: number) {
  return db
    .selectFrom('news_item')
    .selectAll()
    .where('status', '=', 'publie')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertNewsItem(db: Executor, values: Omit<NewsItemTable, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('news_item').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateNewsItem(db: Executor, id: number, version: number, changes: Partial<Omit<NewsItemTable, 'id' | 'version'>>) {
  const result = await db
    .updateTable('news_item')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceCoverage(db: Executor, newsItemId: number, covered: { eventId: number; conventionId: number }[]) {
  await db.deleteFrom('news_item_signature').where('news_item_id', '=', newsItemId).execute();
  if (covered.length === 0) return;
  await db
    .insertInto('news_item_signature')
    .values(covered.map((c, index) => ({ news_item_id: newsItemId, signature_event_id: c.eventId, convention_id: c.conventionId, position: index + 1 })))
    .execute();
}

/** The signatures and conventions each news item covers, in the article's order. */
export async function coverageOf(db: Executor, newsItemIds: readonly number[]) {
  if (newsItemIds.length === 0) return [];
  return db
    .selectFrom('news_item_signature as n')
    .innerJoin('signature_event as s', 's.id', 'n.signature_event_id')
    .innerJoin('convention as c', 'c.id', 'n.convention_id')
    .select(['n.news_item_id', 'n.signature_event_id', 'n.convention_id', 'c.title as convention_title', 's.date', 's.place'])
    .where('n.news_item_id', 'in', newsItemIds)
    .orderBy('n.news_item_id')
    .orderBy('n.position')
    .execute();
}
export type CoverageRow = Awaited<ReturnType<typeof coverageOf>>[number];

/** Published news items that speak of a convention, newest first. */
export async function publishedNewsOfConvention(db: Executor, conventionId: number) {
  return db
    .selectFrom('news_item as i')
    .innerJoin('news_item_signature as n', 'n.news_item_id', 'i.id')
    .select(['i.slug', 'i.title', 'i.published_at'])
    .distinct()
    .where('n.convention_id', '=', conventionId)
    .where('i.status', '=', 'publie')
    .orderBy('i.published_at', 'desc')
    .execute();
}

/** The Cafs an article is about: regenerating it for its period stays within them, whoever asks. */
export async function cafScopeOfNewsItem(db: Executor, newsItemId: number): Promise<ConventionScope> {
  const rows = await db
    .selectFrom('news_item_signature as nis')
    .innerJoin('convention as c', 'c.id', 'nis.convention_id')
    .select('c.caf_id')
    .distinct()
    .where('nis.news_item_id', '=', newsItemId)
    .execute();
  return { all: false, cafIds: rows.map((r) => r.caf_id), conventionIds: [], partyOrganisationIds: [], publicOnly: false };
}
