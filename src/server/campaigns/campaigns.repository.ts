import type { CampaignTable, Executor } from '../platform/db/schema.js';

export type CampaignRow = Omit<CampaignTable, 'id' | 'version'> & { id: number; version: number };

export const findCampaign = (db: Executor, id: number): Promise<CampaignRow | undefined> => db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();

export const listCampaigns = (db: Executor, cafIds: number[] | 'all'): Promise<CampaignRow[]> => {
  let q = db.selectFrom('campaign').selectAll();
  if (cafIds !== 'all') q = cafIds.length ? q.where('caf_id', 'in', cafIds) : q.where('id', '<', 0);
  return q.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(100).execute();
};

export const openCampaigns = (db: Executor): Promise<CampaignRow[]> => db.selectFrom('campaign').selectAll().where('status', '=', 'ouverte').execute();

export async function insertCampaign(db: Executor, values: Omit<CampaignTable, 'id' | 'version'>, conventionIds: number[]): Promise<number> {
  const { id } = await db.insertInto('campaign').values(values).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('campaign_convention').values(conventionIds.map((conventionId) => ({ campaign_id: id, convention_id: conventionId }))).execute();
  return id;
}

export async function closeCampaign(db: Executor, id: number, version: number, at: string): Promise<boolean> {
  const result = await db.updateTable('campaign').set({ status: 'close', closed_at: at, version: version + 1 }).where('id', '=', id).where('version', '=', version).where('status', '=', 'ouverte').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const conventionsOf = (db: Executor, campaignId: number) =>
  db.selectFrom('campaign_convention as cc').innerJoin('convention as c', 'c.id', 'cc.convention_id').select(['c.id', 'c.title']).where('cc.campaign_id', '=', campaignId).orderBy('c.title').execute();

/** A campaign of the same year already open on one of these conventions. */
export const openOverlap = (db: Executor, year: number, conventionIds: number[]) =>
  db
    .selectFrom('campaign as k')
    .innerJoin('campaign_convention as cc', 'cc.campaign_id', 'k.id')
    .innerJoin('convention as c', 'c.id', 'cc.convention_id')
    .select(['k.title', 'c.title as conventionTitle'])
    .where('k.status', '=', 'ouverte')
    .where('k.year', '=', year)
    .where('cc.convention_id', 'in', conventionIds)
    .executeTakeFirst();

/** The closed campaign that locked this convention's values of this year, if any. */
export const lockingCampaign = (db: Executor, conventionId: number, year: number) =>
  db
    .selectFrom('campaign as k')
    .innerJoin('campaign_convention as cc', 'cc.campaign_id', 'k.id')
    .select(['k.title', 'k.closed_at'])
    .where('cc.convention_id', '=', conventionId)
    .where('k.year', '=', year)
    .where('k.status', '=', 'close')
    .executeTakeFirst();

/** The fiches a campaign asks to update: open actions of its conventions, with pilot and indicators. */
export async function campaignActions(db: Executor, conventionIds: number[]) {
  if (!conventionIds.length) return [];
  return db
    .selectFrom('action as a')
    .leftJoin('app_user as u', 'u.id', 'a.pilot_user_id')
    .select(['a.id', 'a.title', 'a.convention_id', 'a.pilot', 'a.pilot_user_id', 'a.updated_at', 'u.display_name', 'u.email'])
    .where('a.convention_id', 'in', conventionIds)
    .where('a.status', 'not in', ['realisee', 'abandonnee'])
    .orderBy('a.convention_id')
    .orderBy('a.position')
    .execute();
}

export async function indicatorsWithValueIn(db: Executor, actionIds: number[], year: number) {
  if (!actionIds.length) return [];
  const rows = await db
    .selectFrom('indicator as i')
    .leftJoin('indicator_value as v', (join) => join.onRef('v.indicator_id', '=', 'i.id').on('v.date', '>=', `${year}-01-01`).on('v.date', '<=', `${year}-12-31`))
    .select(['i.id', 'i.title', 'i.action_id', (eb) => eb.fn.count<number>('v.id').as('n')])
    .where('i.action_id', 'in', actionIds)
    .groupBy(['i.id', 'i.title', 'i.action_id'])
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, actionId: r.action_id!, updated: Number(r.n) > 0 }));
}

export async function cafStaffOf(db: Executor, cafId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select('u.id')
    .distinct()
    .where('m.organisation_id', '=', cafId)
    .where('m.role', 'in', ['caf_admin', 'caf_agent'])
    .where('u.status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}
