import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../platform/http/errors.js';
import { clientInfo, setSessionCookie } from '../platform/http/auth.js';
import { completeAuthorization, startAuthorization, type OidcTransaction } from './oidc.client.js';
import { signInWithOidc } from './oidc.service.js';
import { recordSecurityEvent } from './accounts.repository.js';

const TRANSACTION_COOKIE = 'pilote_oidc';
const COOKIE_PATH = '/api/v1/auth/oidc';
const notConfigured = () => new HttpError(404, 'not_found', 'La connexion par ProConnect n’est pas activée sur cette instance.');

/** Only paths of this site are accepted as the page to return to (no open redirect). */
const safeReturn = (value: string | undefined) => (value && /^\/(?![/\\])/.test(value) ? value : '/');

function readTransaction(raw: string | undefined): OidcTransaction | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<OidcTransaction>;
    return parsed.state && parsed.nonce && parsed.verifier ? { state: parsed.state, nonce: parsed.nonce, verifier: parsed.verifier, returnTo: safeReturn(parsed.returnTo) } : null;
  } catch {
    return null;
  }
}

/** Sign-in through a ProConnect-compatible OpenID Connect provider (authorization code, PKCE, state, nonce). */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.config.publicUrl.startsWith('https://');

  app.get(
    '/auth/oidc/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['comptes'],
        summary: 'Se connecter avec ProConnect : redirige vers le fournisseur d’identité',
        querystring: z.object({ retour: z.string().max(500).optional() }),
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      const oidc = app.config.oidc;
      if (!oidc) throw notConfigured();
      const started = await startAuthorization(oidc, safeReturn(request.query.retour)).catch((error: unknown) => {
        request.log.error({ err: error }, 'OpenID Connect provider unreachable');
        return null;
      });
      // The provider cannot be reached (discovery failed): back to the sign-in page with a French message.
      if (!started) return reply.redirect('/connexion?erreur=oidc_indisponible', 302);
      const { url, transaction } = started;
      reply.setCookie(TRANSACTION_COOKIE, Buffer.from(JSON.stringify(transaction)).toString('base64url'), {
        httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH, maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['comptes'],
        summary: 'Retour du fournisseur d’identité : ouvre la session et revient à la page demandée',
        querystring: z.record(z.string(), z.string()),
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      const oidc = app.config.oidc;
      if (!oidc) throw notConfigured();
      const transaction = readTransaction(request.cookies[TRANSACTION_COOKIE]);
      reply.clearCookie(TRANSACTION_COOKIE, { path: COOKIE_PATH });
      const refuse = (code: string) => reply.redirect(`/connexion?erreur=${code}`, 302);
      if (!transaction) return refuse('oidc_expire');
      const query = new URL(request.url, 'http://localhost').search;
      const identity = await completeAuthorization(oidc, query, transaction).catch((error: unknown) => {
        request.log.warn({ err: error }, 'OpenID Connect callback refused');
        return null;
      });
      if (!identity) {
        await recordSecurityEvent(app.db, { actor: 'oidc', event: 'login_failed', ...clientInfo(request), details: { method: 'oidc', reason: 'oidc_echec' } });
        return refuse('oidc_echec');
      }
      const outcome = await signInWithOidc(app.db, identity, clientInfo(request));
      if ('refused' in outcome) return refuse(outcome.refused);
      setSessionCookie(reply, outcome.token, secure);
      return reply.redirect(transaction.returnTo, 302);
    },
  );
};
