import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';

/**
 * `column` ends with « <e-mail> », as actor labels « Name <e-mail> » do. Written with substr/length,
 * which both engines share, so that no character of the address acts as a wildcard.
 */
const labelledBy = (column: string, email: string) => {
  const suffix = `<${email.toLowerCase()}>`;
  return sql<boolean>`substr(lower(${sql.ref(column)}), length(${sql.ref(column)}) - ${suffix.length - 1}) = ${suffix}`;
};

export const findAccount = (db: Executor, where: { id?: number; personId?: number }) => {
  let q = db.selectFrom('app_user').selectAll();
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  if (where.personId !== undefined) q = q.where('person_id', '=', where.personId);
  return q.executeTakeFirst();
};

export const findPerson = (db: Executor, id: number) => db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();

export const membershipsOf = (db: Executor, userId: number) =>
  db.selectFrom('membership as m').innerJoin('organisation as o', 'o.id', 'm.organisation_id').select(['o.name', 'm.role', 'm.created_at']).where('m.user_id', '=', userId).orderBy('o.name').execute();

export const sessionsOf = (db: Executor, userId: number) =>
  db.selectFrom('user_session').select(['created_at', 'last_seen_at', 'ip', 'user_agent']).where('user_id', '=', userId).orderBy('created_at').execute();

export const invitationsTo = (db: Executor, email: string) =>
  db
    .selectFrom('invitation as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(['o.name', 'i.role', 'i.created_at', 'i.accepted_at'])
    .where('i.email', '=', email)
    .orderBy('i.id')
    .execute();

export async function countPasswordResets(db: Executor, userId: number): Promise<number> {
  const row = await db.selectFrom('password_reset').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Security events of an account: it is the actor by its e-mail, alone or in « Name <e-mail> ». */
export const securityEventsOf = (db: Executor, email: string) =>
  db
    .selectFrom('security_event')
    .select(['id', 'at', 'event', 'ip', 'user_agent'])
    .where((eb) => eb.or([eb('actor', '=', email), labelledBy('actor', email)]))
    .orderBy('id')
    .execute();

export async function countChangesAuthored(db: Executor, email: string): Promise<number> {
  const row = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(labelledBy('actor', email))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const mandatesOf = (db: Executor, personId: number) =>
  db
    .selectFrom('mandate as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.name', 'm.capacity', 'm.start_date', 'm.end_date'])
    .where('m.person_id', '=', personId)
    .orderBy('m.id')
    .execute();

export const signaturesOf = (db: Executor, personId: number) =>
  db
    .selectFrom('signatory as s')
    .innerJoin('signature_event as e', 'e.id', 's.signature_event_id')
    .innerJoin('convention as c', 'c.id', 'e.convention_id')
    .select(['c.id as convention_id', 'c.title', 'e.date', 'e.place', 's.capacity'])
    .where('s.person_id', '=', personId)
    .orderBy('e.date')
    .execute();

/** Replaces an account's e-mail in every actor label (logs and histories keep their rows). */
export async function pseudonymiseActor(db: Executor, email: string, pseudonym: string): Promise<void> {
  await db.updateTable('security_event').set({ actor: pseudonym, ip: null, user_agent: null }).where((eb) => eb.or([eb('actor', '=', email), labelledBy('actor', email)])).execute();
  await db.updateTable('audit_event').set({ actor: pseudonym }).where(labelledBy('actor', email)).execute();
  await db.updateTable('invitation').set({ invited_by: pseudonym }).where((eb) => eb.or([eb('invited_by', '=', email), labelledBy('invited_by', email)])).execute();
  await db.updateTable('api_token').set({ created_by: pseudonym }).where((eb) => eb.or([eb('created_by', '=', email), labelledBy('created_by', email)])).execute();
}

/** Removes what an account holds, then blanks the account itself (its id stays for the logs). */
export async function eraseAccount(db: Executor, userId: number, email: string, now: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
  await db.deleteFrom('calendar_feed').where('user_id', '=', userId).execute();
  await db.deleteFrom('membership').where('user_id', '=', userId).execute();
  await db.deleteFrom('password_reset').where('user_id', '=', userId).execute();
  await db.deleteFrom('invitation').where('email', '=', email).execute();
  await db
    .updateTable('app_user')
    .set((eb) => ({
      email: `efface-${userId}@efface.invalid`,
      display_name: 'Compte effacé',
      person_id: null,
      password_hash: null,
      oidc_subject: null,
      status: 'erased',
      is_platform_admin: 0,
      failed_logins: 0,
      locked_until: null,
      erased_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

export async function countPlatformAdmins(db: Executor): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).where('is_platform_admin', '=', 1).where('status', '=', 'active').executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function deleteMandates(db: Executor, personId: number): Promise<void> {
  await db.deleteFrom('mandate').where('person_id', '=', personId).execute();
}

/** The name stays (signature records are legal facts); the erasure date says the rest was removed. */
export async function markPersonErased(db: Executor, personId: number, now: string): Promise<void> {
  await db.updateTable('person').set((eb) => ({ erased_at: now, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', personId).execute();
}

export async function deletePerson(db: Executor, personId: number): Promise<void> {
  await db.deleteFrom('person').where('id', '=', personId).execute();
}
