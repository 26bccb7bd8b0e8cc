import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '../platform/db/schema.js';
import { nowIso } from '../platform/db/dialect.js';
import * as repo from './accounts.repository.js';

export const BOOTSTRAP_ADMIN_EMAIL = 'admin@pilote-ctg.localhost';

/** A random password that meets the policy (upper, lower, digit, symbol, 26+ characters). */
export const randomPassword = (): string => `Ctg-${randomBytes(15).toString('base64url')}-7a`;

/**
 * The first start creates a platform administrator whose password is shown once on the console:
 * there is never a fixed password in the code. Returns null when an administrator already exists.
 */
export async function ensurePlatformAdmin(db: Db): Promise<{ email: string; password: string } | null> {
  const existing = await db.selectFrom('app_user').select('id').where('is_platform_admin', '=', 1).executeTakeFirst();
  if (existing) return null;
  const password = randomPassword();
  const now = nowIso();
  await repo.insertUser(db, {
    email: BOOTSTRAP_ADMIN_EMAIL,
    display_name: 'Administrateur',
    password_hash: await hash(password),
    is_platform_admin: 1,
    status: 'active',
    now,
  });
  await repo.recordSecurityEvent(db, { actor: 'système', event: 'admin_created', details: { email: BOOTSTRAP_ADMIN_EMAIL } });
  return { email: BOOTSTRAP_ADMIN_EMAIL, password };
}
