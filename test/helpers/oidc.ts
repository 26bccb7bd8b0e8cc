import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

export interface OidcPerson {
  email: string;
  given_name: string;
  usual_name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Content types of the userinfo answers sent (application/jwt when signed). */
  userinfoTypes: string[];
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, shaped like ProConnect: authorization code
 * with PKCE, RS256 ID tokens, userinfo answered as a signed JWT, scopes given_name and usual_name.
 * Its development pages sign in any login; the login is the subject, and `people` gives its claims.
 */
export async function startTestOidcProvider(redirectUri: string, people: Record<string, OidcPerson>): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'pilote-ctg-tests';
  const clientSecret = 'secret-du-fournisseur-de-test-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    scopes: ['openid', 'email', 'given_name', 'usual_name'],
    claims: { openid: ['sub'], email: ['email'], given_name: ['given_name'], usual_name: ['usual_name'] },
    features: { devInteractions: { enabled: true }, jwtUserinfo: { enabled: true } },
    pkce: { required: () => true },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...(people[id] ?? { email: `${id}@inconnu.example`, given_name: id, usual_name: 'Inconnu' }) }),
    }),
  });
  const userinfoTypes: string[] = [];
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/me') userinfoTypes.push(String(ctx.response.type));
  });
  // The development pages import a remote font: dropped, so that nothing leaves the machine.
  provider.use(async (ctx, next) => {
    await next();
    if (typeof ctx.body === 'string' && ctx.body.includes('@import url(')) ctx.body = ctx.body.replace(/@import url\([^)]*\);/g, '');
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    userinfoTypes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies kept across the provider's redirects, as a browser would (paths ignored: one host only). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index).trim(), pair!.slice(index + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Walks the provider's development pages without a browser: opens the authorization URL, signs in
 * as `login`, accepts the consent, and returns the URL the provider sends the browser back to.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.keep(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      if (url.startsWith(redirectUri)) return url;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`page inattendue du fournisseur (${response.status}) : ${html.slice(0, 200)}`);
    url = new URL(action, url).href;
    body = html.includes('name="login"') ? new URLSearchParams({ prompt: 'login', login, password: 'peu-importe' }) : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('le fournisseur n’a pas renvoyé vers l’application');
}
