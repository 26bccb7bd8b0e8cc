import { describe, expect, it } from 'vitest';
import { etagOf, ResponseCache } from './response-cache.js';

const body = (text: string) => ({ body: Buffer.from(text), etag: etagOf(1, text) });

describe('answer cache by data version', () => {
  it('drops every answer when the data version moves on, and ignores answers computed under an old one', () => {
    const cache = new ResponseCache();
    expect(cache.get(1, 'a')).toBeUndefined();
    cache.set(1, 'a', body('un'));
    expect(cache.get(1, 'a')?.body.toString()).toBe('un');
    expect(cache.get(2, 'a')).toBeUndefined();
    cache.set(1, 'a', body('calculé avant l’écriture'));
    expect(cache.get(2, 'a')).toBeUndefined();
  });

  it('keeps within its size by dropping the least recently used answers', () => {
    const cache = new ResponseCache(40);
    cache.get(1, 'a');
    cache.set(1, 'a', body('0123456789'));
    cache.set(1, 'b', body('0123456789'));
    cache.set(1, 'c', body('0123456789'));
    expect(cache.get(1, 'a')).toBeDefined();
    cache.set(1, 'd', body('0123456789'));
    cache.set(1, 'e', body('0123456789'));
    expect(cache.get(1, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')).toBeDefined();
    cache.set(1, 'trop grand', body('x'.repeat(11)));
    expect(cache.get(1, 'trop grand')).toBeUndefined();
  });
});
