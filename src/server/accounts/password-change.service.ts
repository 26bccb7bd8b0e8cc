import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../platform/db/schema.js';
import { businessRule, HttpError } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { passwordProblems } from '../../shared/password-policy.js';
import type { PasswordChangeInput } from '../../shared/api/users.js';
import * as repo from './accounts.repository.js';
import { deleteOtherSessions } from './users.repository.js';
import { forbidden, requireSignedIn } from './accounts.policy.js';
import { hashSecret } from './tokens.js';
import type { ClientInfo } from './sessions.service.js';
import type { Principal } from './principal.js';

const wrongCurrent = () =>
  new HttpError(400, 'validation', '« mot de passe actuel » : il ne correspond pas à votre mot de passe.', [{ path: 'currentPassword', message: 'Mot de passe actuel incorrect.' }]);

/**
 * « Changer mon mot de passe »: the current password is required; the new one follows the policy. Every
 * other session of the person ends (the one in use stays open). Returns how many sessions were closed.
 */
export async function changePassword(db: Db, principal: Principal, sessionToken: string | undefined, input: PasswordChangeInput, client: ClientInfo): Promise<number> {
  requireSignedIn(principal);
  if (principal.kind !== 'user') throw forbidden('changer un mot de passe avec un jeton d’API');
  const user = await repo.findUserById(db, principal.userId);
  if (!user?.password_hash) throw businessRule('Ce compte se connecte par ProConnect et n’a pas de mot de passe ; utilisez « Mot de passe oublié » pour en définir un.', 'currentPassword');
  const problems = passwordProblems(input.newPassword, user.email);
  if (problems.length) {
    const message = `Le mot de passe doit comporter ${problems.join(', ')}.`;
    throw new HttpError(400, 'validation', `« nouveau mot de passe » : ${message}`, [{ path: 'newPassword', message }]);
  }
  if (!(await verify(user.password_hash, input.currentPassword))) {
    await repo.recordSecurityEvent(db, { actor: user.email, event: 'login_failed', ...client, details: { reason: 'password_change_wrong_current' } });
    throw wrongCurrent();
  }
  const passwordHash = await hash(input.newPassword);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    await repo.updateUser(trx, user.id, { password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: now });
    const closed = await deleteOtherSessions(trx, user.id, sessionToken ? hashSecret(sessionToken) : null);
    await repo.recordSecurityEvent(trx, { actor: user.email, event: 'password_changed', ...client, details: { otherSessionsClosed: closed } });
    return closed;
  });
}
