import { z } from 'zod';
import { ACTION_STATUSES } from '../enums.js';

/** Why an action piloted by the caller is listed: through their account, their organisation or the pilot's name. */
export const PILOT_MATCHES = ['compte', 'organisation', 'nom'] as const;

export const myActionSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  conventionTitle: z.string(),
  title: z.string(),
  status: z.enum(ACTION_STATUSES),
  progress: z.int(),
  endDate: z.string().nullable(),
  pilotedAs: z.enum(PILOT_MATCHES).describe('compte : le pilote est votre compte ; organisation : une de vos organisations ; nom : le pilote porte votre nom'),
  lastNoteDate: z.string().nullable(),
  due: z.object({
    late: z.boolean().describe('Statut « en retard »'),
    endDatePassed: z.boolean().describe('Date de fin dépassée sans que l’action soit réalisée ou abandonnée'),
    noRecentNote: z.boolean().describe('Aucune note de suivi depuis 12 mois'),
    indicatorsWithoutValue: z.array(z.object({ id: z.int(), title: z.string() })).describe('Indicateurs sans valeur pour l’année en cours'),
  }),
});
export type MyAction = z.infer<typeof myActionSchema>;

export const myReviewSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  conventionTitle: z.string(),
  kind: z.string(),
  year: z.int(),
  snapshotDate: z.string(),
});
export type MyReview = z.infer<typeof myReviewSchema>;

export const myFollowUpSchema = z.object({
  today: z.string(),
  year: z.int(),
  actions: z.array(myActionSchema).describe('Actions que vous pilotez, dans vos conventions'),
  reviews: z.array(myReviewSchema).describe('Bilans en brouillon à valider, dans les conventions dont vous pouvez modifier le plan'),
});
export type MyFollowUp = z.infer<typeof myFollowUpSchema>;

export const pilotCandidatesSchema = z.object({
  users: z.array(z.object({ id: z.int(), displayName: z.string(), organisationName: z.string() })),
  organisations: z.array(z.object({ id: z.int(), name: z.string() })),
});
export type PilotCandidates = z.infer<typeof pilotCandidatesSchema>;
