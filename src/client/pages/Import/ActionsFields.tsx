import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ExtractedConvention } from '../../../shared/api/index.js';
import { ThemeCheckboxes } from '../../components/form/ThemeCheckboxes.js';
import { useThemeLabel } from '../../api/reference.js';
import type { ReviewOutput, ReviewValues } from './values.js';

/** The projects found in the text, as actions of the plan, with the words that decided their themes. */
export function ActionsFields({ form, draft }: { form: UseFormReturn<ReviewValues, unknown, ReviewOutput>; draft: ExtractedConvention }) {
  const { control, register, formState } = form;
  const { fields, remove } = useFieldArray({ control, name: 'actions' });
  const themeLabel = useThemeLabel();
  const errors = formState.errors.actions;
  return (
    <fieldset className="fr-fieldset" aria-labelledby="actions-legende">
      <legend id="actions-legende" className="fr-fieldset__legend">
        Actions du plan ({fields.length})
        <span className="fr-hint-text">Les champs d’intervention sont proposés d’après les mots reconnus ; corrigez-les au besoin.</span>
      </legend>
      {fields.length === 0 && <p className="fr-fieldset__element fr-text--sm">Aucun projet reconnu dans le texte.</p>}
      {fields.map((field, index) => {
        const evidence = draft.projects.find((p) => p.title.slice(0, 300) === field.title)?.evidence ?? [];
        return (
          <div key={field.id} className="fr-fieldset__element fr-p-2w fr-mb-2w" style={{ border: '1px solid var(--border-default-grey)' }}>
            <Input
              label={`Action ${index + 1}`}
              textArea
              state={errors?.[index]?.title ? 'error' : 'default'}
              stateRelatedMessage={errors?.[index]?.title?.message}
              nativeTextAreaProps={{ ...register(`actions.${index}.title`), rows: 2 }}
            />
            {evidence.length > 0 && (
              <p className="fr-text--sm fr-mb-1w">
                Mots reconnus :{' '}
                {evidence.map((e) => `${themeLabel(e.theme)} (« ${e.words.join(' », « ')} »)`).join(' ; ')}
              </p>
            )}
            <ThemeCheckboxes
              legend={`Champs d’intervention de l’action ${index + 1}`}
              keep={field.themes}
              registration={register(`actions.${index}.themes`)}
              errorMessage={errors?.[index]?.themes?.message}
            />
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => remove(index)}>
              Retirer l’action {index + 1}
            </Button>
          </div>
        );
      })}
    </fieldset>
  );
}
