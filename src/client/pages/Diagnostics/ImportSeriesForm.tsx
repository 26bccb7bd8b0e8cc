import '../../zod.js';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { z } from 'zod';
import { dataImportInput, type DataImportInput } from '../../../shared/api/index.js';
import { formatInteger } from '../../../shared/format.js';
import { useImportDataSeries } from '../../api/diagnostics.js';
import { ApiError } from '../../api/http.js';
import { ImportErrorReport } from './ImportErrorReport.js';

/** The series fields of the API's own schema, plus the layout; the file is read aside. */
const formSchema = z.object({ ...dataImportInput.shape.series.shape, layout: dataImportInput.shape.layout });
type FormValues = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const SERIES_FIELDS = ['code', 'label', 'unit', 'source'] as const;

const LAYOUT_HINTS: Record<DataImportInput['layout'], string> = {
  cafdata: 'Colonnes : code géo ; millésime géographique ; date de référence ; valeur (effectifs arrondis à 5).',
  generique: 'Colonnes : territoire ; date ; valeur (code INSEE, « FR » pour la France ; date AAAA, AAAA-MM-JJ ou JJ/MM/AAAA).',
};

/** Import of one territorial series from a CSV file: all or nothing, with the server's line-by-line report. */
export function ImportSeriesForm({ onImported }: { onImported: (code: string) => void }) {
  const importSeries = useImportDataSeries();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<FormValues, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { code: '', label: '', unit: '', source: '', layout: 'cafdata' },
  });
  const { register, handleSubmit, formState, setError, watch } = form;
  const errors = formState.errors;
  const layout = watch('layout');

  const submit = handleSubmit(async ({ layout: chosen, ...series }) => {
    importSeries.reset();
    if (!file) return setFileError('Choisissez un fichier CSV.');
    try {
      const result = await importSeries.mutateAsync({ series: { ...series, source: series.source || null }, layout: chosen, csv: file.text });
      onImported(result.series.code);
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      for (const field of error.fields) {
        const name = SERIES_FIELDS.find((f) => field.path === `series.${f}`);
        if (name) setError(name, { type: 'server', message: field.message });
      }
    }
  });

  const error = importSeries.error;
  const lineErrors = error instanceof ApiError ? error.fields.filter((f) => f.path.startsWith('csv.')) : [];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="importer">
      <h2 id="importer">Importer une série</h2>
      <p>
        Le fichier est vérifié ligne par ligne avant tout chargement : s’il contient une seule erreur, rien n’est importé et chaque ligne en
        cause est signalée. Une série existante (même code) est complétée ; une valeur déjà connue pour un territoire et une date est remplacée.
      </p>
      {importSeries.isSuccess && (
        <Alert
          className="fr-mb-3w"
          severity="success"
          as="h3"
          title="Série importée"
          description={`${formatInteger(importSeries.data.imported)} valeur(s) chargée(s) dans « ${importSeries.data.series.label} » (${formatInteger(importSeries.data.series.valueCount)} au total).`}
        />
      )}
      {error && lineErrors.length > 0 && <ImportErrorReport message={error.message} lines={lineErrors} />}
      {error && lineErrors.length === 0 && <Alert className="fr-mb-3w" severity="error" as="h3" title="Import impossible" description={error.message} />}
      <RadioButtons
        legend="Format du fichier"
        orientation="horizontal"
        hintText={LAYOUT_HINTS[layout]}
        options={[
          { label: 'Cafdata (données ouvertes des Caf)', nativeInputProps: { ...register('layout'), value: 'cafdata' } },
          { label: 'Générique', nativeInputProps: { ...register('layout'), value: 'generique' } },
        ]}
      />
      <div className="fr-upload-group fr-mb-3w">
        <label className="fr-label" htmlFor="fichier-serie">
          Fichier CSV
          <span className="fr-hint-text">Séparateur « ; », « , » ou tabulation ; encodage UTF-8. La première ligne porte les noms des colonnes.</span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="fichier-serie"
          accept=".csv,text/csv,text/plain"
          aria-describedby={fileError ? 'fichier-serie-erreur' : undefined}
          onChange={async (event) => {
            const chosen = event.target.files?.[0];
            setFileError(null);
            setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
          }}
        />
        {fileError && (
          <p id="fichier-serie-erreur" className="fr-error-text">
            {fileError}
          </p>
        )}
      </div>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Code de la série"
            hintText="Minuscules, chiffres et « _ » (ex. places_accueil_jeune_enfant)"
            state={errors.code ? 'error' : 'default'}
            stateRelatedMessage={errors.code?.message}
            nativeInputProps={register('code')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Libellé" state={errors.label ? 'error' : 'default'} stateRelatedMessage={errors.label?.message} nativeInputProps={register('label')} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Unité"
            hintText="ex. places, enfants, foyers"
            state={errors.unit ? 'error' : 'default'}
            stateRelatedMessage={errors.unit?.message}
            nativeInputProps={register('unit')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Source (facultatif)"
            state={errors.source ? 'error' : 'default'}
            stateRelatedMessage={errors.source?.message}
            nativeInputProps={register('source')}
          />
        </div>
      </div>
      <Button className="fr-mt-2w" type="submit" iconId="fr-icon-upload-line" iconPosition="left" disabled={importSeries.isPending}>
        {importSeries.isPending ? 'Import en cours…' : 'Importer'}
      </Button>
    </form>
  );
}
