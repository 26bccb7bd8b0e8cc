import type { Db } from '../platform/db/schema.js';
import { nowIso } from '../platform/db/dialect.js';
import type { Role } from '../../shared/api/accounts.js';
import * as repo from './accounts.repository.js';
import { findUserBySubject, markInvitationAccepted, pendingInvitationsFor } from './users.repository.js';
import { openSession, type ClientInfo } from './sessions.service.js';
import type { OidcIdentity } from './oidc.client.js';

/** Why a ProConnect sign-in was refused; the sign-in page shows the French message of each code. */
export type OidcRefusal = 'oidc_non_invite' | 'oidc_sans_email' | 'oidc_autre_identite' | 'oidc_inactif';

export type OidcOutcome = { token: string } | { refused: OidcRefusal };

const displayNameOf = (identity: OidcIdentity, email: string) =>
  [identity.givenName, identity.usualName].filter(Boolean).join(' ') || email.split('@')[0]!;

/**
 * Signs a person in from a verified OpenID identity. The subject is looked up first; on a first sign-in
 * the identity is linked by e-mail to an existing account, or to pending invitations (the account is
 * then created with their roles). Nobody else gets in: there is no self-registration.
 */
export async function signInWithOidc(db: Db, identity: OidcIdentity, client: ClientInfo): Promise<OidcOutcome> {
  const outcome = await db.transaction().execute(async (trx): Promise<OidcOutcome & { actor: string; linked?: boolean }> => {
    const now = nowIso();
    const known = await findUserBySubject(trx, identity.subject);
    if (known) {
      if (known.status !== 'active') return { refused: 'oidc_inactif', actor: known.email };
      await repo.updateUser(trx, known.id, { failed_logins: 0, locked_until: null, last_login_at: now, updated_at: now });
      return { token: await openSession(trx, known.id, client), actor: known.email };
    }
    const email = identity.email;
    if (!email || identity.emailVerified === false) return { refused: 'oidc_sans_email', actor: `oidc:${identity.subject}` };
    const user = await repo.findUserByEmail(trx, email);
    if (user?.oidc_subject) return { refused: 'oidc_autre_identite', actor: email };
    if (user && user.status !== 'active') return { refused: 'oidc_inactif', actor: email };
    const invitations = await pendingInvitationsFor(trx, email, now);
    if (!user && invitations.length === 0) return { refused: 'oidc_non_invite', actor: email };
    const userId =
      user?.id ?? (await repo.insertUser(trx, { email, display_name: displayNameOf(identity, email), password_hash: null, is_platform_admin: 0, status: 'active', now }));
    await repo.updateUser(trx, userId, { oidc_subject: identity.subject, last_login_at: now, updated_at: now });
    for (const invitation of invitations) {
      await repo.upsertMembership(trx, userId, invitation.organisation_id, invitation.role as Role, now);
      await markInvitationAccepted(trx, invitation.id, now);
      await repo.recordSecurityEvent(trx, { actor: email, event: 'invitation_accepted', ...client, details: { organisationId: invitation.organisation_id, role: invitation.role, method: 'oidc' } });
    }
    await repo.recordSecurityEvent(trx, { actor: email, event: 'oidc_linked', ...client, details: { subject: identity.subject } });
    return { token: await openSession(trx, userId, client), actor: email, linked: true };
  });
  if ('refused' in outcome) {
    await repo.recordSecurityEvent(db, { actor: outcome.actor, event: 'login_failed', ...client, details: { method: 'oidc', reason: outcome.refused } });
    return { refused: outcome.refused };
  }
  await repo.recordSecurityEvent(db, { actor: outcome.actor, event: 'login', ...client, details: { method: 'oidc' } });
  return { token: outcome.token };
}
