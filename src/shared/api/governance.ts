import { z } from 'zod';
import { ACTION_STATUSES } from '../enums.js';
import { idSchema, isoDateSchema, optionalText, shortLabel, themeCodeSchema, versionSchema, yearSchema } from './common.js';

export const BODY_KINDS = ['copil', 'comite_technique', 'comite_thematique', 'groupe_travail'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  copil: 'Comité de pilotage (COPIL)',
  comite_technique: 'Comité technique',
  comite_thematique: 'Comité thématique',
  groupe_travail: 'Groupe de travail',
};
export const BODY_KIND_SHORT: Record<BodyKind, string> = { copil: 'COPIL', comite_technique: 'Comité technique', comite_thematique: 'Comité thématique', groupe_travail: 'Groupe de travail' };

export const BODY_FREQUENCIES = ['mensuelle', 'trimestrielle', 'semestrielle', 'annuelle', 'ponctuelle'] as const;
export const BODY_FREQUENCY_LABELS: Record<(typeof BODY_FREQUENCIES)[number], string> = {
  mensuelle: 'Chaque mois',
  trimestrielle: 'Chaque trimestre',
  semestrielle: 'Chaque semestre',
  annuelle: 'Chaque année',
  ponctuelle: 'Selon les besoins',
};
/** Months between two meetings, to tell when the next one is due. */
export const FREQUENCY_MONTHS: Record<(typeof BODY_FREQUENCIES)[number], number | null> = { mensuelle: 1, trimestrielle: 3, semestrielle: 6, annuelle: 12, ponctuelle: null };

export const bodyMemberSchema = z.object({
  name: shortLabel(2, 200).describe('Nom de la personne'),
  organisation: optionalText(200),
  role: optionalText(200).describe('Par exemple : co-président, référent Caf'),
  email: z.email('Adresse e-mail invalide').max(254).nullable().optional().describe('Pour recevoir les invitations et comptes rendus'),
});
export type BodyMember = z.infer<typeof bodyMemberSchema>;

export const bodySchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  frequency: z.enum(BODY_FREQUENCIES),
  members: z.array(bodyMemberSchema.extend({ organisation: z.string().nullable(), role: z.string().nullable(), email: z.string().nullable() })),
  lastMeetingAt: z.string().nullable(),
  nextMeetingAt: z.string().nullable(),
  nextDueBy: z.string().nullable().describe('Date à laquelle la prochaine réunion est attendue selon la fréquence'),
  version: z.int(),
});
export type Body = z.infer<typeof bodySchema>;

export const bodyCreateInput = z.object({
  kind: z.enum(BODY_KINDS),
  name: shortLabel(2, 200),
  frequency: z.enum(BODY_FREQUENCIES),
  members: z.array(bodyMemberSchema).max(100).default([]),
});
export type BodyCreateInput = z.infer<typeof bodyCreateInput>;
export const bodyUpdateInput = bodyCreateInput.partial().extend({ version: versionSchema });
export type BodyUpdateInput = z.infer<typeof bodyUpdateInput>;

export const agendaItemSchema = z.object({
  title: shortLabel(2, 300),
  axisId: idSchema.nullable().optional(),
  actionId: idSchema.nullable().optional(),
  indicatorId: idSchema.nullable().optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const attendeeSchema = z.object({ name: shortLabel(2, 200), organisation: optionalText(200), present: z.boolean() });

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Date et heure attendues (AAAA-MM-JJTHH:MM)');
const visioUrl = z.url({ protocol: /^https?$/, error: 'Lien de visioconférence invalide (http ou https)' }).max(500);

export const DECISION_KINDS = ['action_status', 'action_create', 'indicator_target', 'note'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  action_status: 'Changer le statut d’une action',
  action_create: 'Ajouter une action',
  indicator_target: 'Fixer la cible d’un indicateur',
  note: 'Relevé de décision (sans effet sur le plan)',
};

/** A decision is a proposal until the minutes are validated; then its change is applied to the plan. */
export const decisionInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('action_status'), actionId: idSchema, status: z.enum(ACTION_STATUSES), statusReason: optionalText(1000) }),
  z.object({ kind: z.literal('action_create'), title: shortLabel(3, 300), themes: z.array(themeCodeSchema).min(1, 'Choisissez au moins un champ d’intervention').max(12), axisId: idSchema.nullable().optional(), pilot: optionalText(200) }),
  z.object({ kind: z.literal('indicator_target'), indicatorId: idSchema, targetValue: z.number().finite().min(-1e12).max(1e12), targetDate: isoDateSchema.optional() }),
  z.object({ kind: z.literal('note'), text: shortLabel(3, 2000) }),
]);
export type DecisionInput = z.infer<typeof decisionInput>;

