import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ReviewOutput, ReviewValues } from './values.js';

const ORGANISATION_LABELS: Record<string, string> = {
  caf: 'pour la Caf', commune: 'pour la commune', epci: 'pour l’intercommunalité', departement: 'pour le département', msa: 'pour la MSA', etat: 'pour l’État',
};

/** The people who signed; each becomes a person (or is matched by name) when the import is confirmed. */
export function SignatoriesFields({ form }: { form: UseFormReturn<ReviewValues, unknown, ReviewOutput> }) {
  const { control, register, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'signatories' });
  const errors = formState.errors.signatories;
  return (
    <fieldset className="fr-fieldset" aria-labelledby="signataires-legende">
      <legend id="signataires-legende" className="fr-fieldset__legend">
        Signataires
        <span className="fr-hint-text">Une personne déjà connue sous le même nom est reprise ; sinon elle est créée.</span>
      </legend>
      {fields.length === 0 && <p className="fr-fieldset__element fr-text--sm">Aucun signataire reconnu.</p>}
      {fields.map((field, index) => (
        <div key={field.id} className="fr-fieldset__element">
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label={`Prénom (signataire ${index + 1})`}
                state={errors?.[index]?.firstName ? 'error' : 'default'}
                stateRelatedMessage={errors?.[index]?.firstName?.message}
                nativeInputProps={{ ...register(`signatories.${index}.firstName`), autoComplete: 'off' }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label={`Nom (signataire ${index + 1})`}
                state={errors?.[index]?.lastName ? 'error' : 'default'}
                stateRelatedMessage={errors?.[index]?.lastName?.message}
                nativeInputProps={{ ...register(`signatories.${index}.lastName`), autoComplete: 'off' }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input
                label={`Qualité (signataire ${index + 1})`}
                hintText={field.organisation ? ORGANISATION_LABELS[field.organisation] : 'Non écrite dans le texte : à compléter'}
                state={errors?.[index]?.capacity ? 'error' : 'default'}
                stateRelatedMessage={errors?.[index]?.capacity?.message}
                nativeInputProps={{ ...register(`signatories.${index}.capacity`), autoComplete: 'off' }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-2">
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => remove(index)}>
                Retirer<span className="fr-sr-only"> le signataire {index + 1}</span>
              </Button>
            </div>
          </div>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => append({ firstName: '', lastName: '', capacity: '', organisation: null })}>
          Ajouter un signataire
        </Button>
      </div>
    </fieldset>
  );
}
