export const CONVENTION_STATUSES = [
  'en_preparation',
  'diagnostic',
  'redaction',
  'signee',
  'en_cours',
  'echue',
  'resiliee',
] as const;
export type ConventionStatus = (typeof CONVENTION_STATUSES)[number];

/** Statuses a convention may be created in; later ones are reached through transitions. */
export const CONVENTION_INITIAL_STATUSES = ['en_preparation', 'diagnostic', 'redaction'] as const;

export const CONVENTION_STATUS_LABELS: Record<ConventionStatus, string> = {
  en_preparation: 'En préparation',
  diagnostic: 'Diagnostic',
  redaction: 'Rédaction',
  signee: 'Signée',
  en_cours: 'En cours',
  echue: 'Échue',
  resiliee: 'Résiliée',
};

/** Allowed lifecycle moves; the server checks every transition against this table. */
export const CONVENTION_TRANSITIONS: Record<ConventionStatus, readonly ConventionStatus[]> = {
  en_preparation: ['diagnostic', 'redaction'],
  diagnostic: ['en_preparation', 'redaction'],
  redaction: ['diagnostic', 'signee'],
  signee: ['en_cours', 'resiliee'],
  en_cours: ['echue', 'resiliee'],
  echue: [],
  resiliee: [],
};

/** Statuses under which a convention is signed and binding (used by coverage figures). */
export const SIGNED_STATUSES: readonly ConventionStatus[] = ['signee', 'en_cours', 'echue', 'resiliee'];

export const ACTION_STATUSES = ['a_venir', 'en_cours', 'realisee', 'en_pause', 'en_retard', 'abandonnee'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  a_venir: 'À venir',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  en_pause: 'En pause',
  en_retard: 'En retard',
  abandonnee: 'Abandonnée',
};

export const ORGANISATION_KINDS = [
  'caf',
  'commune',
  'epci',
  'ept',
  'departement',
  'msa',
  'etat',
  'association',
  'autre',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  caf: 'Caf',
  commune: 'Commune',
  epci: 'EPCI',
  ept: 'Établissement public territorial',
  departement: 'Département',
  msa: 'MSA',
  etat: 'État',
  association: 'Association',
  autre: 'Autre partenaire',
};

export const TERRITORY_KINDS = ['commune', 'epci', 'ept', 'departement'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];
export const TERRITORY_KIND_LABELS: Record<TerritoryKind, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  ept: 'EPT',
  departement: 'Département',
};

export const SIGNATURE_EVENT_KINDS = ['convention', 'avenant'] as const;
export type SignatureEventKind = (typeof SIGNATURE_EVENT_KINDS)[number];

export const NEWS_STATUSES = ['brouillon', 'publie', 'archive'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];
export const NEWS_STATUS_LABELS: Record<NewsStatus, string> = {
  brouillon: 'Brouillon',
  publie: 'Publié',
  archive: 'Archivé',
};
/** Allowed moves of a news item: publish a draft, archive or withdraw a published one, rework an archived one. */
export const NEWS_TRANSITIONS: Record<NewsStatus, readonly NewsStatus[]> = {
  brouillon: ['publie', 'archive'],
  publie: ['archive', 'brouillon'],
  archive: ['brouillon', 'publie'],
};
