import { describe, expect, it } from 'vitest';
import { changedFields, describeValue } from './diff.js';

describe('changed fields', () => {
  it('lists the fields that differ and leaves out version and timestamps', () => {
    const before = { title: 'A', themes: ['enfance'], progress: 10, version: 1, updatedAt: 'x' };
    const after = { title: 'A', themes: ['enfance', 'jeunesse'], progress: 40, version: 2, updatedAt: 'y', pilot: 'Ville' };
    expect(changedFields(before, after)).toEqual([
      { field: 'themes', before: ['enfance'], after: ['enfance', 'jeunesse'] },
      { field: 'progress', before: 10, after: 40 },
      { field: 'pilot', before: null, after: 'Ville' },
    ]);
    expect(changedFields(after, after)).toEqual([]);
  });

  it('describes values in French', () => {
    expect(describeValue(true)).toBe('oui');
    expect(describeValue(null)).toBe('—');
    expect(describeValue(1234.5)).toBe('1\u202f234,5');
    expect(describeValue([{ a: 1 }, { a: 2 }])).toBe('2 éléments');
  });
});
