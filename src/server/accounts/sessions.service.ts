import { verify } from '@node-rs/argon2';
import type { Db, Executor } from '../platform/db/schema.js';
import { HttpError } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import type { LoginInput } from '../../shared/api/accounts.js';
import * as repo from './accounts.repository.js';
import { addMinutes, hashSecret, newSecret } from './tokens.js';
import type { Principal } from './principal.js';

export const SESSION_IDLE_MINUTES = 8 * 60;
export const SESSION_MAX_DAYS = 30;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const badCredentials = () => new HttpError(401, 'bad_credentials', 'Adresse e-mail ou mot de passe incorrect.');

function lockedError(until: string): HttpError {
  const time = new Date(until).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
  return new HttpError(429, 'locked', `Trop de tentatives de connexion : le compte est verrouillé jusqu’à ${time}. Réessayez ensuite ou réinitialisez votre mot de passe.`);
}

/** Checks the password, counts failures (lockout after five), and opens a session stored in the database. */
export async function login(db: Db, input: LoginInput, client: ClientInfo): Promise<{ token: string; principal: Principal }> {
  const user = await repo.findUserByEmail(db, input.email);
  const now = nowIso();
  if (!user || user.status !== 'active' || !user.password_hash) {
    await repo.recordSecurityEvent(db, { actor: input.email, event: 'login_failed', ...client, details: { reason: 'unknown_or_inactive' } });
    throw badCredentials();
  }
  if (user.locked_until && user.locked_until > now) throw lockedError(user.locked_until);
  if (!(await verify(user.password_hash, input.password))) {
    const failures = user.failed_logins + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? addMinutes(LOCK_MINUTES) : null;
    await repo.updateUser(db, user.id, { failed_logins: lockedUntil ? 0 : failures, locked_until: lockedUntil });
    await repo.recordSecurityEvent(db, { actor: user.email, event: lockedUntil ? 'account_locked' : 'login_failed', ...client });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw badCredentials();
  }
  await repo.updateUser(db, user.id, { failed_logins: 0, locked_until: null, last_login_at: now, updated_at: now });
  const token = await openSession(db, user.id, client);
  await repo.recordSecurityEvent(db, { actor: user.email, event: 'login', ...client });
  return { token, principal: (await resolveSession(db, token))! };
}

export async function openSession(db: Executor, userId: number, client: ClientInfo): Promise<string> {
  const token = newSecret();
  const now = nowIso();
  await repo.insertSession(db, {
    token_hash: hashSecret(token),
    user_id: userId,
    csrf_token: newSecret(),
    created_at: now,
    expires_at: addMinutes(SESSION_IDLE_MINUTES),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** A resolved session, and until when it may be used without being read again. */
export interface SessionState {
  principal: Principal;
  expiresAt: string;
  absoluteEnd: string;
  lastSeenAt: string;
}

/** The signed-in person behind a session cookie, or null when the session is unknown or expired. */
export async function resolveSession(db: Db, token: string): Promise<Principal | null> {
  return (await readSession(db, hashSecret(token)))?.principal ?? null;
}

/** The session of this token hash, read from the database: an expired one is deleted. */
export async function readSession(db: Db, tokenHash: string): Promise<SessionState | null> {
  const session = await repo.findSession(db, tokenHash);
  if (!session) return null;
  const now = new Date();
  const absoluteEnd = addMinutes(SESSION_MAX_DAYS * 24 * 60, new Date(session.created_at));
  if (session.expires_at <= now.toISOString() || absoluteEnd <= now.toISOString()) {
    await repo.deleteSession(db, tokenHash);
    return null;
  }
  const user = await repo.findUserById(db, session.user_id);
  if (!user || user.status !== 'active') return null;
  const principal: Principal = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    isPlatformAdmin: user.is_platform_admin === 1,
    memberships: await repo.membershipsOf(db, user.id),
    csrfToken: session.csrf_token,
  };
  const state = { principal, expiresAt: session.expires_at, absoluteEnd, lastSeenAt: session.last_seen_at };
  await touchSessionIfDue(db, tokenHash, state, now);
  return state;
}

/** Whether a session known from an earlier request may still be used as it is (not past an expiry it knew). */
export const sessionStillValid = (state: SessionState, now: Date): boolean => {
  const iso = now.toISOString();
  return state.expiresAt > iso && state.absoluteEnd > iso;
};

/** Slides the idle expiry, at most once a minute to spare writes. */
export async function touchSessionIfDue(db: Db, tokenHash: string, state: SessionState, now: Date): Promise<void> {
  if (Date.parse(state.lastSeenAt) >= now.getTime() - 60_000) return;
  const idleEnd = addMinutes(SESSION_IDLE_MINUTES, now);
  const expiresAt = idleEnd < state.absoluteEnd ? idleEnd : state.absoluteEnd;
  await repo.touchSession(db, tokenHash, now.toISOString(), expiresAt);
  state.lastSeenAt = now.toISOString();
  state.expiresAt = expiresAt;
}

export async function logout(db: Db, token: string, principal: Principal, client: ClientInfo): Promise<void> {
  await repo.deleteSession(db, hashSecret(token));
  if (principal.kind === 'user') await repo.recordSecurityEvent(db, { actor: principal.email, event: 'logout', ...client });
}

/** « Se déconnecter partout »: every session of the person ends. */
export async function logoutEverywhere(db: Db, principal: Principal, client: ClientInfo): Promise<number> {
  if (principal.kind !== 'user') return 0;
  const count = await repo.deleteSessionsOf(db, principal.userId);
  await repo.recordSecurityEvent(db, { actor: principal.email, event: 'logout_everywhere', ...client, details: { sessions: count } });
  return count;
}
