import { describe, expect, it } from 'vitest';
import { etagOf, ResponseCache } from './response-cache.js';
import type { DataVersions } from '../db/versions.js';

const body = (text: string) => ({ body: Buffer.from(text), etag: etagOf(1, text) });
const at = (data: number, tables: Record<string, number> = {}, callers = 1): DataVersions => ({ data, callers, tables: new Map(Object.entries(tables)) });

describe('answer cache by data version', () => {
  it('drops an answer that declared no tables as soon as the data version moves on', () => {
    const cache = new ResponseCache();
    expect(cache.get(at(1), 'a')).toBeUndefined();
    cache.set(at(1), 'a', body('un'), null);
    expect(cache.get(at(1), 'a')?.body.toString()).toBe('un');
    expect(cache.get(at(2), 'a')).toBeUndefined();
    expect(cache.get(at(1), 'a')).toBeUndefined();
  });

  it('keeps an answer while none of the tables it reads has moved, and drops it once one has', () => {
    const cache = new ResponseCache();
    cache.set(at(5, { theme: 3, action_note: 5 }), 'thèmes', body('thèmes'), ['theme']);
    expect(cache.get(at(9, { theme: 3, action_note: 9 }), 'thèmes')?.body.toString()).toBe('thèmes');
    // Found valid under 9: a later write to the table at 7 would not have been missed either way.
    expect(cache.get(at(12, { theme: 10, action_note: 9 }), 'thèmes')).toBeUndefined();
    expect(cache.get(at(12, { theme: 10 }), 'thèmes')).toBeUndefined();
  });

  it('drops an answer that declared its tables when a caller changed, or when a table is unknown', () => {
    const cache = new ResponseCache();
    cache.set(at(5, { theme: 3 }), 'a', body('a'), ['theme']);
    expect(cache.get(at(6, { theme: 3 }, 2), 'a')).toBeUndefined();
    cache.set(at(5, { theme: 3 }), 'b', body('b'), ['theme', 'indicator']);
    expect(cache.get(at(6, { theme: 3 }), 'b')).toBeUndefined();
  });

  it('never replaces an answer by one computed under an earlier version, and serves the later one to earlier requests', () => {
    const cache = new ResponseCache();
    cache.set(at(8), 'a', body('récent'), null);
    cache.set(at(7), 'a', body('calculé avant l’écriture'), null);
    expect(cache.get(at(8), 'a')?.body.toString()).toBe('récent');
    // A request that read version 7 must see every write before it: an answer of version 8 shows them.
    expect(cache.get(at(7), 'a')?.body.toString()).toBe('récent');
    expect(cache.get(at(9), 'a')).toBeUndefined();
  });

  it('keeps within its size by dropping the least recently used answers', () => {
    const cache = new ResponseCache(40);
    const v = at(1);
    cache.set(v, 'a', body('0123456789'), null);
    cache.set(v, 'b', body('0123456789'), null);
    cache.set(v, 'c', body('0123456789'), null);
    expect(cache.get(v, 'a')).toBeDefined();
    cache.set(v, 'd', body('0123456789'), null);
    cache.set(v, 'e', body('0123456789'), null);
    expect(cache.get(v, 'b')).toBeUndefined();
    expect(cache.get(v, 'a')).toBeDefined();
    cache.set(v, 'trop grand', body('x'.repeat(11)), null);
    expect(cache.get(v, 'trop grand')).toBeUndefined();
    cache.set(v, 'a', body('0123456789'), null);
    cache.set(v, 'f', body('0123456789'), null);
    expect(['a', 'c', 'd', 'e', 'f'].filter((k) => cache.get(v, k)).length).toBe(4);
  });
});
