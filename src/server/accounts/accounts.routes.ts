import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiTokenCreateInput,
  apiTokenCreatedSchema,
  apiTokenSchema,
  invitationAcceptInput,
  invitationCreateInput,
  invitationSchema,
  loginInput,
  meSchema,
  passwordResetInput,
  passwordResetRequestInput,
  type Me,
} from '../../shared/api/accounts.js';
import { idParamsSchema } from '../../shared/api/common.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { clearSessionCookie, clientInfo, SESSION_COOKIE, setSessionCookie } from '../platform/http/auth.js';
import type { Principal } from './principal.js';
import { login, logout, logoutEverywhere, resolveSession } from './sessions.service.js';
import { acceptInvitation, createInvitation, getInvitation } from './invitations.service.js';
import { requestPasswordReset, resetPassword } from './password-reset.service.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import { canManageAccountsOf, forbidden, isAnyAdmin, requireSignedIn } from './accounts.policy.js';

const tokenParams = z.object({ token: z.string().min(20).max(100) });
/**
 * Counted per address and per e-mail (after the body is read), so colleagues behind one office proxy
 * do not lock each other out; the per-account lockout stops guessing on one account.
 */
const LOGIN_LIMIT = {
  rateLimit: {
    max: 10,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (request: { ip: string; body?: unknown }) => `${request.ip}:${String((request.body as { email?: unknown } | undefined)?.email ?? '')}`,
  },
  csrf: false,
};

function presentMe(principal: Principal): Me {
  if (principal.kind !== 'user') return { user: null, csrfToken: null };
  const { userId, email, displayName, isPlatformAdmin, memberships, csrfToken } = principal;
  return { user: { id: userId, email, displayName, isPlatformAdmin, memberships }, csrfToken };
}

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.config.publicUrl.startsWith('https://');
  const mail = { mailer: app.mailer, publicUrl: app.config.publicUrl };

  app.get('/auth/me', { schema: { tags: ['comptes'], summary: 'La personne connectée (ou personne)', response: { 200: meSchema } } }, async (request) =>
    presentMe(request.principal),
  );

  app.post(
    '/auth/login',
    { config: LOGIN_LIMIT, schema: { tags: ['comptes'], summary: 'Se connecter (verrouillage après cinq échecs)', body: loginInput, response: { 200: meSchema } } },
    async (request, reply) => {
      const { token, principal } = await login(app.db, request.body, clientInfo(request));
      setSessionCookie(reply, token, secure);
      return presentMe(principal);
    },
  );

  app.post('/auth/logout', { config: { csrf: false }, schema: { tags: ['comptes'], summary: 'Se déconnecter', response: { 204: z.null() } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(app.db, token, request.principal, clientInfo(request));
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.post(
    '/auth/logout-everywhere',
    { schema: { tags: ['comptes'], summary: 'Fermer toutes ses sessions', response: { 200: z.object({ closedSessions: z.int() }) } } },
    async (request, reply) => {
      requireSignedIn(request.principal);
      const closedSessions = await logoutEverywhere(app.db, request.principal, clientInfo(request));
      clearSessionCookie(reply);
      return { closedSessions };
    },
  );

  app.post(
    '/auth/password-reset-requests',
    { config: LOGIN_LIMIT, schema: { tags: ['comptes'], summary: 'Demander un lien de réinitialisation', body: passwordResetRequestInput, response: { 202: z.object({ message: z.string() }) } } },
    async (request, reply) => {
      await requestPasswordReset(app.db, request.body.email, mail, clientInfo(request));
      return reply.status(202).send({ message: 'Si un compte existe pour cette adresse, un lien de réinitialisation vient d’y être envoyé.' });
    },
  );

  app.post(
    '/auth/password-resets/:token',
    { config: LOGIN_LIMIT, schema: { tags: ['comptes'], summary: 'Choisir un nouveau mot de passe', params: tokenParams, body: passwordResetInput, response: { 204: z.null() } } },
    async (request, reply) => {
      await resetPassword(app.db, request.params.token, request.body.password, clientInfo(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/invitations',
    { schema: { tags: ['comptes'], summary: 'Inviter une personne (courriel avec lien valable 7 jours)', body: invitationCreateInput, response: { 201: invitationSchema } } },
    async (request, reply) => {
      requireSignedIn(request.principal);
      return reply.status(201).send(await createInvitation(contextOf(app, request), request.principal, request.body, mail));
    },
  );

  app.get(
    '/invitations/:token',
    { config: LOGIN_LIMIT, schema: { tags: ['comptes'], summary: 'Lire une invitation reçue', params: tokenParams, response: { 200: invitationSchema } } },
    async (request) => getInvitation(app.db, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    { config: LOGIN_LIMIT, schema: { tags: ['comptes'], summary: 'Accepter une invitation et choisir son mot de passe', params: tokenParams, body: invitationAcceptInput, response: { 200: meSchema } } },
    async (request, reply) => {
      const token = await acceptInvitation(app.db, request.params.token, request.body, clientInfo(request));
      setSessionCookie(reply, token, secure);
      return presentMe((await resolveSession(app.db, token))!);
    },
  );

  app.get('/api-tokens', { schema: { tags: ['comptes'], summary: 'Jetons d’API', response: { 200: z.array(apiTokenSchema) } } }, async (request) => {
    requireSignedIn(request.principal);
    if (!isAnyAdmin(request.principal)) throw forbidden('gérer les jetons d’API');
    const p = request.principal;
    return listApiTokens(app.db, p.isPlatformAdmin ? 'all' : p.memberships.filter((m) => m.role === 'caf_admin').map((m) => m.organisationId));
  });

  app.post(
    '/api-tokens',
    { schema: { tags: ['comptes'], summary: 'Créer un jeton d’API (affiché une seule fois)', body: apiTokenCreateInput, response: { 201: apiTokenCreatedSchema } } },
    async (request, reply) => {
      requireSignedIn(request.principal);
      if (!canManageAccountsOf(request.principal, request.body.organisationId, [])) throw forbidden('créer un jeton pour cette organisation');
      return reply.status(201).send(await createApiToken(contextOf(app, request), request.body));
    },
  );

  app.delete('/api-tokens/:id', { schema: { tags: ['comptes'], summary: 'Révoquer un jeton', params: idParamsSchema, response: { 200: apiTokenSchema } } }, async (request) => {
    requireSignedIn(request.principal);
    const token = (await listApiTokens(app.db, 'all')).find((t) => t.id === request.params.id);
    if (token?.organisationId && !canManageAccountsOf(request.principal, token.organisationId, [])) throw forbidden('révoquer ce jeton');
    if (!token?.organisationId && !request.principal.isPlatformAdmin) throw forbidden('révoquer ce jeton');
    return revokeApiToken(contextOf(app, request), request.params.id);
  });
};
