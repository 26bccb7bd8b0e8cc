/** The app's URLs, in one place. */
export const paths = {
  home: '/',
  accessibility: '/accessibilite',
  conventions: '/conventions',
  newConvention: '/conventions/nouvelle',
  convention: (id: number) => `/conventions/${id}`,
  editConvention: (id: number) => `/conventions/${id}/modifier`,
  newAction: (conventionId: number) => `/conventions/${conventionId}/actions/nouvelle`,
  editAction: (id: number) => `/actions/${id}/modifier`,
  conventionsWithTheme: (theme: string) => `/conventions?theme=${encodeURIComponent(theme)}`,
  login: '/connexion',
  forgottenPassword: '/mot-de-passe-oublie',
  resetPassword: (token: string) => `/mot-de-passe/${encodeURIComponent(token)}`,
  invitation: (token: string) => `/invitation/${encodeURIComponent(token)}`,
  account: '/mon-compte',
  administration: '/administration',
};

/** Parses a positive integer route parameter; NaN when it is not one. */
export function parseId(value: string | undefined): number {
  return value && /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
}
