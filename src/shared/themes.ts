/** The reference list of champs d'intervention. Codes are stable; a Caf may add its own. */
export const DEFAULT_THEMES = [
  { code: 'petite_enfance', label: 'Petite enfance' },
  { code: 'enfance', label: 'Enfance' },
  { code: 'jeunesse', label: 'Jeunesse' },
  { code: 'parentalite', label: 'Parentalité' },
  { code: 'animation_vie_sociale', label: 'Animation de la vie sociale' },
  { code: 'acces_aux_droits', label: 'Accès aux droits' },
  { code: 'inclusion_numerique', label: 'Inclusion numérique' },
  { code: 'logement', label: 'Logement' },
  { code: 'handicap', label: 'Handicap' },
  { code: 'accompagnement_social', label: 'Accompagnement social' },
  { code: 'sante', label: 'Santé' },
  { code: 'mobilite', label: 'Mobilité' },
] as const;

export type DefaultThemeCode = (typeof DEFAULT_THEMES)[number]['code'];
