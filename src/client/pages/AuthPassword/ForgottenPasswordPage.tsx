import '../../zod.js';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { z } from 'zod';
import { passwordResetRequestInput } from '../../../shared/api/accounts.js';
import { useRequestPasswordReset } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { paths } from '../../paths.js';

type Values = z.input<typeof passwordResetRequestInput>;
type Output = z.output<typeof passwordResetRequestInput>;

export default function ForgottenPasswordPage() {
  usePageTitle('Mot de passe oublié');
  const request = useRequestPasswordReset();
  const { register, handleSubmit, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(passwordResetRequestInput),
    defaultValues: { email: '' },
  });
  const error = formState.errors.email?.message;
  const submit = handleSubmit((values) => request.mutateAsync(values.email).catch(() => undefined));

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Mot de passe oublié</h1>
        {request.isSuccess ? (
          <>
            <Alert severity="success" as="h2" title="Demande enregistrée" description={request.data.message} />
            <p className="fr-mt-3w">
              Le lien est valable une heure. Pensez à regarder dans les courriers indésirables.
            </p>
            <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={paths.login}>
              Retour à la connexion
            </Link>
          </>
        ) : (
          <>
            <p>Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
            {request.isError && (
              <Alert className="fr-mb-3w" severity="error" as="h2" title="Demande impossible" description={request.error.message} />
            )}
            <form onSubmit={submit} noValidate>
              <Input
                label="Adresse e-mail"
                hintText="Format attendu : nom@domaine.fr"
                state={error ? 'error' : 'default'}
                stateRelatedMessage={error}
                nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'email', spellCheck: false }}
              />
              <ul className="fr-btns-group fr-btns-group--inline-md">
                <li>
                  <Button type="submit" disabled={request.isPending}>
                    Recevoir un lien
                  </Button>
                </li>
                <li>
                  <Link className="fr-btn fr-btn--secondary" to={paths.login}>
                    Annuler
                  </Link>
                </li>
              </ul>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
