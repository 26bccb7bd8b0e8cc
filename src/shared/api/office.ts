import { z } from 'zod';
import { INDICATOR_KINDS, INDICATOR_STATES } from '../plan.js';

/** One problem in an imported workbook: where it is (sheet, row, column) and what is wrong, in French. */
export const planImportIssueSchema = z.object({
  sheet: z.string(),
  row: z.int().nullable().describe('Numéro de ligne dans la feuille (1 = en-tête)'),
  column: z.string().nullable().describe('Lettre et en-tête de la colonne, par exemple « N (Date de début) »'),
  message: z.string(),
});
export type PlanImportIssue = z.infer<typeof planImportIssueSchema>;

export const PLAN_IMPORT_OPERATIONS = ['create', 'update', 'unchanged'] as const;

export const planImportReportSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean().describe('Vrai quand les changements ont été enregistrés'),
  summary: z.object({
    actionsCreated: z.int(),
    actionsUpdated: z.int(),
    actionsUnchanged: z.int(),
    axesCreated: z.int(),
    budgetLines: z.int(),
  }),
  actions: z.array(
    z.object({
      row: z.int(),
      ref: z.string(),
      title: z.string(),
      operation: z.enum(PLAN_IMPORT_OPERATIONS),
      actionId: z.int().nullable().describe('L’action mise à jour, ou créée quand l’import est appliqué'),
    }),
  ),
  axesCreated: z.array(z.string()),
  errors: z.array(planImportIssueSchema),
});
export type PlanImportReport = z.infer<typeof planImportReportSchema>;

export const planImportQuery = z.object({
  dryRun: z.enum(['true', 'false', '1', '0']).optional().describe('true : contrôler et décrire l’import sans rien enregistrer'),
});

/** Filters of the exported action list: the same as the action list's. */
export const actionsExportQuery = z.object({
  convention: z.coerce.number().int().positive().optional(),
  theme: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Code de champ invalide').optional(),
  status: z.enum(['a_venir', 'en_cours', 'realisee', 'en_pause', 'en_retard', 'abandonnee']).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ActionsExportQuery = z.infer<typeof actionsExportQuery>;

/** Filters of the exported indicator list (indicators of the conventions the caller may see). */
export const indicatorsExportQuery = z.object({
  convention: z.coerce.number().int().positive().optional(),
  caf: z.coerce.number().int().positive().optional().describe('Conventions de cette Caf'),
  state: z.enum(INDICATOR_STATES).optional().describe('État calculé aujourd’hui'),
  kind: z.enum(INDICATOR_KINDS).optional(),
  q: z.string().trim().max(200).optional().describe('Mots du titre de l’indicateur'),
});
export type IndicatorsExportQuery = z.infer<typeof indicatorsExportQuery>;

export const openDataQuery = z.object({
  convention: z.coerce.number().int().positive().optional().describe('Ne garder qu’une convention'),
});

/** The secret calendar address of the signed-in person (the address itself is shown only when created). */
export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable().describe('Dernière lecture par une application de calendrier'),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
export const calendarFeedCreatedSchema = z.object({
  url: z.string().describe('Adresse secrète à copier dans une application de calendrier ; elle n’est plus affichée ensuite'),
  createdAt: z.string(),
});
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;
