import type { Random } from './random.js';

/** Plausible French action titles by theme, written for the synthetic dataset. */
const TITLES: Record<string, string[]> = {
  petite_enfance: ['Créer des places en crèche', 'Ouvrir un relais petite enfance', 'Soutenir les assistants maternels', 'Moderniser un multi-accueil'],
  enfance: ['Développer l’accueil de loisirs du mercredi', 'Rénover l’accueil périscolaire', 'Proposer des séjours de vacances'],
  jeunesse: ['Accompagner les projets de jeunes', 'Ouvrir un point information jeunesse', 'Soutenir l’engagement des jeunes'],
  parentalite: ['Créer un lieu d’accueil enfants-parents', 'Animer des ateliers parents', 'Développer la médiation familiale'],
  animation_vie_sociale: ['Créer un centre social', 'Soutenir un espace de vie sociale', 'Animer la vie de quartier'],
  acces_aux_droits: ['Ouvrir un guichet unique', 'Organiser des permanences d’accès aux droits', 'Lutter contre le non-recours'],
  inclusion_numerique: ['Former aux démarches en ligne', 'Installer des conseillers numériques', 'Équiper un espace numérique'],
  logement: ['Repérer les logements non décents', 'Prévenir les expulsions', 'Accompagner l’accès au logement'],
  handicap: ['Former les équipes à l’accueil du handicap', 'Coordonner l’inclusion des enfants handicapés', 'Adapter les équipements'],
  accompagnement_social: ['Accompagner les familles en difficulté', 'Renforcer le travail social de proximité'],
  sante: ['Promouvoir la santé des jeunes enfants', 'Prévenir les troubles du langage'],
  mobilite: ['Faciliter la mobilité des jeunes', 'Créer un transport solidaire'],
};
export const THEME_CODES = Object.keys(TITLES);

export function actionTitle(random: Random, theme: string, place: string): string {
  return `${random.pick(TITLES[theme]!)} à ${place}`;
}
