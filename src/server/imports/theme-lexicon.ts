/**
 * Words and phrases that point to each champ d'intervention. Entries are stemmed like the text, so
 * « crèches », « crèche » and « creche » all match « crèche ». A phrase may belong to several fields.
 * NEUTRAL phrases are consumed without pointing anywhere (« droit commun » is not « accès aux droits »).
 */
export const THEME_LEXICON: Record<string, string[]> = {
  petite_enfance: [
    'petite enfance', 'jeune enfant', 'jeunes enfants', 'tout-petits', 'crèche', 'micro-crèche', 'multi-accueil', 'halte-garderie',
    'EAJE', 'établissement d’accueil du jeune enfant', 'assistante maternelle', 'assistants maternels', 'maison d’assistants maternels',
    'relais petite enfance', 'RPE', 'relais assistants maternels', 'mode d’accueil', 'modes de garde', 'places d’accueil',
    '1000 premiers jours', '1 000 premiers jours', 'premiers jours', 'nourrisson', 'bébé', 'périnatalité', 'PMI', 'protection maternelle et infantile',
  ],
  enfance: [
    'enfant', 'enfance', 'ALSH', 'accueil de loisirs', 'accueils de loisirs', 'centre de loisirs', 'périscolaire', 'extrascolaire',
    'plan mercredi', 'mercredis', 'écolier', 'élémentaire', 'colonie de vacances', 'vacances apprenantes', 'loisirs éducatifs',
  ],
  jeunesse: [
    'jeune', 'jeunesse', 'adolescent', 'adolescence', 'préadolescent', 'point information jeunesse', 'PIJ', 'BAFA', 'service civique',
    'étudiant', 'promeneurs du net', 'conseil municipal des jeunes', '16-25 ans', '11-17 ans', 'foyer de jeunes travailleurs',
  ],
  parentalite: [
    'parentalité', 'parent', 'parental', 'coparentalité', 'LAEP', 'lieu d’accueil enfants-parents', 'lieux d’accueil enfants parents',
    'REAAP', 'médiation familiale', 'CLAS', 'accompagnement à la scolarité', 'relation parents-enfants', 'relations familiales',
    '1000 premiers jours', '1 000 premiers jours', 'premiers jours', 'vacances familles', 'départ en vacances',
  ],
  animation_vie_sociale: [
    'centre social', 'centres sociaux', 'centre socioculturel', 'socioculturel', 'espace de vie sociale', 'EVS', 'vie sociale',
    'animation de la vie sociale', 'vie associative', 'lien social', 'maison de quartier', 'tiers-lieu', 'bénévolat', 'bénévole',
    'participation des habitants', 'pouvoir d’agir', 'animation locale', 'structures de proximité',
  ],
  acces_aux_droits: [
    'accès aux droits', 'droits', 'droit', 'guichet unique', 'guichet', 'France services', 'maison France services', 'non-recours',
    'rendez-vous des droits', 'prestations', 'démarches administratives', 'premier accueil', 'information', 'informer', 'orientation',
    'point d’accueil', 'permanence', 'permanences',
  ],
  inclusion_numerique: [
    'inclusion numérique', 'numérique', 'conseiller numérique', 'dématérialisation', 'démarches en ligne', 'informatique', 'internet',
    'illectronisme', 'fracture numérique', 'médiation numérique', 'outils numériques', 'ordinateur',
  ],
  logement: [
    'logement', 'habitat', 'non-décence', 'décence', 'indécence', 'indigne', 'insalubre', 'insalubrité', 'expulsion', 'expulsions locatives',
    'impayés de loyer', 'loyer', 'hébergement', 'précarité énergétique', 'bailleur', 'bailleurs', 'locataire', 'relogement',
  ],
  handicap: [
    'handicap', 'handicapé', 'situation de handicap', 'AEEH', 'MDPH', 'besoins particuliers', 'besoins spécifiques', 'autisme',
    'pôle ressources handicap', 'accessibilité', 'accueil inclusif',
  ],
  accompagnement_social: [
    'accompagnement social', 'travail social', 'travailleur social', 'travailleurs sociaux', 'violences conjugales', 'violences intrafamiliales',
    'violence', 'violences', 'précarité', 'pauvreté', 'rupture', 'insertion', 'aide sociale', 'CCAS', 'accompagnement des publics',
    'vulnérable', 'vulnérabilité', 'isolement', 'surendettement', 'deuil', 'séparation', 'monoparental', 'familles monoparentales',
    'parcours attentionné', 'parcours attentionnés', 'accueil social', 'exclusion',
  ],
  sante: [
    'santé', 'soins', 'médical', 'médecin', 'santé mentale', 'nutrition', 'alimentation', 'addiction', 'addictions', 'bien-être',
    'contrat local de santé', 'maison de santé', 'psychologique', 'dépistage', 'vaccination', 'PMI', 'protection maternelle et infantile',
  ],
  mobilite: [
    'mobilité', 'transport', 'transports', 'déplacement', 'déplacements', 'permis de conduire', 'covoiturage', 'vélo', 'navette',
    'transport à la demande', 'bus',
  ],
};

export const NEUTRAL_PHRASES = ['droit commun', 'de droit', 'premier niveau', 'état des lieux', 'petite ville'];
