import '../../zod.js';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { z } from 'zod';
import type { Organisation } from '../../../shared/api/index.js';
import { emailSchema, ROLE_LABELS, type Role } from '../../../shared/api/accounts.js';
import { formatLongDate } from '../../../shared/format.js';
import { useCreateInvitation } from '../../api/administration.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { OrganisationSelect } from './OrganisationSelect.js';

const FIELDS = ['email', 'organisationId', 'role'] as const;

/** The form's strings, checked with the API's own e-mail rule; ids and roles are chosen from lists. */
const inviteFormSchema = z.object({
  email: emailSchema,
  organisationId: z.string().min(1, 'Choisissez une organisation.').transform(Number),
  role: z.string().min(1, 'Choisissez un rôle.').transform((role) => role as Role),
});
type InviteValues = z.input<typeof inviteFormSchema>;
type InviteOutput = z.output<typeof inviteFormSchema>;

/** A Caf's people get Caf roles; the people of partner organisations get partner roles. */
export function rolesFor(kind: string | undefined): Role[] {
  if (!kind) return [];
  return kind === 'caf' ? ['caf_agent', 'caf_admin'] : ['partner_editor', 'partner_reader'];
}

export function InviteSection({ organisations }: { organisations: Organisation[] }) {
  const invite = useCreateInvitation();
  const form = useForm<InviteValues, unknown, InviteOutput>({
    resolver: zodResolver(inviteFormSchema),
    defaultValues: { email: '', organisationId: '', role: '' },
  });
  const { register, handleSubmit, formState, watch, setError, setValue, reset } = form;
  const errors = formState.errors;
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);
  const organisation = organisations.find((o) => String(o.id) === watch('organisationId'));
  const roles = rolesFor(organisation?.kind);
  const role = watch('role');

  useEffect(() => {
    // A role of another kind of organisation is cleared rather than silently replaced.
    if (role && !roles.includes(role as Role)) setValue('role', '');
  }, [role, roles, setValue]);

  const submit = handleSubmit(async (values) => {
    clearServerError();
    invite.reset();
    try {
      await invite.mutateAsync(values);
      reset({ email: '', organisationId: String(values.organisationId), role: values.role });
    } catch (error) {
      handleServerError(error);
    }
  });

  return (
    <section aria-labelledby="inviter" className="fr-mb-8w">
      <h2 id="inviter">Inviter une personne</h2>
      <p>
        La personne reçoit un courriel avec un lien valable 7 jours : elle y choisit son nom affiché et son mot de passe,
        puis accède aux conventions de l’organisation selon son rôle.
      </p>
      {invite.isSuccess && (
        <Alert
          className="fr-mb-3w"
          severity="success"
          as="h3"
          title="Invitation envoyée"
          description={`${invite.data.email} est invité pour « ${invite.data.organisationName} » en tant que ${ROLE_LABELS[invite.data.role].toLowerCase()}. Le lien est valable jusqu’au ${formatLongDate(invite.data.expiresAt.slice(0, 10))}.`}
        />
      )}
      {serverError && <ServerErrorAlert state={serverError} />}
      <form onSubmit={submit} noValidate>
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Adresse e-mail"
              hintText="Format attendu : nom@domaine.fr"
              state={errors.email ? 'error' : 'default'}
              stateRelatedMessage={errors.email?.message}
              nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'off', spellCheck: false }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <OrganisationSelect
              label="Organisation"
              hint="Celle pour laquelle la personne travaille"
              organisations={organisations}
              registration={register('organisationId')}
              error={errors.organisationId?.message}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Rôle"
              hint={organisation ? 'Selon le type de l’organisation' : 'Choisissez d’abord l’organisation'}
              state={errors.role ? 'error' : 'default'}
              stateRelatedMessage={errors.role?.message}
              nativeSelectProps={register('role')}
            >
              <option value="" disabled>
                Choisir un rôle
              </option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-mail-line" disabled={invite.isPending}>
          Envoyer l’invitation
        </Button>
      </form>
    </section>
  );
}
