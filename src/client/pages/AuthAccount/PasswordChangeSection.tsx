import '../../zod.js';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import type { z } from 'zod';
import { passwordChangeInput } from '../../../shared/api/users.js';
import { serverFieldMessage } from '../../api/http.js';
import { useChangePassword } from '../../api/users.js';
import { NewPasswordInput } from '../../components/form/NewPasswordInput.js';

type Values = z.input<typeof passwordChangeInput>;

/** « Changer mon mot de passe »: the current one is asked; the other sessions are closed. */
export function PasswordChangeSection({ email }: { email: string }) {
  const change = useChangePassword();
  const { register, handleSubmit, formState, watch, reset } = useForm<Values>({
    resolver: zodResolver(passwordChangeInput),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const currentError = formState.errors.currentPassword?.message ?? serverFieldMessage(change.error, 'currentPassword');
  const submit = handleSubmit((values) =>
    change.mutateAsync(values).then(
      () => reset(),
      () => undefined,
    ),
  );
  const closed = change.data?.otherSessionsClosed ?? 0;
  return (
    <section aria-labelledby="mot-de-passe" className="fr-mb-6w">
      <h2 id="mot-de-passe">Changer mon mot de passe</h2>
      {change.isSuccess && (
        <Alert
          className="fr-mb-3w"
          severity="success"
          as="h3"
          title="Mot de passe changé"
          description={closed > 0 ? `Vos ${closed} autre${closed > 1 ? 's' : ''} session${closed > 1 ? 's' : ''} ont été fermée${closed > 1 ? 's' : ''}.` : 'Vous restez connecté sur cet appareil.'}
        />
      )}
      {change.isError && !currentError && <Alert className="fr-mb-3w" severity="error" as="h3" title="Changement impossible" description={change.error.message} />}
      <form onSubmit={submit} noValidate className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          className="fr-mb-3w"
          label="Mot de passe actuel"
          messagesHint=""
          messages={currentError ? [{ severity: 'error', message: currentError }] : []}
          nativeInputProps={{ ...register('currentPassword'), autoComplete: 'current-password', maxLength: 200, 'aria-invalid': currentError ? true : undefined }}
        />
        <NewPasswordInput
          label="Nouveau mot de passe"
          value={watch('newPassword')}
          email={email}
          error={formState.errors.newPassword?.message ?? serverFieldMessage(change.error, 'newPassword')}
          registration={register('newPassword')}
        />
        <Button type="submit" disabled={change.isPending}>
          Changer le mot de passe
        </Button>
      </form>
    </section>
  );
}
