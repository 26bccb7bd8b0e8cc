import * as client from 'openid-client';
import { isLoopbackHttp, type OidcConfig } from './oidc.config.js';

/** What the browser keeps (in a short-lived HttpOnly cookie) between the redirect and the callback. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean | null;
  givenName: string | null;
  usualName: string | null;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata, fetched once per issuer and client (a failed discovery is retried next time). */
function configurationOf(config: OidcConfig): Promise<client.Configuration> {
  const key = `${config.issuer}|${config.clientId}`;
  let pending = discovered.get(key);
  if (!pending) {
    const metadata: Partial<client.ClientMetadata> = {
      client_secret: config.clientSecret,
      id_token_signed_response_alg: 'RS256',
      ...(config.userinfoAlg ? { userinfo_signed_response_alg: config.userinfoAlg } : {}),
    };
    pending = client.discovery(
      new URL(config.issuer),
      config.clientId,
      metadata,
      client.ClientSecretPost(config.clientSecret),
      isLoopbackHttp(config.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    pending.catch(() => discovered.delete(key));
    discovered.set(key, pending);
  }
  return pending;
}

/** The provider's authorization URL, with PKCE (S256), state and nonce. */
export async function startAuthorization(config: OidcConfig, returnTo: string): Promise<{ url: string; transaction: OidcTransaction }> {
  const configuration = await configurationOf(config);
  const transaction: OidcTransaction = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), returnTo };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: config.redirectUri,
    scope: config.scopes,
    response_type: 'code',
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, transaction };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** Exchanges the code (checking state, nonce and PKCE), then reads the (signed) userinfo. */
export async function completeAuthorization(config: OidcConfig, query: string, transaction: OidcTransaction): Promise<OidcIdentity> {
  const configuration = await configurationOf(config);
  const currentUrl = new URL(config.redirectUri);
  currentUrl.search = query;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: transaction.verifier,
    expectedState: transaction.state,
    expectedNonce: transaction.nonce,
    idTokenExpected: true,
  });
  const subject = tokens.claims()!.sub;
  const info = await client.fetchUserInfo(configuration, tokens.access_token, subject);
  return {
    subject,
    email: text(info.email)?.toLowerCase() ?? null,
    emailVerified: typeof info.email_verified === 'boolean' ? info.email_verified : null,
    givenName: text(info.given_name),
    usualName: text(info.usual_name) ?? text(info.family_name),
  };
}
