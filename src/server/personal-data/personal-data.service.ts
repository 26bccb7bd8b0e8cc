import type { Db, Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { nowIso } from '../platform/db/dialect.js';
import { businessRule, notFound } from '../platform/http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { recordSecurityEvent } from '../accounts/accounts.repository.js';
import { forbidden, requireSignedIn } from '../accounts/accounts.policy.js';
import type { Principal } from '../accounts/principal.js';
import type { Role } from '../../shared/api/accounts.js';
import type { PersonalData, PersonalDataErasure, PersonalDataSubject } from '../../shared/api/personal-data.js';
import * as repo from './personal-data.repository.js';

/** Personal data spans every organisation: platform administrators only. */
function requireDataOfficer(principal: Principal | undefined): void {
  requireSignedIn(principal ?? { kind: 'anonymous' });
  if (!principal || principal.kind === 'anonymous' || !principal.isPlatformAdmin) throw forbidden('gérer les données personnelles');
}

/** The account and the person behind a request: each id leads to the other through app_user.person_id. */
async function resolveSubject(db: Executor, subject: PersonalDataSubject) {
  const account = subject.userId !== undefined ? await repo.findAccount(db, { id: subject.userId }) : subject.personId !== undefined ? await repo.findAccount(db, { personId: subject.personId }) : undefined;
  if (subject.userId !== undefined && !account) throw notFound('Compte');
  const personId = subject.personId ?? account?.person_id ?? undefined;
  const person = personId !== undefined ? await repo.findPerson(db, personId) : undefined;
  if (subject.personId !== undefined && !person) throw notFound('Personne');
  return { account, person };
}

/** Everything the product stores about a person and their account. */
export async function personalDataOf(db: Db, principal: Principal, subject: PersonalDataSubject): Promise<PersonalData> {
  requireDataOfficer(principal);
  const { account, person } = await resolveSubject(db, subject);
  let accountData: PersonalData['account'] = null;
  if (account) {
    const memberships = await repo.membershipsOf(db, account.id);
    const sessions = await repo.sessionsOf(db, account.id);
    const invitations = await repo.invitationsTo(db, account.email);
    const events = await repo.securityEventsOf(db, account.email);
    accountData = {
      id: account.id,
      email: account.email,
      displayName: account.display_name,
      status: account.status,
      isPlatformAdmin: account.is_platform_admin === 1,
      createdAt: account.created_at,
      lastLoginAt: account.last_login_at,
      hasPassword: account.password_hash !== null,
      linkedToProConnect: account.oidc_subject !== null,
      erasedAt: account.erased_at,
      memberships: memberships.map((m) => ({ organisationName: m.name, role: m.role as Role, since: m.created_at })),
      sessions: sessions.map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, ip: s.ip, userAgent: s.user_agent })),
      invitations: invitations.map((i) => ({ organisationName: i.name, role: i.role, createdAt: i.created_at, acceptedAt: i.accepted_at })),
      passwordResets: await repo.countPasswordResets(db, account.id),
      securityEvents: events.map((e) => ({ at: e.at, event: e.event, ip: e.ip, userAgent: e.user_agent })),
      changesAuthored: await repo.countChangesAuthored(db, account.email),
    };
  }
  let personData: PersonalData['person'] = null;
  if (person) {
    const mandates = await repo.mandatesOf(db, person.id);
    const signatures = await repo.signaturesOf(db, person.id);
    personData = {
      id: person.id,
      firstName: person.first_name,
      lastName: person.last_name,
      erasedAt: person.erased_at,
      mandates: mandates.map((m) => ({ organisationName: m.name, capacity: m.capacity, startDate: m.start_date, endDate: m.end_date })),
      signatures: signatures.map((s) => ({ conventionId: s.convention_id, conventionTitle: s.title, date: s.date, place: s.place, capacity: s.capacity })),
    };
  }
  return { generatedAt: nowIso(), account: accountData, person: personData };
}

/**
 * Erases in one transaction. The account is blanked (sessions, roles, invitations and resets removed,
 * its e-mail replaced by a pseudonym in logs and histories). The person's mandates are removed; if they
 * signed conventions, their name stays on those records as legal facts and the erasure date is noted,
 * otherwise the person is deleted. The erasure itself is logged and audited.
 */
export async function erasePersonalData(ctx: ServiceContext, subject: PersonalDataSubject): Promise<PersonalDataErasure> {
  const principal = ctx.principal;
  requireDataOfficer(principal);
  return ctx.db.transaction().execute(async (trx) => {
    const { account, person } = await resolveSubject(trx, subject);
    if ((!account || account.erased_at) && (!person || person.erased_at)) throw businessRule('Ces données ont déjà été effacées.');
    const now = nowIso();
    if (account && !account.erased_at) {
      if (principal?.kind === 'user' && principal.userId === account.id) throw businessRule('Vous ne pouvez pas effacer votre propre compte : demandez-le à un autre administrateur.', 'userId');
      if (account.is_platform_admin === 1 && (await repo.countPlatformAdmins(trx)) <= 1) throw businessRule('C’est le dernier administrateur de la plateforme : nommez-en un autre avant d’effacer ce compte.', 'userId');
      await repo.pseudonymiseActor(trx, account.email, `compte effacé n°${account.id}`);
      await repo.eraseAccount(trx, account.id, account.email, now);
    }
    let personOutcome: PersonalDataErasure['person'] = null;
    let signaturesKept = 0;
    if (person && !person.erased_at) {
      signaturesKept = (await repo.signaturesOf(trx, person.id)).length;
      await repo.deleteMandates(trx, person.id);
      if (signaturesKept > 0) {
        await repo.markPersonErased(trx, person.id, now);
        personOutcome = 'conserve_pour_les_signatures';
      } else {
        await repo.deletePerson(trx, person.id);
        personOutcome = 'supprimee';
      }
      // No personal data in the audit record: only the fact of the erasure and what was kept.
      await recordAudit(trx, { actor: ctx.actor, entityType: 'person', entityId: person.id, operation: signaturesKept > 0 ? 'update' : 'delete', after: { erasedAt: now, signaturesKept } });
    }
    const details = { userId: account?.id ?? null, personId: person?.id ?? null, person: personOutcome, signaturesKept };
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'personal_data_erased', details });
    return { erasedAt: now, accountErased: Boolean(account), person: personOutcome, signaturesKept };
  });
}
