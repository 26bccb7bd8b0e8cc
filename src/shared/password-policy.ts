/** Password rules in the spirit of the ANSSI recommendations: long, varied, not the e-mail. */
export const PASSWORD_MIN_LENGTH = 12;

export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`au moins ${PASSWORD_MIN_LENGTH} caractères`);
  if (password.length > 200) problems.push('au plus 200 caractères');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('au moins trois types de caractères parmi minuscules, majuscules, chiffres et symboles');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) problems.push('ne pas contenir votre adresse e-mail');
  return problems;
}
