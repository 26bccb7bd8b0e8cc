import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import { ANONYMOUS, type Principal } from '../../accounts/principal.js';
import { readSession, sessionStillValid, touchSessionIfDue, type SessionState } from '../../accounts/sessions.service.js';
import { apiTokenHash, isApiToken, markTokenUsed, readApiToken, type TokenState } from '../../accounts/api-tokens.service.js';
import { HttpError } from './errors.js';
import { hashSecret, newSecret } from '../../accounts/tokens.js';
import { CallerCache } from './caller-cache.js';
import { callerVersionOf, type DataVersions } from './data-version.js';

/** Header carrying the per-process secret with which in-process callers (the CLI) act as the system. */
export const INTERNAL_HEADER = 'x-pilote-internal';
const SYSTEM_PRINCIPAL: Principal = { kind: 'token', tokenId: 0, name: 'ligne de commande', isPlatformAdmin: true, memberships: [] };

export const SESSION_COOKIE = 'pilote_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /** How the caller proved who they are; CSRF checks apply to cookies only. */
    authenticatedBy: 'cookie' | 'token' | null;
    /** The data versions read once for this request (callers and answers are cached per version). */
    versions: DataVersions | null;
  }
  interface FastifyInstance {
    /** Random for each app instance and never sent on the network: `app.inject` callers only. */
    internalSecret: string;
  }
  interface FastifyContextConfig {
    /** false on routes that open a session (login, invitation, reset): no session to protect yet. */
    csrf?: boolean;
  }
}

/** Resolves the caller on every request, from the session cookie or a Bearer API token. */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('principal', null as never);
  app.decorateRequest('authenticatedBy', null);
  app.decorateRequest('versions', null);
  app.decorate('internalSecret', newSecret());
  const tokens = new CallerCache<TokenState>();
  const sessions = new CallerCache<SessionState>();

  async function tokenCaller(request: FastifyRequest, token: string): Promise<Principal | null> {
    if (!isApiToken(token)) return null;
    const hash = apiTokenHash(token);
    const version = await callerVersionOf(request);
    const known = tokens.get(version, hash);
    if (known) {
      await markTokenUsed(app.db, known);
      return known.principal;
    }
    const state = await readApiToken(app.db, hash);
    if (state) tokens.set(version, hash, state);
    return state?.principal ?? null;
  }

  async function sessionCaller(request: FastifyRequest, token: string): Promise<Principal | null> {
    const hash = hashSecret(token);
    const version = await callerVersionOf(request);
    const known = sessions.get(version, hash);
    const now = new Date();
    // Past the expiry this process knew, the session is read again: another instance may have slid it.
    if (known && sessionStillValid(known, now)) {
      await touchSessionIfDue(app.db, hash, known, now);
      return known.principal;
    }
    const state = await readSession(app.db, hash);
    if (state) sessions.set(version, hash, state);
    return state?.principal ?? null;
  }

  app.addHook('onRequest', async (request) => {
    request.principal = ANONYMOUS;
    if (!request.url.startsWith('/api/')) return;
    if (request.headers[INTERNAL_HEADER] === app.internalSecret) {
      request.principal = SYSTEM_PRINCIPAL;
      request.authenticatedBy = 'token';
      return;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const principal = await tokenCaller(request, bearer);
      if (!principal) throw new HttpError(401, 'invalid_token', 'Jeton d’API inconnu, révoqué ou mal formé.');
      request.principal = principal;
      request.authenticatedBy = 'token';
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const principal = await sessionCaller(request, cookie);
    if (!principal) return;
    request.principal = principal;
    request.authenticatedBy = 'cookie';
  });
  app.addHook('preHandler', async (request) => {
    if (request.authenticatedBy !== 'cookie' || !UNSAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config.csrf === false) return;
    const sent = request.headers['x-csrf-token'];
    const expected = request.principal.kind === 'user' ? request.principal.csrfToken : null;
    if (!expected || sent !== expected) {
      throw new HttpError(403, 'csrf', 'Jeton anti-falsification (x-csrf-token) manquant ou invalide : rechargez la page et recommencez.');
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 30 * 24 * 3600 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const clientInfo = (request: FastifyRequest) => ({ ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null });
