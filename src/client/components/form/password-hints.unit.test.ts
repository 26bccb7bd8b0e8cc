import { describe, expect, it } from 'vitest';
import { passwordProblems, PASSWORD_MIN_LENGTH } from '../../../shared/password-policy.js';
import { passwordHints } from './password-hints.js';

describe('password hints', () => {
  it('lists the three rules of the policy, none met while the field is empty', () => {
    const hints = passwordHints('', 'claire.martin@bois-colombes.fr');
    expect(hints.map((h) => h.rule)).toEqual([
      `au moins ${PASSWORD_MIN_LENGTH} caractères`,
      'au moins trois types de caractères parmi minuscules, majuscules, chiffres et symboles',
      'ne pas contenir votre adresse e-mail',
    ]);
    expect(hints.every((h) => !h.met)).toBe(true);
  });

  it('leaves out the e-mail rule when the e-mail is not known', () => {
    expect(passwordHints('Ete-2025-Colombes!').map((h) => h.rule)).toEqual(passwordHints('', 'a@b.fr').map((h) => h.rule).slice(0, 2));
    expect(passwordHints('Ete-2025-Colombes!').every((h) => h.met)).toBe(true);
  });

  it('marks each rule as the password grows, in agreement with the policy', () => {
    const email = 'claire.martin@bois-colombes.fr';
    for (const password of ['court', 'toutenminusculesmaislong', 'Claire.Martin-2025!', 'Ete-2025-Colombes!']) {
      const unmet = passwordHints(password, email).filter((h) => !h.met).map((h) => h.rule);
      expect(unmet).toEqual(passwordProblems(password, email));
    }
    expect(passwordHints('Ete-2025-Colombes!', email).every((h) => h.met)).toBe(true);
  });
});
