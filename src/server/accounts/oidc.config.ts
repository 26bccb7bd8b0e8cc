/**
 * ProConnect-compatible OpenID Connect sign-in, configured by the environment:
 * OIDC_ISSUER (enables it), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI (default
 * PUBLIC_URL/api/v1/auth/oidc/callback), OIDC_SCOPES (default « openid email given_name usual_name »),
 * OIDC_USERINFO_ALG (default RS256: the userinfo answer is a signed JWT; empty for plain JSON),
 * OIDC_LABEL (the button's text, default « Se connecter avec ProConnect »).
 */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  userinfoAlg: string | null;
  label: string;
}

export function loadOidcConfig(env: NodeJS.ProcessEnv, publicUrl: string): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('OIDC_ISSUER est défini mais OIDC_CLIENT_ID ne l’est pas.');
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    redirectUri: env.OIDC_REDIRECT_URI?.trim() || `${publicUrl}/api/v1/auth/oidc/callback`,
    scopes: env.OIDC_SCOPES?.trim() || 'openid email given_name usual_name',
    userinfoAlg: env.OIDC_USERINFO_ALG === undefined ? 'RS256' : env.OIDC_USERINFO_ALG.trim() || null,
    label: env.OIDC_LABEL?.trim() || 'Se connecter avec ProConnect',
  };
}

/** Plain http is accepted for a provider on the loopback interface only (tests, local trials). */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
