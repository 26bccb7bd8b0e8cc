import '../../zod.js';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { z } from 'zod';
import { formatLongDate } from '../../../shared/format.js';
import { invitationAcceptInput, ROLE_LABELS, type Invitation } from '../../../shared/api/accounts.js';
import { useInvitation } from '../../api/administration.js';
import { ApiError, serverFieldMessage } from '../../api/http.js';
import { useAcceptInvitation } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { NewPasswordInput } from '../../components/form/NewPasswordInput.js';
import { paths } from '../../paths.js';
import type { AccountWelcome } from '../AuthAccount/AccountPage.js';

type Values = z.input<typeof invitationAcceptInput>;
type Output = z.output<typeof invitationAcceptInput>;

export default function InvitationPage() {
  usePageTitle('Invitation');
  const token = useParams().token ?? '';
  const query = useInvitation(token);
  if (query.isPending) return <Loading label="Lecture de l’invitation…" />;
  if (query.error instanceof ApiError && query.error.status === 410) return <Expired message={query.error.message} />;
  if (query.isError) return <LoadError error={query.error} />;
  return <AcceptInvitation token={token} invitation={query.data} />;
}

function Expired({ message }: { message: string }) {
  return (
    <>
      <h1>Invitation</h1>
      <Alert severity="warning" as="h2" title="Lien expiré ou déjà utilisé" description={message} />
      <p className="fr-mt-3w">
        Vous avez déjà un compte ? <Link to={paths.login}>Connectez-vous</Link>.
      </p>
    </>
  );
}

function AcceptInvitation({ token, invitation }: { token: string; invitation: Invitation }) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const { register, handleSubmit, formState, watch } = useForm<Values, unknown, Output>({
    resolver: zodResolver(invitationAcceptInput),
    defaultValues: { displayName: '', password: '' },
  });
  const errors = formState.errors;
  const nameError = errors.displayName?.message ?? serverFieldMessage(accept.error, 'displayName');

  const submit = handleSubmit((values) =>
    accept.mutateAsync(values).then(
      () => {
        const state: AccountWelcome = { welcome: true };
        return navigate(paths.account, { replace: true, state });
      },
      () => undefined,
    ),
  );

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-7">
        <h1>Rejoindre Pilote CTG</h1>
        <p className="fr-text--lead">
          Vous êtes invité à rejoindre <strong>{invitation.organisationName}</strong> en tant que{' '}
          <strong>{ROLE_LABELS[invitation.role].toLowerCase()}</strong>.
        </p>
        <dl className="ctg-details fr-mb-3w">
          <div>
            <dt>Adresse e-mail :</dt>
            <dd>{invitation.email}</dd>
          </div>
          <div>
            <dt>Invitation valable jusqu’au :</dt>
            <dd>{formatLongDate(invitation.expiresAt.slice(0, 10))}</dd>
          </div>
        </dl>
        {accept.isError && (
          <Alert className="fr-mb-3w" severity="error" as="h2" title="Création du compte impossible" description={accept.error.message} />
        )}
        <form onSubmit={submit} noValidate>
          <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
          <Input
            label="Nom affiché"
            hintText="Prénom et nom, tels que vos collègues les verront"
            state={nameError ? 'error' : 'default'}
            stateRelatedMessage={nameError}
            nativeInputProps={{ ...register('displayName'), autoComplete: 'name', maxLength: 120 }}
          />
          <NewPasswordInput
            label="Mot de passe"
            value={watch('password')}
            email={invitation.email}
            error={errors.password?.message ?? serverFieldMessage(accept.error, 'password')}
            registration={register('password')}
          />
          <Button type="submit" disabled={accept.isPending}>
            Créer mon compte et me connecter
          </Button>
        </form>
      </div>
    </div>
  );
}
