import '../../zod.js';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { z } from 'zod';
import type { Organisation } from '../../../shared/api/index.js';
import { apiTokenCreateInput, type ApiToken } from '../../../shared/api/accounts.js';
import { formatLongDate } from '../../../shared/format.js';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../api/administration.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { NewTokenSecret } from './NewTokenSecret.js';
import { OrganisationSelect } from './OrganisationSelect.js';

const FIELDS = ['name', 'organisationId', 'scope'] as const;
const tokenFormSchema = z.object({
  name: apiTokenCreateInput.shape.name,
  organisationId: z.string().min(1, 'Choisissez une organisation.').transform(Number),
  scope: z.enum(['read', 'write'], 'Choisissez les droits du jeton.'),
});
type TokenValues = z.input<typeof tokenFormSchema>;
type TokenOutput = z.output<typeof tokenFormSchema>;

const SCOPE_LABELS = { read: 'Lecture', write: 'Lecture et écriture' } as const;
const day = (iso: string | null) => (iso ? formatLongDate(iso.slice(0, 10)) : '—');

export function ApiTokensSection({ organisations }: { organisations: Organisation[] }) {
  const tokens = useApiTokens(true);
  const create = useCreateApiToken();
  const { register, handleSubmit, formState, setError, reset } = useForm<TokenValues, unknown, TokenOutput>({
    resolver: zodResolver(tokenFormSchema),
    defaultValues: { name: '', organisationId: '', scope: 'read' },
  });
  const errors = formState.errors;
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);
  const organisationName = (id: number | null) =>
    id === null ? 'Toute la plateforme' : (organisations.find((o) => o.id === id)?.name ?? `Organisation ${id}`);

  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await create.mutateAsync(values);
      reset({ name: '', organisationId: '', scope: 'read' });
    } catch (error) {
      handleServerError(error);
    }
  });

  return (
    <section aria-labelledby="jetons">
      <h2 id="jetons">Jetons d’API</h2>
      <p>
        Un jeton permet à un autre logiciel (tableau de bord, outil de suivi) d’utiliser l’API au nom d’une organisation.
        Il est affiché une seule fois à sa création ; révoquez-le dès qu’il ne sert plus.
      </p>
      {tokens.isPending && <Loading label="Chargement des jetons…" />}
      {tokens.isError && <ErrorAlert error={tokens.error} />}
      {tokens.data && <TokenTable tokens={tokens.data} organisationName={organisationName} />}

      <h3 className="fr-mt-4w">Créer un jeton</h3>
      {create.isSuccess && <NewTokenSecret key={create.data.id} token={create.data} />}
      {serverError && <ServerErrorAlert state={serverError} />}
      <form onSubmit={submit} noValidate>
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Nom du jeton"
              hintText="Pour le reconnaître : le logiciel qui l’utilise"
              state={errors.name ? 'error' : 'default'}
              stateRelatedMessage={errors.name?.message}
              nativeInputProps={{ ...register('name'), autoComplete: 'off', maxLength: 120 }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <OrganisationSelect
              label="Organisation du jeton"
              hint="Le jeton voit ce que voit cette organisation"
              organisations={organisations}
              registration={register('organisationId')}
              error={errors.organisationId?.message}
            />
          </div>
        </div>
        <RadioButtons
          legend="Droits"
          orientation="horizontal"
          state={errors.scope ? 'error' : 'default'}
          stateRelatedMessage={errors.scope?.message}
          options={(['read', 'write'] as const).map((scope) => ({
            label: SCOPE_LABELS[scope],
            nativeInputProps: { ...register('scope'), value: scope },
          }))}
        />
        <Button type="submit" iconId="fr-icon-add-line" disabled={create.isPending}>
          Créer le jeton
        </Button>
      </form>
    </section>
  );
}

function TokenTable({ tokens, organisationName }: { tokens: ApiToken[]; organisationName: (id: number | null) => string }) {
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState<number | null>(null);
  if (tokens.length === 0) return <p>Aucun jeton n’a encore été créé.</p>;
  return (
    <>
      {revoke.isError && <Alert className="fr-mb-3w" severity="error" as="h3" title="Révocation impossible" description={revoke.error.message} />}
      <div className="fr-table fr-table--no-caption">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <table>
                <caption>Jetons d’API</caption>
                <thead>
                  <tr>
                    {['Nom', 'Organisation', 'Droits', 'Créé le', 'Dernière utilisation', 'État'].map((h) => (
                      <th key={h} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((t) => (
                    <tr key={t.id}>
                      <th scope="row">{t.name}</th>
                      <td>{organisationName(t.organisationId)}</td>
                      <td>{SCOPE_LABELS[t.scope]}</td>
                      <td>{day(t.createdAt)}</td>
                      <td>{day(t.lastUsedAt)}</td>
                      <td>
                        {t.revokedAt ? (
                          `Révoqué le ${day(t.revokedAt)}`
                        ) : confirming === t.id ? (
                          <span className="ctg-inline-buttons">
                            <Button
                              size="small"
                              disabled={revoke.isPending}
                              onClick={() => revoke.mutate(t.id, { onSettled: () => setConfirming(null) })}
                            >
                              Confirmer la révocation<span className="fr-sr-only"> du jeton « {t.name} »</span>
                            </Button>
                            <Button size="small" priority="tertiary" onClick={() => setConfirming(null)}>
                              Annuler
                            </Button>
                          </span>
                        ) : (
                          <Button size="small" priority="secondary" onClick={() => setConfirming(t.id)}>
                            Révoquer<span className="fr-sr-only"> le jeton « {t.name} »</span>
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </>
  );
}
