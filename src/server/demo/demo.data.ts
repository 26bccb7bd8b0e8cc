/**
 * The founding facts: three CTG signed in March 2023 by the Caf des Hauts-de-Seine with Bois-Colombes,
 * Issy-les-Moulineaux and Boulogne-Billancourt. Facts only; every sentence here is the product's own wording.
 */
export interface DemoAction {
  title: string;
  description?: string;
  themes: string[];
  targetPublic?: string;
  scope?: string;
  places?: string[];
  labels?: string[];
}

export interface DemoConvention {
  communeCode: string;
  mayor: { firstName: string; lastName: string };
  mayorCapacity: string;
  signature: { date: string; place: string; cafSignatories: ('president' | 'vicePresident' | 'director')[] };
  declaredThemes: string[];
  actions: DemoAction[];
}

export const DEMO_CAF = { name: 'Caf des Hauts-de-Seine', departement: '92' };
export const DEMO_PERIOD = { startYear: 2023, endYear: 2027 };

export const DEMO_CAF_PEOPLE = {
  president: { firstName: 'Fabrice', lastName: 'Dorin', capacity: 'président du conseil d’administration' },
  vicePresident: { firstName: 'Hugo', lastName: 'Dapino', capacity: '1er vice-président du conseil d’administration' },
  director: { firstName: 'Emmanuel', lastName: 'Gouault', capacity: 'directeur' },
} as const;

export const DEMO_GPSO = { code: '200057974', name: 'Grand Paris Seine Ouest' };

export const DEMO_CONVENTIONS: DemoConvention[] = [
  {
    communeCode: '92009',
    mayor: { firstName: 'Yves', lastName: 'Révillon' },
    mayorCapacity: 'maire',
    signature: { date: '2023-03-08', place: 'Hôtel de ville de Bois-Colombes', cafSignatories: ['president', 'director'] },
    declaredThemes: ['petite_enfance', 'jeunesse', 'acces_aux_droits', 'handicap'],
    actions: [
      {
        title: 'Développer et maintenir l’offre d’accueil du jeune enfant',
        description: 'Un plan pluriannuel pour créer des places d’accueil et préserver celles qui existent.',
        themes: ['petite_enfance'],
        targetPublic: 'Familles avec de jeunes enfants',
      },
      {
        title: 'Coordonner les actions handicap et former les équipes à l’accueil des enfants et des jeunes en situation de handicap',
        description: 'Formation des professionnels de la petite enfance, de l’enfance et de la jeunesse aux besoins particuliers de ces publics.',
        themes: ['handicap', 'petite_enfance', 'enfance', 'jeunesse'],
        targetPublic: 'Professionnels de l’accueil ; enfants et jeunes en situation de handicap',
      },
      {
        title: 'Multiplier les temps collectifs d’information avec les partenaires du territoire',
        themes: ['acces_aux_droits'],
      },
      {
        title: 'Ouvrir un guichet unique de proximité dans les accueils de la ville',
        description: 'Une première réponse et une orientation vers le bon interlocuteur, construites avec les partenaires.',
        themes: ['acces_aux_droits'],
        targetPublic: 'Tous les habitants',
      },
      {
        title: 'Intégrer un parcours « accès aux droits » au parcours citoyen des jeunes',
        description: 'Pour que les jeunes connaissent mieux leurs droits.',
        themes: ['acces_aux_droits', 'jeunesse'],
        targetPublic: 'Jeunes',
      },
    ],
  },
  {
    communeCode: '92040',
    mayor: { firstName: 'André', lastName: 'Santini' },
    mayorCapacity: 'maire',
    signature: { date: '2023-03-15', place: 'Hôtel de ville d’Issy-les-Moulineaux', cafSignatories: ['vicePresident', 'director'] },
    declaredThemes: ['petite_enfance', 'jeunesse', 'acces_aux_droits', 'parentalite', 'handicap'],
    actions: [
      {
        title: 'Rendre les métiers de la petite enfance plus attractifs et améliorer la qualité de l’accueil collectif et individuel',
        themes: ['petite_enfance'],
      },
      {
        title: 'Mieux accueillir et accompagner dans les structures de droit commun les enfants, jeunes et parents concernés par le handicap',
        themes: ['handicap', 'enfance', 'jeunesse', 'parentalite'],
        targetPublic: 'Enfants, jeunes et parents en situation de handicap ou concernés par le handicap',
      },
      {
        title: 'Consolider l’autonomie et l’engagement citoyen des jeunes',
        themes: ['jeunesse'],
        targetPublic: 'Jeunes',
      },
      {
        title: 'Pérenniser et développer le soutien à la parentalité autour de l’Espace Andrée Chedid',
        description: 'Faire reconnaître l’Espace Andrée Chedid comme lieu ressource parentalité labellisé « 1 000 premiers jours ».',
        themes: ['parentalite', 'petite_enfance'],
        targetPublic: 'Parents',
        places: ['Espace Andrée Chedid'],
        labels: ['1 000 premiers jours'],
      },
      {
        title: 'Créer des structures de proximité, dont un centre socioculturel au quartier des Épinettes',
        themes: ['animation_vie_sociale'],
        scope: 'quartier des Épinettes',
        places: ['Centre socioculturel du quartier des Épinettes'],
      },
      {
        title: 'Organiser des temps collectifs avec les partenaires sur l’accompagnement des publics et l’accès aux droits',
        themes: ['acces_aux_droits', 'accompagnement_social'],
      },
      {
        title: 'Prévenir, repérer et accompagner les situations de logement non décent',
        themes: ['logement'],
        targetPublic: 'Locataires en logement non décent',
      },
    ],
  },
  {
    communeCode: '92012',
    mayor: { firstName: 'Pierre-Christophe', lastName: 'Baguet' },
    mayorCapacity: 'maire, président de Grand Paris Seine Ouest',
    signature: { date: '2023-03-20', place: 'Mairie de Boulogne-Billancourt', cafSignatories: ['president', 'director'] },
    declaredThemes: ['petite_enfance', 'jeunesse', 'acces_aux_droits', 'handicap', 'inclusion_numerique'],
    actions: [
      {
        title: 'Améliorer la qualité de l’accueil du jeune enfant : modernisation de structures et attractivité des métiers',
        themes: ['petite_enfance'],
      },
      {
        title: 'Inclure les enfants en situation de handicap dans les équipements de la ville, avec un poste de coordination dédié',
        description: 'Soutien aux actions qui aident les professionnels encadrants et les familles.',
        themes: ['handicap', 'enfance'],
        targetPublic: 'Enfants en situation de handicap, leurs familles et les professionnels',
      },
      {
        title: 'Renforcer l’accès aux droits et l’inclusion numérique par des parcours attentionnés',
        themes: ['acces_aux_droits', 'inclusion_numerique'],
        targetPublic: 'Victimes de violences conjugales ; personnes en rupture de droits',
      },
      {
        title: 'Soutenir et valoriser les projets lancés par les jeunes',
        description: 'Encourager leurs initiatives, leur sens des responsabilités, leur curiosité et leurs talents.',
        themes: ['jeunesse'],
        targetPublic: 'Jeunes',
      },
    ],
  },
];
