export interface FieldError {
  path: string;
  message: string;
}

/** An error that becomes an HTTP response in one place (the error handler). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not_found', `${what} introuvable.`);

export const invalidField = (path: string, message: string): HttpError =>
  new HttpError(422, 'invalid_reference', `${fieldLabel(path)} : ${message}`, [{ path, message }]);

export const staleVersion = (current: unknown): HttpError =>
  new HttpError(
    409,
    'conflict',
    'Cet élément a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. Rechargez-le pour voir ses changements, puis refaites votre modification.',
    undefined,
    current,
  );

export const businessRule = (message: string, path?: string): HttpError =>
  new HttpError(422, 'business_rule', message, path ? [{ path, message }] : undefined);

const FIELD_LABELS: Record<string, string> = {
  currentPassword: 'mot de passe actuel',
  password: 'mot de passe',
  email: 'adresse électronique',
  displayName: 'nom affiché',
  effectiveDate: 'date d’effet',
  active: 'actif',
  newPassword: 'nouveau mot de passe',
  role: 'rôle',
  userId: 'compte',
  title: 'titre',
  cafId: 'Caf',
  startYear: 'année de début',
  endYear: 'année de fin',
  territoryCodes: 'territoires',
  themes: 'champs d’intervention',
  summary: 'présentation',
  predecessorId: 'convention précédente',
  status: 'statut',
  version: 'version',
  comment: 'commentaire',
  organisationId: 'organisation',
  deliberationRef: 'référence de la délibération',
  deliberationDate: 'date de la délibération',
  commitments: 'engagements',
  date: 'date',
  place: 'lieu',
  kind: 'type',
  signatories: 'signataires',
  personId: 'personne',
  partyId: 'partie',
  capacity: 'qualité',
  description: 'description',
  pilot: 'pilote',
  partners: 'partenaires',
  targetPublic: 'public visé',
  scope: 'périmètre',
  places: 'lieux',
  labels: 'labels',
  axisId: 'axe',
  parentId: 'action parente',
  highlighted: 'mise en avant',
  code: 'code',
  label: 'libellé',
  name: 'nom',
  firstName: 'prénom',
  lastName: 'nom',
  territoryCode: 'territoire',
  departementCode: 'département',
  mandates: 'mandats',
  q: 'recherche',
  limit: 'nombre de résultats',
  cursor: 'curseur',
  territory: 'territoire',
  theme: 'champ d’intervention',
  caf: 'Caf',
  year: 'année',
  departement: 'département',
  id: 'identifiant',
  convention: 'convention',
  region: 'région',
  rate: 'taux',
  communes: 'communes listées',
  months: 'nombre de mois',
  action: 'action',
  csv: 'fichier CSV',
  layout: 'format du fichier',
  unit: 'unité',
  source: 'source',
  capacitySeries: 'série des places d’accueil',
  childrenSeries: 'série des enfants de moins de 3 ans',
  series: 'série',
  from: 'début de la période',
  to: 'fin de la période',
  signatureEventIds: 'signatures',
  body: 'texte de l’article',
  overwrite: 'remplacement des modifications',
  slug: 'adresse de l’article',
  text: 'texte',
  file: 'fichier',
  sourceText: 'texte source',
  sourceName: 'nom du fichier source',
  markSigned: 'marquer comme signée',
  signature: 'signature',
  actions: 'actions',
  objectives: 'objectifs',
  startDate: 'date de début',
  endDate: 'date de fin',
  statusReason: 'motif du statut',
  priority: 'priorité',
  progress: 'avancement',
  axisIds: 'axes',
  budgetLines: 'lignes budgétaires',
  funder: 'financeur',
  nature: 'nature de la dépense',
  plannedCents: 'montant prévu',
  actualCents: 'montant réalisé',
  facilities: 'équipements',
  author: 'auteur',
  actionId: 'action',
  direction: 'sens',
  baselineValue: 'valeur de référence',
  baselineDate: 'date de la valeur de référence',
  targetValue: 'cible',
  targetDate: 'date de la cible',
  value: 'valeur',
  snapshotDate: 'date d’arrêt',
  narratives: 'récits par axe',
  realise: 'réalisé',
  difficultes: 'difficultés',
  suite: 'suite à donner',
  evaluation: 'évaluation',
  coherence: 'cohérence',
  efficacite: 'efficacité',
  efficience: 'efficience',
  perennite: 'pérennité et impact',
  entityType: 'type d’objet',
  entityId: 'objet',
  actor: 'personne',
  number: 'numéro',
  signedBy: 'signataires',
  planVersionId: 'version du plan',
  axis: 'axe',
  filter: 'filtre',
  set: 'changements',
  recordPlanVersion: 'version du plan annexée',
  pilotUserId: 'personne pilote (compte)',
  pilotOrganisationId: 'organisation pilote',
};

/** "signatureEvents.0.date" → "« date » (signatureEvents.0.date)": readable and still precise. */
export function fieldLabel(path: string): string {
  const segments = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  const last = segments[segments.length - 1];
  if (!last) return 'Requête';
  const label = FIELD_LABELS[last] ?? last;
  return label === path ? `« ${label} »` : `« ${label} » (${path})`;
}
