import type { Command } from 'commander';
import { hash } from '@node-rs/argon2';
import { withDatabase } from './database.js';
import { BOOTSTRAP_ADMIN_EMAIL, randomPassword } from '../server/accounts/bootstrap.js';
import { findUserByEmail, insertUser, recordSecurityEvent, updateUser, deleteSessionsOf } from '../server/accounts/accounts.repository.js';
import { emailSchema } from '../shared/api/accounts.js';

/** For whoever runs the server: regain access without any password written in code or files. */
export function registerAdminCommand(program: Command): void {
  program
    .command('admin')
    .description('Crée un administrateur de la plateforme, ou lui attribue un nouveau mot de passe aléatoire (affiché une seule fois)')
    .option('--email <adresse>', 'adresse e-mail de l’administrateur', BOOTSTRAP_ADMIN_EMAIL)
    .action(async (options: { email: string }) => {
      const parsed = emailSchema.safeParse(options.email);
      if (!parsed.success) throw new Error(`adresse e-mail invalide : « ${options.email} »`);
      const email = parsed.data;
      const password = randomPassword();
      await withDatabase(async ({ db }) => {
        await db.transaction().execute(async (trx) => {
          const now = new Date().toISOString();
          const existing = await findUserByEmail(trx, email);
          const passwordHash = await hash(password);
          if (existing) {
            await updateUser(trx, existing.id, { password_hash: passwordHash, is_platform_admin: 1, status: 'active', failed_logins: 0, locked_until: null, updated_at: now });
            await deleteSessionsOf(trx, existing.id);
          } else {
            await insertUser(trx, { email, display_name: 'Administrateur', password_hash: passwordHash, is_platform_admin: 1, status: 'active', now });
          }
          await recordSecurityEvent(trx, { actor: 'ligne de commande', event: existing ? 'admin_password_reset' : 'admin_created', details: { email } });
        });
      });
      console.log(`Administrateur de la plateforme — identifiant : ${email} — mot de passe : ${password}\n(affiché une seule fois)`);
    });
}
