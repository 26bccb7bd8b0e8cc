import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ApiError } from '../../api/http.js';
import type { ServerErrorState } from './useServerErrors.js';

function titleOf(error: Error): string {
  if (!(error instanceof ApiError)) return 'Enregistrement impossible';
  if (error.isConflict) return 'Modification concurrente';
  if (error.status === 400 || error.status === 422) return 'Le formulaire contient des erreurs';
  if (error.status === 403 || error.status === 401) return 'Action non autorisée';
  return 'Enregistrement impossible';
}

/** The server's message at the top of a form (h2, as the form's first heading under the page h1). */
export function ServerErrorAlert({
  state,
  onReloadCurrent,
  details,
}: {
  state: ServerErrorState;
  /** On a 409, offers to load the server's current version (the user's changes are then lost). */
  onReloadCurrent?: () => void;
  /** Extra content under the message (e.g. what changed on a 409). */
  details?: React.ReactNode;
}) {
  const { error, otherMessages } = state;
  const conflict = error instanceof ApiError && error.isConflict;
  return (
    <Alert
      className="fr-mb-4w"
      severity="error"
      as="h2"
      title={titleOf(error)}
      description={
        <>
          <p>{error.message}</p>
          {otherMessages.length > 0 && (
            <ul>
              {otherMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {details}
          {conflict && onReloadCurrent && (
            <p className="fr-mt-2w">
              <Button priority="secondary" size="small" onClick={onReloadCurrent}>
                Charger la version actuelle (vos modifications seront perdues)
              </Button>
            </p>
          )}
        </>
      }
    />
  );
}
