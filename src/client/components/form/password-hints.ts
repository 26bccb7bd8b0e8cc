import { passwordProblems } from '../../../shared/password-policy.js';

export type PasswordHint = { rule: string; met: boolean };

/**
 * Every rule of the shared password policy, in its own words: a short password made of the e-mail's
 * name breaks them all at once (the 200-character cap is left to the input's maxLength).
 */
const RULES = passwordProblems('exem', 'exem@exemple.fr');
/** Without an e-mail (password reset by link), the rules that do not depend on it. */
const RULES_WITHOUT_EMAIL = passwordProblems('exem');

/** The policy's rules, each marked met or not for this password, for live hints under the field. */
export function passwordHints(password: string, email?: string): PasswordHint[] {
  const problems = new Set(passwordProblems(password, email));
  return (email ? RULES : RULES_WITHOUT_EMAIL).map((rule) => ({ rule, met: password.length > 0 && !problems.has(rule) }));
}
