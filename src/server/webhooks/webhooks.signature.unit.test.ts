import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './webhooks.signature.js';

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'review.validated', data: { reviewId: 4 } });
  const now = 1_800_000_000;

  it('verifies with the same key, body and a recent timestamp', () => {
    expect(verifySignature('clé', body, signatureHeader('clé', body, now), now + 10)).toBe(true);
  });

  it('refuses another key, a changed body, an old timestamp or a malformed header', () => {
    const header = signatureHeader('clé', body, now);
    expect(verifySignature('autre clé', body, header, now)).toBe(false);
    expect(verifySignature('clé', body.replace('4', '5'), header, now)).toBe(false);
    expect(verifySignature('clé', body, header, now + 301)).toBe(false);
    expect(verifySignature('clé', body, header.replace(/t=\d+/, `t=${now + 1}`), now)).toBe(false);
    expect(verifySignature('clé', body, 'n’importe quoi', now)).toBe(false);
  });
});
