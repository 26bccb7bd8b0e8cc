import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { CONVENTION_STATUS_LABELS, type ConventionStatus } from '../../../shared/enums.js';
import { isConventionDetail, storeConvention, useChangeStatus } from '../../api/conventions.js';
import { ApiError } from '../../api/http.js';
import { ConventionStatusBadge } from '../../components/StatusBadge.js';

/** Current status and the moves the server allows, each sent with the version read. */
export function StatusPanel({ convention }: { convention: ConventionDetail }) {
  const client = useQueryClient();
  const change = useChangeStatus(convention.id);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<ConventionStatus | null>(null);

  const move = (status: ConventionStatus) => {
    setDone(null);
    change.mutate(
      { version: convention.version, status, comment: comment.trim() || null },
      {
        onSuccess: () => {
          setComment('');
          setDone(status);
        },
        onError: (error) => {
          // On a conflict the server sends its current object: show it, the user decides again.
          if (error instanceof ApiError && error.isConflict && isConventionDetail(error.current)) {
            storeConvention(client, error.current);
          }
        },
      },
    );
  };

  return (
    <section aria-labelledby="statut" className="fr-mb-6w">
      <h2 id="statut">Statut</h2>
      <p>
        Statut actuel : <ConventionStatusBadge status={convention.status} />
      </p>
      {change.isError && (
        <Alert
          className="fr-mb-3w"
          severity="error"
          as="h3"
          title={change.error instanceof ApiError && change.error.isConflict ? 'Modification concurrente' : 'Changement de statut refusé'}
          description={
            change.error instanceof ApiError && change.error.isConflict
              ? `${change.error.message} La page affiche maintenant la version actuelle.`
              : change.error.message
          }
        />
      )}
      {done && (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          description={`Statut passé à « ${CONVENTION_STATUS_LABELS[done]} ».`}
        />
      )}
      {!convention.abilities.edit ? null : convention.allowedTransitions.length === 0 ? (
        <p>Aucun changement de statut n’est possible depuis ce statut.</p>
      ) : (
        <>
          <Input
            label="Commentaire (facultatif)"
            hintText="Enregistré dans l’historique avec le changement de statut"
            textArea
            nativeTextAreaProps={{ value: comment, rows: 2, maxLength: 2000, onChange: (e) => setComment(e.target.value) }}
          />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {convention.allowedTransitions.map((status) => (
              <li key={status}>
                <Button priority="secondary" disabled={change.isPending} onClick={() => move(status)}>
                  Passer au statut « {CONVENTION_STATUS_LABELS[status]} »
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
