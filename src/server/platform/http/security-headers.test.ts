import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { securityHeaderValues } from './security-headers.js';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { demo: false });
  });
  afterAll(async () => t?.close());

  const expectProtected = (headers: Record<string, unknown>) => {
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['strict-transport-security']).toBeUndefined();
  };

  it('are sent with answers, cached answers and refusals of the authentication hook alike', async () => {
    const answers = [
      await t.app.inject({ url: '/api/v1/health' }),
      await t.app.inject({ url: '/api/v1/conventions', headers: t.adminHeaders }),
      await t.app.inject({ url: '/api/v1/conventions', headers: t.adminHeaders }),
      await t.app.inject({ url: '/api/v1/conventions', headers: { authorization: 'Bearer pct_inconnu' } }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 401]);
    for (const answer of answers) expectProtected(answer.headers);
  });

  it('ask the browser for HTTPS only when the instance is reached over TLS, and never allow remote origins', () => {
    const tls = securityHeaderValues({ hsts: { maxAge: 31_536_000, includeSubDomains: true } });
    expect(tls['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const csp = securityHeaderValues({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } } })['content-security-policy'];
    expect(csp).toBe("default-src 'self'");
  });
});
