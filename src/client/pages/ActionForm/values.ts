import { z } from '../../zod.js';
import { actionCreateInput, type Action, type ActionCreateInput } from '../../../shared/api/index.js';
import { parseEurosToCents } from '../../../shared/plan-format.js';

/** "a, b ,, c" → ["a", "b", "c"] */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** A comma-separated text field validated by the shared schema's list rule. */
const listText = (list: z.ZodOptional<z.ZodArray<z.ZodString>>) => z.string().transform(splitList).pipe(list.unwrap());

const euros = (required: boolean) =>
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (text === '') {
        if (required) ctx.addIssue({ code: 'custom', message: 'Ce champ est obligatoire.' });
        return null;
      }
      const cents = parseEurosToCents(text);
      if (cents === null) ctx.addIssue({ code: 'custom', message: 'Saisissez un montant en euros, par exemple 12 500,50.' });
      return cents;
    });

const budgetLineForm = z.object({
  year: z.string().trim().regex(/^\d{4}$/, 'Saisissez une année sur quatre chiffres.').transform(Number),
  funder: z.string().trim().min(2),
  nature: z.enum(['fonctionnement', 'investissement']),
  planned: euros(true),
  actual: euros(false),
});

const facilityForm = z.object({
  kind: actionCreateInput.shape.facilities.unwrap().element.shape.kind,
  name: z.string().trim().min(2),
  capacity: z
    .string()
    .trim()
    .transform((t) => (t === '' ? null : Number(t)))
    .pipe(z.int().min(0).max(100_000).nullable()),
});

/** The shared create schema, with lists as comma-separated text and amounts typed in euros. */
export const actionFormSchema = actionCreateInput.extend({
  partners: listText(actionCreateInput.shape.partners),
  places: listText(actionCreateInput.shape.places),
  labels: listText(actionCreateInput.shape.labels),
  startDate: z.string().transform((t) => t || null),
  endDate: z.string().transform((t) => t || null),
  priority: z.string().transform((t) => (t === '' ? null : (t as 'haute' | 'moyenne' | 'basse'))),
  progress: z.string().trim().regex(/^\d{1,3}$/, 'Saisissez un pourcentage entier entre 0 et 100.').transform(Number).pipe(z.int().min(0).max(100)),
  axisIds: z.array(z.string()).transform((ids) => ids.map(Number)),
  pilotUserId: z.string().transform((t) => (t === '' ? null : Number(t))),
  pilotOrganisationId: z.string().transform((t) => (t === '' ? null : Number(t))),
  budgetLines: z.array(budgetLineForm),
  facilities: z.array(facilityForm),
});

export type ActionFormValues = z.input<typeof actionFormSchema>;
export type ActionFormOutput = z.output<typeof actionFormSchema>;

export function emptyActionValues(): ActionFormValues {
  return {
    title: '',
    description: '',
    objectives: '',
    themes: [],
    pilot: '',
    pilotUserId: '',
    pilotOrganisationId: '',
    partners: '',
    targetPublic: '',
    scope: '',
    places: '',
    labels: '',
    status: 'a_venir',
    statusReason: '',
    priority: '',
    progress: '0',
    startDate: '',
    endDate: '',
    axisIds: [],
    budgetLines: [],
    facilities: [],
    highlighted: false,
  };
}

const centsText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2).replace('.', ',').replace(/,00$/, ''));

export function actionToFormValues(action: Action): ActionFormValues {
  return {
    title: action.title,
    description: action.description ?? '',
    objectives: action.objectives ?? '',
    themes: action.themes,
    pilot: action.pilot ?? '',
    pilotUserId: action.pilotUserId === null ? '' : String(action.pilotUserId),
    pilotOrganisationId: action.pilotOrganisationId === null ? '' : String(action.pilotOrganisationId),
    partners: action.partners.join(', '),
    targetPublic: action.targetPublic ?? '',
    scope: action.scope ?? '',
    places: action.places.join(', '),
    labels: action.labels.join(', '),
    status: action.status,
    statusReason: action.statusReason ?? '',
    priority: action.priority ?? '',
    progress: String(action.progress),
    startDate: action.startDate ?? '',
    endDate: action.endDate ?? '',
    axisIds: action.axisIds.map(String),
    budgetLines: action.budgetLines.map((l) => ({ year: String(l.year), funder: l.funder, nature: l.nature, planned: centsText(l.plannedCents), actual: centsText(l.actualCents) })),
    facilities: action.facilities.map((f) => ({ kind: f.kind, name: f.name, capacity: f.capacity === null ? '' : String(f.capacity) })),
    highlighted: action.highlighted,
  };
}

const blankToNull = (text: string | null | undefined) => (text && text.trim() ? text.trim() : null);

export function toActionInput(values: ActionFormOutput): ActionCreateInput {
  return {
    ...values,
    description: blankToNull(values.description),
    objectives: blankToNull(values.objectives),
    pilot: blankToNull(values.pilot),
    targetPublic: blankToNull(values.targetPublic),
    scope: blankToNull(values.scope),
    statusReason: blankToNull(values.statusReason),
    budgetLines: values.budgetLines.map((l) => ({ year: l.year, funder: l.funder, nature: l.nature, plannedCents: l.planned ?? 0, actualCents: l.actual })),
  };
}
