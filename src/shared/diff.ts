/** What changed between two states of an object: used by the history, the conflict message and plan versions. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const BOOKKEEPING = new Set(['version', 'updatedAt', 'createdAt']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Top-level fields whose value differs (bookkeeping fields such as version are left out). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !BOOKKEEPING.has(k));
  return keys.filter((k) => !same(b[k], a[k])).map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

/** French labels of the fields users see in the history and in conflict messages. */
export const CHANGE_LABELS: Record<string, string> = {
  title: 'Titre',
  description: 'Description',
  objectives: 'Objectifs',
  themes: 'Champs d’intervention',
  pilot: 'Pilote',
  partners: 'Partenaires',
  targetPublic: 'Public visé',
  scope: 'Périmètre',
  places: 'Lieux',
  labels: 'Labels',
  status: 'Statut',
  statusReason: 'Motif du statut',
  priority: 'Priorité',
  progress: 'Avancement (%)',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  budgetLines: 'Lignes budgétaires',
  facilities: 'Équipements',
  axisId: 'Axe principal',
  axisIds: 'Axes',
  parentId: 'Action parente',
  highlighted: 'Action phare',
  position: 'Ordre',
  unit: 'Unité',
  kind: 'Type',
  direction: 'Sens',
  baselineValue: 'Valeur de référence',
  baselineDate: 'Date de référence',
  targetValue: 'Cible',
  targetDate: 'Date de la cible',
  values: 'Valeurs',
  narratives: 'Récits par axe',
  evaluation: 'Évaluation',
  snapshotDate: 'Date d’arrêt',
  date: 'Date',
  body: 'Texte',
  author: 'Auteur',
  filename: 'Fichier',
  number: 'Numéro',
  signedBy: 'Signé par',
  summary: 'Résumé',
  validatedAt: 'Validé le',
  validatedBy: 'Validé par',
};

/** A value as a short French text for tables of changes. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ') || '—';
    return `${value.length} élément${value.length > 1 ? 's' : ''}`;
  }
  return JSON.stringify(value);
}
