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

const OPENINGS = ['Il s’agit de', 'L’action vise à', 'Les partenaires s’engagent à', 'Le projet permet de'];
const PURPOSES = [
  'mieux accueillir les familles du territoire', 'renforcer la coordination entre la Caf et la commune', 'répondre aux besoins repérés dans le diagnostic partagé',
  'toucher les publics éloignés des services', 'améliorer la qualité de l’accueil des enfants', 'soutenir les parents dans leur rôle éducatif',
];
const MEANS = [
  'avec des permanences hebdomadaires', 'grâce à un poste de coordination dédié', 'en s’appuyant sur les associations locales',
  'par des ateliers collectifs dans les quartiers', 'avec un financement partagé entre les signataires',
];

export function actionDescription(random: Random): string {
  return `${random.pick(OPENINGS)} ${random.pick(PURPOSES)}, ${random.pick(MEANS)}.`;
}

const NOTES = [
  'Comité technique réuni : calendrier confirmé, premières inscriptions des familles.',
  'Retard de livraison des travaux, ouverture décalée de deux mois.',
  'Bilan d’étape présenté en comité de pilotage : objectifs atteints pour les crèches.',
  'Rencontre avec les associations de quartier pour organiser les permanences.',
  'Nouveau gestionnaire désigné après l’appel à projets.',
];
export const noteBody = (random: Random): string => random.pick(NOTES);

export const FIRST_NAMES = ['Camille', 'Dominique', 'Claude', 'Sacha', 'Morgane', 'Julien', 'Nadia', 'Karim', 'Sophie', 'Hélène', 'Thomas', 'Aïcha', 'Léa', 'Mathieu', 'Inès', 'Yves', 'Chloé', 'Bernard', 'Élodie', 'Farid'];
export const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Garnier', 'Rousseau', 'Benali', 'Nguyen', 'Fontaine', 'Chevalier', 'Mercier', 'Lambert', 'Bonnet', 'Faure', 'Girard', 'Roux', 'Perrin', 'Diallo', 'Lemaire'];
