import { readFileSync } from 'node:fs';

/**
 * The standard wording of a convention document, block by block. A deployment may replace any block
 * with its own wording: CONVENTION_TEXT_FILE names a JSON file with some of these keys. Placeholders:
 * {debut}, {fin}, {territoires}, {caf}.
 */
export const DEFAULT_TEXT_BLOCKS = {
  preamble: [
    'La convention territoriale globale (CTG) est un accord de partenariat entre la Caf et une ou plusieurs collectivités. Elle rassemble, sur un même territoire, les politiques en faveur des familles et des habitants : petite enfance, enfance, jeunesse, parentalité, animation de la vie sociale, accès aux droits, inclusion numérique et logement.',
    'Elle s’appuie sur un diagnostic partagé des besoins du territoire {territoires} et fixe un plan d’actions que les parties s’engagent à mettre en œuvre et à suivre ensemble.',
  ],
  legalReferences: [
    'Vu le code de la sécurité sociale, notamment ses dispositions relatives à l’action sociale des caisses d’allocations familiales ;',
    'Vu le code général des collectivités territoriales ;',
    'Vu la convention d’objectifs et de gestion en vigueur entre l’État et la Caisse nationale des allocations familiales ;',
    'Vu les délibérations des parties mentionnées ci-dessous.',
  ],
  object: [
    'La présente convention définit le projet social de territoire partagé par les parties pour {territoires}, ses axes prioritaires et le plan d’actions qui les décline, ainsi que les modalités de leur suivi et de leur évaluation.',
  ],
  duration: ['La convention prend effet le 1er janvier {debut} et s’achève le 31 décembre {fin}. Elle ne se renouvelle pas tacitement.'],
  governance: [
    'Un comité de pilotage réunissant les signataires se tient au moins une fois par an. Il suit l’avancement du plan d’actions, arbitre les priorités et valide le bilan annuel.',
    'Un comité technique, animé par les référents des parties, prépare ses travaux et suit les actions au fil de l’année.',
  ],
  evaluation: [
    'Chaque action est suivie par les indicateurs annexés, renseignés au moins une fois par an. Un bilan annuel est présenté au comité de pilotage ; une évaluation finale, menée l’année de l’échéance, prépare le renouvellement.',
  ],
  amendment: ['Toute modification de la convention, notamment du plan d’actions, fait l’objet d’un avenant signé par les parties.'],
  termination: [
    'Chaque partie peut résilier la convention par lettre recommandée avec accusé de réception, moyennant un préavis de trois mois, en cas de manquement d’une autre partie à ses engagements resté sans suite après mise en demeure.',
  ],
} as const;
export type TextBlockKey = keyof typeof DEFAULT_TEXT_BLOCKS;
export type TextBlocks = Record<TextBlockKey, readonly string[]>;

/** The blocks in force: the defaults, with those of CONVENTION_TEXT_FILE in their place when set. */
export function textBlocks(file = process.env.CONVENTION_TEXT_FILE): TextBlocks {
  if (!file) return DEFAULT_TEXT_BLOCKS;
  const custom = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<TextBlockKey, string | string[]>>;
  const blocks: TextBlocks = { ...DEFAULT_TEXT_BLOCKS };
  for (const key of Object.keys(DEFAULT_TEXT_BLOCKS) as TextBlockKey[]) {
    const value = custom[key];
    if (value !== undefined) blocks[key] = Array.isArray(value) ? value : [value];
  }
  return blocks;
}

export const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
