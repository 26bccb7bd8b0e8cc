import { useRef, useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { formatLongDate } from '../../../shared/format.js';
import { formatDecimal } from '../../../shared/plan-format.js';
import { useDocumentChanges, useDocuments } from '../../api/follow-up.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${formatDecimal(bytes / 1024)} Ko` : `${formatDecimal(bytes / 1024 / 1024)} Mo`);

export function DocumentsSection({ actionId }: { actionId: number }) {
  const documents = useDocuments(actionId);
  const { add, remove } = useDocumentChanges(actionId);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    const file = input.current?.files?.[0];
    if (!file) return setError('Choisissez un fichier.');
    setError(null);
    try {
      await add.mutateAsync(file);
      if (input.current) input.current.value = '';
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Envoi impossible.');
    }
  };
  return (
    <section aria-labelledby="documents" className="fr-mb-6w">
      <h2 id="documents">Documents joints</h2>
      {documents.isPending && <Loading label="Chargement des documents…" />}
      {documents.isError && <ErrorAlert error={documents.error} />}
      {documents.data?.length === 0 && <p>Aucun document joint.</p>}
      {documents.data && documents.data.length > 0 && (
        <ul>
          {documents.data.map((d) => (
            <li key={d.id} className="fr-mb-1w">
              <a className="fr-link fr-link--download" href={`/api/v1/documents/${d.id}/content`} download={d.filename}>
                {d.filename} <span className="fr-link__detail">{sizeText(d.size)} · ajouté le {formatLongDate(d.uploadedAt.slice(0, 10))}</span>
              </a>{' '}
              <Button size="small" priority="tertiary" onClick={() => remove.mutate(d.id)}>
                Retirer<span className="fr-sr-only"> {d.filename}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Upload
        label="Joindre un document"
        hint="5 Mo au plus. Formats acceptés : PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG, CSV, TXT."
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error ?? undefined}
        nativeInputProps={{ ref: input, accept: '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.png,.jpg,.jpeg,.csv,.txt' }}
      />
      <Button className="fr-mt-1w" size="small" onClick={() => void send()} disabled={add.isPending}>
        Envoyer le document
      </Button>
    </section>
  );
}
