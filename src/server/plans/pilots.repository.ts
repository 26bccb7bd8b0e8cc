import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';

/** Organisations that may pilot an action of the convention: its parties and its Caf. */
const pilotOrganisationIds = (conventionId: number) =>
  sql<number>`(select p.organisation_id from party p where p.convention_id = ${conventionId}
    union select c.caf_id from convention c where c.id = ${conventionId})`;

export async function candidateOrganisations(db: Executor, conventionId: number) {
  return db
    .selectFrom('organisation as o')
    .select(['o.id', 'o.name'])
    .where(sql<boolean>`o.id in ${pilotOrganisationIds(conventionId)}`)
    .orderBy('o.name')
    .execute();
}

/** Active accounts with a membership in one of those organisations (one row per account). */
export async function candidateUsers(db: Executor, conventionId: number) {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('membership as m', 'm.user_id', 'u.id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.display_name', 'o.name as organisation_name'])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`m.organisation_id in ${pilotOrganisationIds(conventionId)}`)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .orderBy('m.id')
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}
