import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import type { PlanImportReport } from '../../../shared/api/index.js';
import { planTemplateUrl, usePlanImport } from '../../api/office.js';
import { ImportReport } from './ImportReport.js';

/** Check a workbook (dry run), read the report, then import it all or nothing. */
export function PlanImportSection({ conventionId }: { conventionId: number }) {
  const mutation = usePlanImport(conventionId);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<PlanImportReport | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    const result = await mutation.mutateAsync({ file, dryRun }).catch(() => null);
    if (result) setReport(result);
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    void run(true);
  };
  const canApply = report && report.dryRun && !report.applied && report.errors.length === 0;

  return (
    <section aria-labelledby="importer-plan" className="fr-mb-6w">
      <h2 id="importer-plan">Importer un plan d’actions</h2>
      <p>
        Remplissez le <a href={planTemplateUrl} download>modèle de classeur</a> ou reprenez l’export ci-dessus. Le fichier est d’abord contrôlé
        ligne par ligne sans rien enregistrer ; l’import n’a lieu que s’il ne contient aucune erreur, et tout ou rien. Réimporter le même
        fichier ne change rien : chaque action garde sa référence.
      </p>
      <form onSubmit={check}>
        <Upload
          label="Classeur du plan d’actions"
          hint="Format .xlsx, 5 Mo au plus."
          nativeInputProps={{
            accept: '.xlsx',
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              mutation.reset();
            },
          }}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <Button type="submit" priority="secondary" disabled={!file || mutation.isPending}>
              {mutation.isPending ? 'Contrôle en cours…' : 'Contrôler le fichier'}
            </Button>
          </li>
          <li>
            <Button type="button" disabled={!canApply || mutation.isPending} onClick={() => void run(false)}>
              Importer
            </Button>
          </li>
        </ul>
      </form>
      {mutation.isError && <Alert className="fr-mt-3w" severity="error" as="h3" title="Import impossible" description={mutation.error.message} />}
      {report?.applied && <Alert className="fr-mt-3w" severity="success" as="h3" title="Le plan d’actions a été importé" description="Les actions apparaissent sur la page de la convention." />}
      {report && <ImportReport report={report} />}
    </section>
  );
}
