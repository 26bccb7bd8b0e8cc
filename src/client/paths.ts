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
  action: (id: number) => `/actions/${id}`,
  reviews: (conventionId: number) => `/conventions/${conventionId}/bilans`,
  review: (id: number) => `/bilans/${id}`,
  amendments: (conventionId: number) => `/conventions/${conventionId}/avenants`,
  followUp: (conventionId: number) => `/conventions/${conventionId}/suivi`,
  conventionsWithTheme: (theme: string) => `/conventions?theme=${encodeURIComponent(theme)}`,
};

/** Parses a positive integer route parameter; NaN when it is not one. */
export function parseId(value: string | undefined): number {
  return value && /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
}
