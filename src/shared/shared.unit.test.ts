import { describe, expect, it } from 'vitest';
import { normalizeForSearch, withDe } from './text.js';
import { formatLongDate, formatPeriod } from './format.js';
import { transitionProblem } from '../server/conventions/conventions.policy.js';
import { fieldLabel } from '../server/platform/http/errors.js';

describe('French text helpers', () => {
  it('normalises names for accent-free search', () => {
    expect(normalizeForSearch('  Châtenay-Malabry ')).toBe('chatenay malabry');
    expect(normalizeForSearch('Ville-d’Avray')).toBe('ville d avray');
    expect(normalizeForSearch('Œuvre  ÉPINETTES')).toBe('oeuvre epinettes');
  });
  it('elides « de » before a vowel', () => {
    expect(withDe('Issy-les-Moulineaux')).toBe('d’Issy-les-Moulineaux');
    expect(withDe('Boulogne-Billancourt')).toBe('de Boulogne-Billancourt');
    expect(withDe('Élancourt')).toBe('d’Élancourt');
  });
  it('writes dates and periods the French way', () => {
    expect(formatLongDate('2023-03-08')).toBe('8 mars 2023');
    expect(formatLongDate('2023-06-01')).toBe('1er juin 2023');
    expect(formatPeriod(2023, 2027)).toBe('2023–2027');
  });
  it('names fields in French in error messages', () => {
    expect(fieldLabel('endYear')).toBe('« année de fin » (endYear)');
    expect(fieldLabel('signatories.0.capacity')).toBe('« qualité » (signatories.0.capacity)');
  });
});

describe('convention lifecycle rules', () => {
  it('allows the documented moves only', () => {
    expect(transitionProblem('en_preparation', 'diagnostic', { signatureEvents: 0 })).toBeNull();
    expect(transitionProblem('en_preparation', 'en_cours', { signatureEvents: 1 })).toMatch(/ne peut pas passer/);
    expect(transitionProblem('echue', 'en_cours', { signatureEvents: 1 })).toMatch(/définitif/);
    expect(transitionProblem('en_cours', 'resiliee', { signatureEvents: 1 })).toBeNull();
  });
  it('needs a signature event before « Signée »', () => {
    expect(transitionProblem('redaction', 'signee', { signatureEvents: 0 })).toMatch(/signature/);
    expect(transitionProblem('redaction', 'signee', { signatureEvents: 1 })).toBeNull();
  });
});
