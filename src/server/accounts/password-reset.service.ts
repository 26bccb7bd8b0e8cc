import { hash } from '@node-rs/argon2';
import type { Db } from '../platform/db/schema.js';
import { HttpError } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import type { Mailer } from '../platform/mail/mailer.js';
import * as repo from './accounts.repository.js';
import { addMinutes, hashSecret, newSecret } from './tokens.js';
import type { ClientInfo } from './sessions.service.js';

export const RESET_MINUTES = 60;

/** Always answers the same way, so nobody learns which addresses have an account. */
export async function requestPasswordReset(db: Db, email: string, mail: { mailer: Mailer; publicUrl: string }, client: ClientInfo): Promise<void> {
  const user = await repo.findUserByEmail(db, email);
  await repo.recordSecurityEvent(db, { actor: email, event: 'password_reset_requested', ...client, details: { known: Boolean(user) } });
  if (!user || user.status !== 'active') return;
  const token = newSecret();
  await db
    .insertInto('password_reset')
    .values({ user_id: user.id, token_hash: hashSecret(token), expires_at: addMinutes(RESET_MINUTES), created_at: nowIso() })
    .execute();
  await mail.mailer.send({
    to: user.email,
    subject: 'Pilote CTG — réinitialisation de votre mot de passe',
    text: [
      'Bonjour,',
      '',
      `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable ${RESET_MINUTES} minutes) :`,
      `${mail.publicUrl}/mot-de-passe/${token}`,
      '',
      'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
    ].join('\n'),
  });
}

/** Sets the new password, lifts any lockout and ends every open session of the person. */
export async function resetPassword(db: Db, token: string, password: string, client: ClientInfo): Promise<void> {
  const passwordHash = await hash(password);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('password_reset').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
    if (!row || row.used_at || row.expires_at <= nowIso()) {
      throw new HttpError(410, 'gone', 'Ce lien de réinitialisation a expiré ou a déjà servi. Faites une nouvelle demande.');
    }
    const now = nowIso();
    await repo.updateUser(trx, row.user_id, { password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: now });
    await trx.updateTable('password_reset').set({ used_at: now }).where('id', '=', row.id).execute();
    await repo.deleteSessionsOf(trx, row.user_id);
    const user = await repo.findUserById(trx, row.user_id);
    await repo.recordSecurityEvent(trx, { actor: user?.email ?? String(row.user_id), event: 'password_reset', ...client });
  });
}
