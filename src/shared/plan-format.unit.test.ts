import { describe, expect, it } from 'vitest';
import { formatEuros, parseEurosToCents } from './plan-format.js';

describe('euros in French', () => {
  it('formats cents as euros and reads them back', () => {
    expect(formatEuros(118_050_050)).toBe('1\u202f180\u202f500,50\u00a0€');
    expect(parseEurosToCents('1 180 500,50')).toBe(118_050_050);
    expect(parseEurosToCents('45000')).toBe(4_500_000);
    expect(parseEurosToCents('12,345')).toBeNull();
    expect(parseEurosToCents('-3')).toBeNull();
  });
});
