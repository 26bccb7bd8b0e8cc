import type { Updateable } from 'kysely';
import type { Executor, AppUserTable } from '../platform/db/schema.js';
import { fromFlag } from '../platform/db/dialect.js';
import { preparedQuery } from '../platform/db/prepared.js';
import type { MembershipInfo, Role } from '../../shared/api/accounts.js';

const userColumns = [
  'id', 'email', 'display_name', 'person_id', 'password_hash', 'oidc_subject', 'is_platform_admin', 'status',
  'failed_logins', 'locked_until', 'last_login_at', 'version',
] as const;
export type UserRow = Pick<AppUserTable, Exclude<(typeof userColumns)[number], 'id' | 'failed_logins' | 'version'>> & {
  id: number;
  failed_logins: number;
  version: number;
};

export const findUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('app_user').select(userColumns).where('email', '=', email.toLowerCase()).executeTakeFirst() as Promise<UserRow | undefined>;

const userById = preparedQuery((db, parameter) => db.selectFrom('app_user').select(userColumns).where('id', '=', parameter('id')));
export const findUserById = async (db: Executor, id: number) => (await userById(db, { id }))[0] as UserRow | undefined;

export async function insertUser(
  db: Executor,
  values: { email: string; display_name: string; password_hash: string | null; is_platform_admin: number; status: string; now: string },
): Promise<number> {
  const { now, ...rest } = values;
  const row = await db
    .insertInto('app_user')
    .values({ ...rest, email: rest.email.toLowerCase(), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: Executor, id: number, changes: Omit<Updateable<AppUserTable>, 'id' | 'version'>): Promise<void> {
  await db.updateTable('app_user').set((eb) => ({ ...changes, version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

const membershipRows = preparedQuery((db, parameter) =>
  db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'o.name', 'o.kind', 'm.role', 'm.convention_ids', 'm.pilot_only'])
    .where('m.user_id', '=', parameter('userId'))
    .orderBy('m.id'),
);

export async function membershipsOf(db: Executor, userId: number): Promise<MembershipInfo[]> {
  const rows = await membershipRows(db, { userId });
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.name,
    organisationKind: r.kind,
    role: r.role as Role,
    conventionIds: r.convention_ids ? (JSON.parse(r.convention_ids) as number[]) : null,
    pilotOnly: fromFlag(r.pilot_only),
  }));
}

export async function upsertMembership(db: Executor, userId: number, organisationId: number, role: Role, now: string): Promise<void> {
  await db
    .insertInto('membership')
    .values({ user_id: userId, organisation_id: organisationId, role, convention_ids: null, pilot_only: 0, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id']).doUpdateSet({ role }))
    .execute();
}

export async function insertSession(
  db: Executor,
  values: { token_hash: string; user_id: number; csrf_token: string; created_at: string; expires_at: string; ip: string | null; user_agent: string | null },
): Promise<void> {
  await db.insertInto('user_session').values({ ...values, last_seen_at: values.created_at }).execute();
}

const sessionByHash = preparedQuery((db, parameter) => db.selectFrom('user_session').selectAll().where('token_hash', '=', parameter('hash')));
export const findSession = async (db: Executor, tokenHash: string) => (await sessionByHash(db, { hash: tokenHash }))[0];

export async function touchSession(db: Executor, tokenHash: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOf(db: Executor, userId: number): Promise<number> {
  const result = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function recordSecurityEvent(
  db: Executor,
  event: { actor: string; event: string; ip?: string | null; userAgent?: string | null; details?: unknown },
): Promise<void> {
  await db
    .insertInto('security_event')
    .values({
      at: new Date().toISOString(),
      actor: event.actor,
      event: event.event,
      ip: event.ip ?? null,
      user_agent: event.userAgent ?? null,
      details_json: event.details === undefined ? null : JSON.stringify(event.details),
    })
    .execute();
}
