import '../../zod.js';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { z } from 'zod';
import type { CoverageTarget } from '../../../shared/api/index.js';
import { formatPercent } from '../../../shared/format.js';
import { useSaveCoverageTarget } from '../../api/coverage-targets.js';
import { ApiError } from '../../api/http.js';

const formSchema = z.object({
  year: z.coerce.number<string>().int('Saisissez une année.').min(1990).max(2100),
  percent: z.coerce
    .number<string>()
    .min(0, 'Le taux est compris entre 0 et 100 %.')
    .max(100, 'Le taux est compris entre 0 et 100 %.')
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'Deux décimales au plus.'),
});
type Values = z.input<typeof formSchema>;
type Output = z.output<typeof formSchema>;

/** Sets the Caf's target for one year (creates it, or changes the existing one with its version). */
export function TargetForm({ cafId, targets, editing }: { cafId: number; targets: CoverageTarget[]; editing?: CoverageTarget }) {
  const save = useSaveCoverageTarget(cafId);
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(formSchema), defaultValues: { year: String(new Date().getFullYear() + 1), percent: '' } });
  const { register, handleSubmit, formState, reset, setError } = form;
  useEffect(() => {
    if (editing) reset({ year: String(editing.year), percent: String(Math.round(editing.rate * 10000) / 100) });
  }, [editing, reset]);

  const submit = handleSubmit(async ({ year, percent }) => {
    save.reset();
    try {
      await save.mutateAsync({ year, rate: Math.round(percent * 100) / 10000, existing: targets.find((t) => t.year === year) });
    } catch (error) {
      if (error instanceof ApiError && error.fields.some((f) => f.path === 'year')) setError('year', { type: 'server', message: error.message });
      if (error instanceof ApiError && error.fields.some((f) => f.path === 'rate')) setError('percent', { type: 'server', message: error.message });
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="fixer-cible" className="ctg-no-print">
      <h2 id="fixer-cible">Fixer une cible</h2>
      <p>Une cible existante pour l’année choisie est remplacée ; deux personnes qui la modifient en même temps sont averties.</p>
      {save.isSuccess && (
        <Alert className="fr-mb-3w" severity="success" as="h3" title="Cible enregistrée" description={`${save.data.year} : ${formatPercent(save.data.rate)} de la population couverte.`} />
      )}
      {save.isError && (
        <Alert
          className="fr-mb-3w"
          severity="error"
          as="h3"
          title={save.error instanceof ApiError && save.error.isConflict ? 'Cible modifiée entre-temps' : 'Enregistrement impossible'}
          description={save.error.message}
        />
      )}
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-sm-4">
          <Input
            label="Année"
            state={formState.errors.year ? 'error' : 'default'}
            stateRelatedMessage={formState.errors.year?.message}
            nativeInputProps={{ ...register('year'), type: 'number', inputMode: 'numeric', min: 1990, max: 2100 }}
          />
        </div>
        <div className="fr-col-12 fr-col-sm-4">
          <Input
            label="Part de la population couverte (%)"
            hintText="Entre 0 et 100, deux décimales au plus"
            state={formState.errors.percent ? 'error' : 'default'}
            stateRelatedMessage={formState.errors.percent?.message}
            nativeInputProps={{ ...register('percent'), type: 'number', inputMode: 'decimal', min: 0, max: 100, step: 0.01 }}
          />
        </div>
        <div className="fr-col-12 fr-col-sm-4 fr-mb-3w">
          <Button type="submit" disabled={save.isPending}>
            Enregistrer la cible
          </Button>
        </div>
      </div>
    </form>
  );
}
