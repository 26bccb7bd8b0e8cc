import '../../zod.js';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import type { z } from 'zod';
import { loginInput } from '../../../shared/api/accounts.js';
import { ApiError } from '../../api/http.js';
import { safeReturnPath, useLogin, useMe } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { paths } from '../../paths.js';
import { OidcRefusal, OidcSignIn } from './OidcSignIn.js';

type LoginValues = z.input<typeof loginInput>;
type LoginOutput = z.output<typeof loginInput>;

/** A message another page leaves for this one (after a password reset, "log out everywhere"…). */
export type LoginNotice = { notice?: string };

function alertTitle(error: Error): string {
  if (error instanceof ApiError && error.status === 429) return 'Connexion temporairement bloquée';
  if (error instanceof ApiError && error.status === 401) return 'Connexion refusée';
  return 'Connexion impossible';
}

export default function LoginPage() {
  usePageTitle('Se connecter');
  const me = useMe();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'));
  const notice = (useLocation().state as LoginNotice | null)?.notice;
  const navigate = useNavigate();
  const login = useLogin();
  const alertRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState } = useForm<LoginValues, unknown, LoginOutput>({
    resolver: zodResolver(loginInput),
    defaultValues: { email: '', password: '' },
  });
  const errors = formState.errors;

  const submit = handleSubmit((values) =>
    login.mutateAsync(values).then(
      () => navigate(returnTo, { replace: true }),
      () => alertRef.current?.focus(),
    ),
  );

  if (me.data?.user && !login.isSuccess) {
    return (
      <>
        <h1>Se connecter</h1>
        <p>
          Vous êtes connecté en tant que <strong>{me.data.user.displayName}</strong> ({me.data.user.email}).
        </p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Link className="fr-btn" to={returnTo}>
              Continuer
            </Link>
          </li>
          <li>
            <Link className="fr-btn fr-btn--secondary" to={paths.account}>
              Mon compte
            </Link>
          </li>
        </ul>
      </>
    );
  }

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Se connecter</h1>
        {returnTo !== '/' && <p>Connectez-vous pour accéder à la page demandée.</p>}
        {notice && <Alert className="fr-mb-3w" severity="success" small role="status" description={notice} />}
        <OidcRefusal code={params.get('erreur')} />
        <OidcSignIn returnTo={returnTo} />
        <div ref={alertRef} tabIndex={-1}>
          {login.isError && (
            <Alert className="fr-mb-3w" severity="error" as="h2" title={alertTitle(login.error)} description={login.error.message} />
          )}
        </div>
        <form onSubmit={submit} noValidate>
          <fieldset className="fr-fieldset" aria-labelledby="identifiants">
            <legend id="identifiants" className="fr-fieldset__legend">
              Identifiants de votre compte
            </legend>
            <div className="fr-fieldset__element">
              <Input
                label="Adresse e-mail"
                hintText="Format attendu : nom@domaine.fr"
                state={errors.email ? 'error' : 'default'}
                stateRelatedMessage={errors.email?.message}
                nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'username', spellCheck: false }}
              />
            </div>
            <div className="fr-fieldset__element">
              <PasswordInput
                label="Mot de passe"
                messagesHint=""
                messages={errors.password?.message ? [{ severity: 'error', message: errors.password.message }] : []}
                nativeInputProps={{ ...register('password'), autoComplete: 'current-password', maxLength: 200 }}
              />
              <p className="fr-mt-1w">
                <Link className="fr-link" to={paths.forgottenPassword}>
                  Mot de passe oublié ?
                </Link>
              </p>
            </div>
          </fieldset>
          <Button type="submit" disabled={login.isPending}>
            Se connecter
          </Button>
        </form>
        <p className="fr-mt-4w fr-hint-text">
          Pas encore de compte ? Les comptes sont créés sur invitation : demandez-la à l’administrateur de votre Caf.
        </p>
      </div>
    </div>
  );
}
