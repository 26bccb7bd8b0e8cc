/**
 * The layout of the plan workbook, shared by the export, the template and the import: one sheet of
 * actions, one of budget lines, and (export only) indicators with their values. Columns are found
 * by their French header, so a user may reorder them.
 */
export const SHEETS = {
  actions: 'Actions',
  budget: 'Budget',
  indicators: 'Indicateurs',
  values: 'Valeurs des indicateurs',
  notice: 'Mode d’emploi',
} as const;

export type ColumnKind = 'text' | 'date' | 'integer' | 'thousands' | 'euros' | 'number';
export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  kind: ColumnKind;
  width: number;
  note: string;
}

const col = <K extends string>(key: K, header: string, kind: ColumnKind, width: number, note: string): ColumnDef<K> => ({ key, header, kind, width, note });

export const ACTION_COLUMNS = [
  col('ref', 'Référence', 'text', 12, 'Identifiant stable de l’action : le réimport met à jour l’action de même référence au lieu d’en créer une autre.'),
  col('axis', 'Axe', 'text', 30, 'Titre de l’axe ; un axe absent de la convention est créé.'),
  col('title', 'Action', 'text', 40, 'Obligatoire, 3 à 300 caractères.'),
  col('parentRef', 'Référence de l’action parente', 'text', 14, 'Pour une sous-action : la référence de son action (un seul niveau).'),
  col('themes', 'Champs d’intervention', 'text', 30, 'Un ou plusieurs, séparés par « ; » (libellé ou code) ; le premier est le champ principal.'),
  col('pilot', 'Pilote', 'text', 24, 'Organisation ou personne qui pilote l’action.'),
  col('partners', 'Partenaires', 'text', 30, 'Séparés par « ; ».'),
  col('targetPublic', 'Public cible', 'text', 24, ''),
  col('scope', 'Périmètre', 'text', 20, 'Par exemple un quartier.'),
  col('status', 'Statut', 'text', 14, 'À venir, En cours, Réalisée, En pause, En retard ou Abandonnée (vide : À venir).'),
  col('statusReason', 'Motif du statut', 'text', 24, 'Obligatoire pour En pause, En retard et Abandonnée.'),
  col('priority', 'Priorité', 'text', 10, 'Haute, Moyenne ou Basse (facultatif).'),
  col('progress', 'Avancement (%)', 'integer', 12, 'Nombre entier de 0 à 100.'),
  col('startDate', 'Date de début', 'date', 13, 'Date (JJ/MM/AAAA).'),
  col('endDate', 'Date de fin', 'date', 13, 'Date (JJ/MM/AAAA), pas avant la date de début.'),
  col('highlighted', 'Mise en avant', 'text', 12, '« oui » pour publier l’action avec la convention signée.'),
  col('description', 'Description', 'text', 50, ''),
  col('objectives', 'Objectifs', 'text', 40, ''),
] as const;
export type ActionColumnKey = (typeof ACTION_COLUMNS)[number]['key'];

export const BUDGET_COLUMNS = [
  col('actionRef', 'Référence de l’action', 'text', 14, 'Référence d’une ligne de la feuille Actions.'),
  col('year', 'Année', 'integer', 8, 'Année du budget (1990 à 2100).'),
  col('funder', 'Financeur', 'text', 30, 'Obligatoire.'),
  col('nature', 'Nature', 'text', 16, 'Fonctionnement ou Investissement.'),
  col('planned', 'Montant prévu (€)', 'euros', 16, 'En euros, 2 décimales au plus.'),
  col('actual', 'Montant réalisé (€)', 'euros', 16, 'En euros ; vide tant qu’il n’est pas connu.'),
] as const;
export type BudgetColumnKey = (typeof BUDGET_COLUMNS)[number]['key'];

export const INDICATOR_COLUMNS = [
  col('actionRef', 'Référence de l’action', 'text', 14, ''),
  col('action', 'Action', 'text', 36, ''),
  col('title', 'Indicateur', 'text', 36, ''),
  col('kind', 'Type', 'text', 22, ''),
  col('unit', 'Unité', 'text', 10, ''),
  col('direction', 'Sens attendu', 'text', 14, ''),
  col('baselineValue', 'Valeur de référence', 'number', 12, ''),
  col('baselineDate', 'Date de référence', 'date', 13, ''),
  col('targetValue', 'Cible', 'number', 10, ''),
  col('targetDate', 'Date cible', 'date', 13, ''),
  col('lastValue', 'Dernière valeur', 'number', 12, ''),
  col('lastDate', 'Date de la dernière valeur', 'date', 13, ''),
  col('state', 'État', 'text', 14, ''),
] as const;

export const VALUE_COLUMNS = [
  col('indicator', 'Indicateur', 'text', 36, ''),
  col('actionRef', 'Référence de l’action', 'text', 14, ''),
  col('date', 'Date', 'date', 13, ''),
  col('value', 'Valeur', 'number', 12, ''),
  col('source', 'Source', 'text', 24, ''),
  col('comment', 'Commentaire', 'text', 36, ''),
] as const;

/** French number formats: Excel shows them with the reader's separators. */
export const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: '@',
  date: 'dd/mm/yyyy',
  integer: '0',
  thousands: '#,##0',
  euros: '#,##0.00 €',
  number: '#,##0.##',
};

/** A, B, …, Z, AA… for column numbers from 1. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Headers compared without case, accents, apostrophe style or extra spaces. */
export const normalizeHeader = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A date of the record (YYYY-MM-DD) as a spreadsheet date at midnight UTC. */
export const dateCell = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
