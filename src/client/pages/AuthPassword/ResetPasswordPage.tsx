import '../../zod.js';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { z } from 'zod';
import { passwordResetInput } from '../../../shared/api/accounts.js';
import { ApiError, serverFieldMessage } from '../../api/http.js';
import { useResetPassword } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { NewPasswordInput } from '../../components/form/NewPasswordInput.js';
import { paths } from '../../paths.js';
import type { LoginNotice } from '../AuthLogin/LoginPage.js';

type Values = z.input<typeof passwordResetInput>;

export default function ResetPasswordPage() {
  usePageTitle('Choisir un nouveau mot de passe');
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const reset = useResetPassword(token);
  const { register, handleSubmit, formState, watch } = useForm<Values>({
    resolver: zodResolver(passwordResetInput),
    defaultValues: { password: '' },
  });
  const fieldError = formState.errors.password?.message;
  const expired = reset.error instanceof ApiError && reset.error.status === 410;

  const submit = handleSubmit((values) =>
    reset.mutateAsync(values.password).then(
      () => {
        const state: LoginNotice = { notice: 'Votre mot de passe a été changé. Connectez-vous avec le nouveau mot de passe.' };
        return navigate(paths.login, { state });
      },
      () => undefined,
    ),
  );

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Choisir un nouveau mot de passe</h1>
        {reset.isError && (
          <Alert
            className="fr-mb-3w"
            severity="error"
            as="h2"
            title={expired ? 'Lien expiré' : 'Changement impossible'}
            description={reset.error.message}
          />
        )}
        {expired ? (
          <Link className="fr-btn" to={paths.forgottenPassword}>
            Demander un nouveau lien
          </Link>
        ) : (
          <form onSubmit={submit} noValidate>
            <p>Toutes vos sessions ouvertes seront fermées : vous vous reconnecterez avec le nouveau mot de passe.</p>
            <NewPasswordInput
              label="Nouveau mot de passe"
              value={watch('password')}
              error={fieldError ?? serverFieldMessage(reset.error, 'password')}
              registration={register('password')}
            />
            <Button type="submit" disabled={reset.isPending}>
              Enregistrer le mot de passe
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}
