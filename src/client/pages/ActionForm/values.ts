import { z } from '../../zod.js';
import { actionCreateInput, type Action, type ActionCreateInput } from '../../../shared/api/index.js';

/** "a, b ,, c" → ["a", "b", "c"] */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** A comma-separated text field validated by the shared schema's list rule. */
const listText = (list: z.ZodOptional<z.ZodArray<z.ZodString>>) => z.string().transform(splitList).pipe(list.unwrap());

/** The shared create schema, with partners, places and labels typed as comma-separated text. */
export const actionFormSchema = actionCreateInput.extend({
  partners: listText(actionCreateInput.shape.partners),
  places: listText(actionCreateInput.shape.places),
  labels: listText(actionCreateInput.shape.labels),
});

export type ActionFormValues = z.input<typeof actionFormSchema>;
export type ActionFormOutput = z.output<typeof actionFormSchema>;

export function emptyActionValues(): ActionFormValues {
  return {
    title: '',
    description: '',
    themes: [],
    pilot: '',
    partners: '',
    targetPublic: '',
    scope: '',
    places: '',
    labels: '',
    status: 'a_venir',
    highlighted: false,
  };
}

export function actionToFormValues(action: Action): ActionFormValues {
  return {
    title: action.title,
    description: action.description ?? '',
    themes: action.themes,
    pilot: action.pilot ?? '',
    partners: action.partners.join(', '),
    targetPublic: action.targetPublic ?? '',
    scope: action.scope ?? '',
    places: action.places.join(', '),
    labels: action.labels.join(', '),
    status: action.status,
    highlighted: action.highlighted,
  };
}

const blankToNull = (text: string | null | undefined) => (text && text.trim() ? text.trim() : null);

export function toActionInput(values: ActionFormOutput): ActionCreateInput {
  return {
    ...values,
    description: blankToNull(values.description),
    pilot: blankToNull(values.pilot),
    targetPublic: blankToNull(values.targetPublic),
    scope: blankToNull(values.scope),
  };
}