export const decisionSchema = z.object({
  id: z.int(),
  meetingId: z.int(),
  kind: z.enum(DECISION_KINDS),
  summary: z.string().describe('La décision en une phrase'),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['proposee', 'appliquee']),
  resultRef: z.string().nullable(),
  followUp: z.string().nullable(),
  appliedAt: z.string().nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const MEETING_STATUSES = ['planifiee', 'validee'] as const;
export const MEETING_STATUS_LABELS: Record<(typeof MEETING_STATUSES)[number], string> = { planifiee: 'À rédiger ou à valider', validee: 'Validé' };
export const meetingSchema = z.object({
  id: z.int(),
  bodyId: z.int(),
  bodyName: z.string(),
  bodyKind: z.enum(BODY_KINDS),
  conventionId: z.int(),
  conventionTitle: z.string(),
  title: z.string().describe('Par exemple « COPIL du 15 décembre 2026 »'),
  startsAt: z.string(),
  durationMinutes: z.int(),
  place: z.string().nullable(),
  visioUrl: z.string().nullable(),
  agenda: z.array(agendaItemSchema.extend({ axisId: z.int().nullable(), actionId: z.int().nullable(), indicatorId: z.int().nullable(), linkLabel: z.string().nullable() })),
  attendance: z.array(attendeeSchema.extend({ organisation: z.string().nullable() })),
  minutes: z.string().nullable(),
  minutesHtml: z.string().nullable().describe('Compte rendu rendu en HTML assaini'),
  status: z.enum(MEETING_STATUSES),
  invitationsSentAt: z.string().nullable(),
  validatedAt: z.string().nullable(),
  validatedBy: z.string().nullable(),
  decisions: z.array(decisionSchema),
  version: z.int(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingCreateInput = z.object({
  bodyId: idSchema,
  startsAt: localDateTime,
  durationMinutes: z.int().min(15).max(600).default(120),
  place: optionalText(300),
  visioUrl: visioUrl.nullable().optional(),
  agenda: z.array(agendaItemSchema).max(50).default([]),
});
export type MeetingCreateInput = z.infer<typeof meetingCreateInput>;

export const meetingUpdateInput = z.object({
  version: versionSchema,
  startsAt: localDateTime.optional(),
  durationMinutes: z.int().min(15).max(600).optional(),
  place: optionalText(300),
  visioUrl: visioUrl.nullable().optional(),
  agenda: z.array(agendaItemSchema).max(50).optional(),
  attendance: z.array(attendeeSchema).max(200).optional(),
  minutes: z.string().max(100_000).nullable().optional(),
});
export type MeetingUpdateInput = z.infer<typeof meetingUpdateInput>;

export const versionInput = z.object({ version: versionSchema });
export const versionQuery = z.object({ version: z.coerce.number().int().min(1).describe('Version lue ; une version périmée donne 409') });
export const decisionFollowUpInput = z.object({ followUp: z.string().trim().max(2000).nullable() });

export const meetingListItemSchema = meetingSchema.pick({ id: true, bodyId: true, bodyName: true, bodyKind: true, conventionId: true, title: true, startsAt: true, place: true, status: true });
export type MeetingListItem = z.infer<typeof meetingListItemSchema>;

export const governanceOverviewSchema = z.object({
  bodies: z.array(bodySchema),
  meetings: z.array(meetingListItemSchema),
  predecessor: z.object({ id: z.int(), title: z.string() }).nullable(),
  successor: z.object({ id: z.int(), title: z.string() }).nullable(),
  canEdit: z.boolean(),
});
export type GovernanceOverview = z.infer<typeof governanceOverviewSchema>;

/** The pre-read of a meeting, built from the data. */
export const packSchema = z.object({
  meeting: meetingListItemSchema,
  conventionTitle: z.string(),
  period: z.string(),
  generatedAt: z.string(),
  actionsByStatus: z.array(z.object({ status: z.enum(ACTION_STATUSES), label: z.string(), actions: z.array(z.object({ id: z.int(), title: z.string(), pilot: z.string().nullable(), progress: z.int() })) })),
  indicatorsAtRisk: z.array(z.object({
    id: z.int(), title: z.string(), unit: z.string(), explanation: z.string(),
    trajectory: z.array(z.object({ date: z.string(), value: z.number(), expected: z.number().nullable() })),
    targetValue: z.number(), targetDate: z.string(),
  })),
  budget: z.object({ plannedCents: z.int(), actualCents: z.int(), byYear: z.array(z.object({ year: z.int(), plannedCents: z.int(), actualCents: z.int() })) }),
  previousMeeting: z.object({ title: z.string(), decisions: z.array(z.object({ summary: z.string(), status: z.string(), followUp: z.string().nullable(), current: z.string().nullable() })) }).nullable(),
});
export type Pack = z.infer<typeof packSchema>;

export const renewalInput = z.object({
  title: shortLabel(3, 300).optional(),
  startYear: yearSchema.optional(),
  endYear: yearSchema.optional(),
});
export const renewalResultSchema = z.object({ id: z.int(), title: z.string(), carriedActions: z.int(), carriedAxes: z.int(), parties: z.int() });
