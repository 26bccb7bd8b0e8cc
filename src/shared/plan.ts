/** Reference lists of the plan d'actions and its follow-up, with their French labels. */
import type { ActionStatus } from './enums.js';

/** Statuses that need a reason (shown next to the status and kept in the history). */
export const STATUSES_NEEDING_REASON: readonly ActionStatus[] = ['en_pause', 'en_retard', 'abandonnee'];

export const ACTION_PRIORITIES = ['haute', 'moyenne', 'basse'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export const ACTION_PRIORITY_LABELS: Record<ActionPriority, string> = { haute: 'Haute', moyenne: 'Moyenne', basse: 'Basse' };

export const BUDGET_NATURES = ['fonctionnement', 'investissement'] as const;
export type BudgetNature = (typeof BUDGET_NATURES)[number];
export const BUDGET_NATURE_LABELS: Record<BudgetNature, string> = { fonctionnement: 'Fonctionnement', investissement: 'Investissement' };

export const FACILITY_KINDS = ['eaje', 'alsh', 'laep', 'rpe', 'centre_social', 'evs', 'structure_jeunesse', 'autre'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const FACILITY_KIND_LABELS: Record<FacilityKind, string> = {
  eaje: 'EAJE (établissement d’accueil du jeune enfant)',
  alsh: 'ALSH (accueil de loisirs sans hébergement)',
  laep: 'LAEP (lieu d’accueil enfants-parents)',
  rpe: 'RPE (relais petite enfance)',
  centre_social: 'Centre social',
  evs: 'Espace de vie sociale',
  structure_jeunesse: 'Structure jeunesse',
  autre: 'Autre équipement',
};

export const INDICATOR_KINDS = ['resultat', 'moyens'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = { resultat: 'Indicateur de résultat', moyens: 'Indicateur de moyens' };

export const INDICATOR_DIRECTIONS = ['hausse', 'baisse'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  hausse: 'À la hausse (plus, c’est mieux)',
  baisse: 'À la baisse (moins, c’est mieux)',
};

export const INDICATOR_STATES = ['atteint', 'en_bonne_voie', 'a_risque', 'sans_donnee'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];
export const INDICATOR_STATE_LABELS: Record<IndicatorState, string> = {
  atteint: 'Atteint',
  en_bonne_voie: 'En bonne voie',
  a_risque: 'À risque',
  sans_donnee: 'Sans donnée',
};

export const REVIEW_KINDS = ['annual', 'final'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = { annual: 'Bilan annuel', final: 'Évaluation finale' };
export const REVIEW_STATUSES = ['brouillon', 'valide'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { brouillon: 'Brouillon', valide: 'Validé' };

/** The Cnaf evaluation framework's four criteria. */
export const EVALUATION_CRITERIA = ['coherence', 'efficacite', 'efficience', 'perennite'] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];
export const EVALUATION_CRITERION_LABELS: Record<EvaluationCriterion, { label: string; question: string }> = {
  coherence: { label: 'Cohérence', question: 'Les actions répondent-elles aux besoins relevés par le diagnostic partagé ?' },
  efficacite: { label: 'Efficacité', question: 'Les objectifs fixés ont-ils été atteints ?' },
  efficience: { label: 'Efficience', question: 'Les moyens engagés sont-ils à la mesure des résultats obtenus ?' },
  perennite: { label: 'Pérennité et impact', question: 'Quels effets durables pour les familles et le territoire ?' },
};
