import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { likeContains } from '../platform/db/dialect.js';

/** Organisations a set of Caf administrators manage: their Cafs and every party to their Cafs' conventions. */
function managedOrganisations(db: Executor, cafIds: number[]) {
  return db
    .selectFrom('organisation as o')
    .select('o.id')
    .where((eb) =>
      eb.or([
        eb('o.id', 'in', cafIds),
        eb('o.id', 'in', eb.selectFrom('party as p').innerJoin('convention as c', 'c.id', 'p.convention_id').select('p.organisation_id').where('c.caf_id', 'in', cafIds)),
      ]),
    );
}

/** null: every organisation (platform administrators). */
export type UserScope = { cafIds: number[] } | null;

export async function listUsers(db: Executor, scope: UserScope, filter: { q?: string }, page: { afterId?: number; limit: number }) {
  let q = db.selectFrom('app_user as u').selectAll('u');
  if (scope) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('membership as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.organisation_id', 'in', managedOrganisations(db, scope.cafIds))),
    );
  }
  if (filter.q) {
    const pattern = likeContains(filter.q.toLowerCase());
    q = q.where((eb) => eb.or([eb(sql<string>`lower(u.email)`, 'like', pattern), eb(sql<string>`lower(u.display_name)`, 'like', pattern)]));
  }
  if (page.afterId) q = q.where('u.id', '>', page.afterId);
  return q.orderBy('u.id').limit(page.limit).execute();
}

export async function countUsers(db: Executor, scope: UserScope, filter: { q?: string }): Promise<number> {
  let q = db.selectFrom('app_user as u');
  if (scope) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('membership as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.organisation_id', 'in', managedOrganisations(db, scope.cafIds))),
    );
  }
  if (filter.q) {
    const pattern = likeContains(filter.q.toLowerCase());
    q = q.where((eb) => eb.or([eb(sql<string>`lower(u.email)`, 'like', pattern), eb(sql<string>`lower(u.display_name)`, 'like', pattern)]));
  }
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Memberships of these users, limited to the organisations the scope manages. */
export async function membershipsOfUsers(db: Executor, userIds: number[], scope: UserScope) {
  if (userIds.length === 0) return [];
  let q = db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.user_id', 'm.organisation_id', 'o.name', 'o.kind', 'm.role', 'm.pilot_only', 'm.version'])
    .where('m.user_id', 'in', userIds);
  if (scope) q = q.where('m.organisation_id', 'in', managedOrganisations(db, scope.cafIds));
  return q.orderBy('m.user_id').orderBy('o.name').execute();
}

export const findMembership = (db: Executor, userId: number, organisationId: number) =>
  db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.user_id', 'm.organisation_id', 'o.name', 'o.kind', 'm.role', 'm.pilot_only', 'm.version'])
    .where('m.user_id', '=', userId)
    .where('m.organisation_id', '=', organisationId)
    .executeTakeFirst();

/** Returns false when the version was stale (nothing changed). */
export async function updateMembershipRole(db: Executor, id: number, change: { role: string; pilotOnly: boolean }, version: number): Promise<boolean> {
  const result = await db
    .updateTable('membership')
    .set((eb) => ({ role: change.role, pilot_only: change.pilotOnly ? 1 : 0, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMembership(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('membership').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Ends every session of a person but the one given (the session in use). */
export async function deleteOtherSessions(db: Executor, userId: number, keepTokenHash: string | null): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
  return Number((await query.executeTakeFirst()).numDeletedRows);
}

export const findUserBySubject = (db: Executor, subject: string) =>
  db.selectFrom('app_user').select(['id', 'email', 'status']).where('oidc_subject', '=', subject).executeTakeFirst();

/** Invitations to this address still waiting and not expired, oldest first. */
export const pendingInvitationsFor = (db: Executor, email: string, now: string) =>
  db.selectFrom('invitation').select(['id', 'organisation_id', 'role']).where('email', '=', email).where('accepted_at', 'is', null).where('expires_at', '>', now).orderBy('id').execute();

export async function markInvitationAccepted(db: Executor, id: number, now: string): Promise<void> {
  await db.updateTable('invitation').set({ accepted_at: now }).where('id', '=', id).execute();
}
