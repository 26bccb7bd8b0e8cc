import '../../zod.js';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ExtractedConvention, Organisation, Territory } from '../../../shared/api/index.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { ThemeCheckboxes } from '../../components/form/ThemeCheckboxes.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { TerritoryCombobox } from '../../components/TerritoryCombobox.js';
import { TerritoryList } from '../../components/TerritoryList.js';
import { SignatoriesFields } from './SignatoriesFields.js';
import { ActionsFields } from './ActionsFields.js';
import { draftToValues, matchCaf, reviewSchema, territoriesOf, type ReviewOutput, type ReviewValues } from './values.js';

const FIELDS = ['convention.title', 'convention.cafId', 'convention.startYear', 'convention.endYear', 'convention.territoryCodes', 'convention.themes', 'signatureDate', 'place', 'signatories', 'actions'] as const;

type Props = {
  draft: ExtractedConvention;
  cafs: Organisation[];
  onConfirm: (values: ReviewOutput) => Promise<void>;
  onCancel: () => void;
};

/** The prefilled draft: every field can be corrected; nothing is saved before « Créer la convention ». */
export function ReviewForm({ draft, cafs, onConfirm, onCancel }: Props) {
  const form = useForm<ReviewValues, unknown, ReviewOutput>({ resolver: zodResolver(reviewSchema), defaultValues: draftToValues(draft, cafs) });
  const { register, control, handleSubmit, formState, setError } = form;
  const errors = formState.errors;
  const [territories, setTerritories] = useState<Territory[]>(territoriesOf(draft));
  const territoryInput = useRef<HTMLInputElement | null>(null);
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);
  const cafFound = matchCaf(draft, cafs);

  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await onConfirm(values);
    } catch (error) {
      handleServerError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="brouillon-titre">
      <h2 id="brouillon-titre" className="fr-h4">
        Brouillon de convention
      </h2>
      {serverError && <ServerErrorAlert state={serverError} />}
      {draft.planned && (
        <Alert className="fr-mb-2w" severity="info" small as="h3" description="Le texte annonce une signature à venir (verbe au futur) : la convention n’est pas marquée comme signée." />
      )}
      <Input
        label="Titre"
        state={errors.convention?.title ? 'error' : 'default'}
        stateRelatedMessage={errors.convention?.title?.message}
        nativeInputProps={{ ...register('convention.title'), autoComplete: 'off' }}
      />
      <Select
        label="Caf"
        hint={draft.caf && !cafFound ? `Le texte cite « ${draft.caf} », qui n’est pas encore enregistrée : choisissez la Caf signataire.` : draft.cafInferred && draft.caf ? `Déduite du département des territoires : ${draft.caf}.` : undefined}
        state={errors.convention?.cafId ? 'error' : 'default'}
        stateRelatedMessage={errors.convention?.cafId?.message}
        nativeSelectProps={register('convention.cafId', { setValueAs: (v: unknown) => (v === '' || v === undefined ? undefined : Number(v)) })}
      >
        <option value="">Choisir une Caf</option>
        {cafs.map((caf) => (
          <option key={caf.id} value={caf.id}>
            {caf.name}
          </option>
        ))}
      </Select>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6">
          <Input
            label="Année de début"
            state={errors.convention?.startYear ? 'error' : 'default'}
            stateRelatedMessage={errors.convention?.startYear?.message}
            nativeInputProps={{ ...register('convention.startYear', { valueAsNumber: true }), type: 'number', inputMode: 'numeric' }}
          />
        </div>
        <div className="fr-col-6">
          <Input
            label="Année de fin"
            state={errors.convention?.endYear ? 'error' : 'default'}
            stateRelatedMessage={errors.convention?.endYear?.message}
            nativeInputProps={{ ...register('convention.endYear', { valueAsNumber: true }), type: 'number', inputMode: 'numeric' }}
          />
        </div>
      </div>
      <fieldset className="fr-fieldset" aria-labelledby="import-perimetre-legende">
        <legend id="import-perimetre-legende" className="fr-fieldset__legend">
          Périmètre
        </legend>
        <div className="fr-fieldset__element">
          <Controller
            control={control}
            name="convention.territoryCodes"
            render={({ field, fieldState }) => (
              <>
                <TerritoryList
                  territories={territories.filter((t) => field.value.includes(t.code))}
                  onRemove={(code) => {
                    field.onChange(field.value.filter((c) => c !== code));
                    territoryInput.current?.focus();
                  }}
                />
                <TerritoryCombobox
                  label="Ajouter une commune ou un EPCI"
                  inputRef={(element) => {
                    field.ref(element);
                    territoryInput.current = element;
                  }}
                  onBlur={field.onBlur}
                  excludeCodes={field.value}
                  errorMessage={fieldState.error?.message}
                  onSelect={(territory) => {
                    setTerritories((list) => [...list, territory]);
                    field.onChange([...field.value, territory.code]);
                  }}
                />
              </>
            )}
          />
        </div>
      </fieldset>
      <ThemeCheckboxes legend="Champs d’intervention (facultatif)" keep={draft.themes} registration={register('convention.themes')} errorMessage={errors.convention?.themes?.message} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-5">
          <Input
            label="Date de la signature (facultatif)"
            hintText={draft.signatureDateInferred ? 'Année déduite : vérifiez-la' : draft.signatureDate?.length === 7 ? `Le texte ne donne que le mois (${draft.signatureDate})` : undefined}
            state={errors.signatureDate ? 'error' : 'default'}
            stateRelatedMessage={errors.signatureDate?.message}
            nativeInputProps={{ ...register('signatureDate'), type: 'date' }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-7">
          <Input label="Lieu de la signature (facultatif)" state={errors.place ? 'error' : 'default'} stateRelatedMessage={errors.place?.message} nativeInputProps={{ ...register('place'), autoComplete: 'off' }} />
        </div>
      </div>
      <Checkbox options={[{ label: 'La signature a eu lieu : passer la convention à « Signée » à cette date', nativeInputProps: register('markSigned') }]} />
      <SignatoriesFields form={form} />
      <ActionsFields form={form} draft={draft} />
      {draft.otherPartyOrganisations.length > 0 && (
        <Checkbox
          legend="Autres parties signataires citées"
          hintText="Cochées, elles deviennent parties à la convention : l’organisation déjà connue sous ce nom, sinon une nouvelle."
          options={draft.otherPartyOrganisations.map((party, index) => ({
            label: party.name,
            nativeInputProps: register(`otherParties.${index}.include`),
          }))}
        />
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <li>
          <Button type="submit" disabled={formState.isSubmitting}>
            Créer la convention
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Revenir au texte
          </Button>
        </li>
      </ul>
    </form>
  );
}
