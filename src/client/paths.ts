/** The app's URLs, in one place. */
export const paths = {
  home: '/',
  accessibility: '/accessibilite',
  conventions: '/conventions',
  newConvention: '/conventions/nouvelle',
  importText: '/conventions/importer',
  convention: (id: number) => `/conventions/${id}`,
  editConvention: (id: number) => `/conventions/${id}/modifier`,
  newAction: (conventionId: number) => `/conventions/${conventionId}/actions/nouvelle`,
  editAction: (id: number) => `/actions/${id}/modifier`,
  news: '/actualites',
  newsArticle: (slug: string) => `/actualites/${slug}`,
  publicConvention: (id: number) => `/ctg/${id}`,
  newsDesk: '/redaction',
  newsEditor: (id: number) => `/redaction/${id}`,
  action: (id: number) => `/actions/${id}`,
  reviews: (conventionId: number) => `/conventions/${conventionId}/bilans`,
  review: (id: number) => `/bilans/${id}`,
  amendments: (conventionId: number) => `/conventions/${conventionId}/avenants`,
  followUp: (conventionId: number) => `/conventions/${conventionId}/suivi`,
  conventionFiles: (conventionId: number) => `/conventions/${conventionId}/fichiers`,
  governance: (conventionId: number) => `/conventions/${conventionId}/gouvernance`,
  meeting: (id: number) => `/reunions/${id}`,
  pack: (meetingId: number) => `/reunions/${meetingId}/dossier`,
  notifications: '/notifications',
  campaigns: '/campagnes',
  campaign: (id: number) => `/campagnes/${id}`,
  openData: '/donnees-ouvertes',
  conventionsWithTheme: (theme: string) => `/conventions?theme=${encodeURIComponent(theme)}`,
  coverage: (filters: Filters = {}) => withFilters('/couverture', filters),
  themesMatrix: (filters: Filters = {}) => withFilters('/territoires/champs', filters),
  renewals: (filters: Filters = {}) => withFilters('/territoires/renouvellements', filters),
  diagnostics: (filters: Filters = {}) => withFilters('/territoires/donnees', filters),
  coverageTargets: (filters: Filters = {}) => withFilters('/couverture/cibles', filters),
  login: '/connexion',
  forgottenPassword: '/mot-de-passe-oublie',
  resetPassword: (token: string) => `/mot-de-passe/${encodeURIComponent(token)}`,
  invitation: (token: string) => `/invitation/${encodeURIComponent(token)}`,
  account: '/mon-compte',
  myFollowUp: '/mon-suivi',
  search: '/recherche',
  administration: '/administration',
  securityLog: '/administration/journal',
  users: '/administration/utilisateurs',
  personalData: '/administration/donnees-personnelles',
  webhooks: '/administration/webhooks',
};

type Filters = Record<string, string | number | undefined>;

/** Dashboards keep their filters in the URL so that they can be shared and bookmarked. */
function withFilters(path: string, filters: Filters): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Parses a positive integer route parameter; NaN when it is not one. */
export function parseId(value: string | undefined): number {
  return value && /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
}
