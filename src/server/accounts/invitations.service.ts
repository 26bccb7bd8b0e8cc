import { hash } from '@node-rs/argon2';
import type { Db, Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { HttpError } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import type { Mailer } from '../platform/mail/mailer.js';
import { requireOrganisation } from '../organisations/organisations.service.js';
import { ROLE_LABELS, type Invitation, type InvitationAcceptInput, type InvitationCreateInput, type Role } from '../../shared/api/accounts.js';
import * as repo from './accounts.repository.js';
import { addMinutes, hashSecret, newSecret } from './tokens.js';
import { openSession, type ClientInfo } from './sessions.service.js';
import { canManageAccountsOf, forbidden } from './accounts.policy.js';
import type { Principal } from './principal.js';

export const INVITATION_DAYS = 7;

const expired = () => new HttpError(410, 'gone', 'Ce lien d’invitation a expiré ou a déjà servi. Demandez une nouvelle invitation.');

/** Cafs that are party to a convention with this organisation: their admins may invite its people. */
export async function cafsWorkingWith(db: Executor, organisationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('party as p')
    .innerJoin('convention as c', 'c.id', 'p.convention_id')
    .select('c.caf_id')
    .distinct()
    .where('p.organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.caf_id);
}

async function presentInvitation(db: Executor, id: number): Promise<Invitation> {
  const row = await db
    .selectFrom('invitation as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(['i.id', 'i.email', 'i.organisation_id', 'o.name', 'i.role', 'i.expires_at', 'i.accepted_at'])
    .where('i.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    email: row.email,
    organisationId: row.organisation_id,
    organisationName: row.name,
    role: row.role as Role,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  };
}

export async function createInvitation(
  ctx: ServiceContext,
  principal: Principal,
  input: InvitationCreateInput,
  mail: { mailer: Mailer; publicUrl: string },
): Promise<Invitation> {
  const token = newSecret();
  const invitation = await ctx.db.transaction().execute(async (trx) => {
    const organisation = await requireOrganisation(trx, input.organisationId, 'organisationId');
    if (!canManageAccountsOf(principal, organisation.id, await cafsWorkingWith(trx, organisation.id))) {
      throw forbidden(`inviter des personnes de « ${organisation.name} »`);
    }
    const row = await trx
      .insertInto('invitation')
      .values({
        email: input.email,
        token_hash: hashSecret(token),
        organisation_id: organisation.id,
        role: input.role,
        invited_by: ctx.actor,
        expires_at: addMinutes(INVITATION_DAYS * 24 * 60),
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.recordSecurityEvent(trx, { actor: ctx.actor, event: 'invitation_sent', details: { email: input.email, organisationId: organisation.id, role: input.role } });
    return presentInvitation(trx, row.id);
  });
  await mail.mailer.send({
    to: invitation.email,
    subject: `Invitation à rejoindre Pilote CTG — ${invitation.organisationName}`,
    text: [
      'Bonjour,',
      '',
      `${ctx.actor} vous invite à rejoindre Pilote CTG pour « ${invitation.organisationName} » en tant que ${ROLE_LABELS[invitation.role].toLowerCase()}.`,
      '',
      `Pour accepter et choisir votre mot de passe, ouvrez ce lien (valable ${INVITATION_DAYS} jours) :`,
      `${mail.publicUrl}/invitation/${token}`,
      '',
      'Si vous ne vous attendiez pas à ce message, ignorez-le.',
    ].join('\n'),
  });
  return invitation;
}

async function findValidInvitation(db: Executor, token: string) {
  const row = await db.selectFrom('invitation').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!row || row.accepted_at || row.expires_at <= nowIso()) throw expired();
  return row;
}

export async function getInvitation(db: Db, token: string): Promise<Invitation> {
  return presentInvitation(db, (await findValidInvitation(db, token)).id);
}

/** Creates (or completes) the account, grants the role and opens a session, in one transaction. */
export async function acceptInvitation(db: Db, token: string, input: InvitationAcceptInput, client: ClientInfo): Promise<string> {
  const passwordHash = await hash(input.password);
  return db.transaction().execute(async (trx) => {
    const invitation = await findValidInvitation(trx, token);
    const now = nowIso();
    const existing = await repo.findUserByEmail(trx, invitation.email);
    const userId =
      existing?.id ??
      (await repo.insertUser(trx, { email: invitation.email, display_name: input.displayName, password_hash: passwordHash, is_platform_admin: 0, status: 'active', now }));
    if (existing) await repo.updateUser(trx, existing.id, { display_name: input.displayName, password_hash: passwordHash, status: 'active', updated_at: now });
    await repo.upsertMembership(trx, userId, invitation.organisation_id, invitation.role as Role, now);
    await trx.updateTable('invitation').set({ accepted_at: now }).where('id', '=', invitation.id).execute();
    await repo.recordSecurityEvent(trx, { actor: invitation.email, event: 'invitation_accepted', ...client, details: { organisationId: invitation.organisation_id, role: invitation.role } });
    return openSession(trx, userId, client);
  });
}
