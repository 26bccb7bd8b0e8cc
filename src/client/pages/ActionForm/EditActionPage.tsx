import { useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { Action } from '../../../shared/api/index.js';
import { actionKeys, useAction, useUpdateAction } from '../../api/actions.js';
import { useConvention } from '../../api/conventions.js';
import { usePilotCandidates } from '../../api/my-follow-up.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';
import { ForbiddenContent } from '../Forbidden/ForbiddenContent.js';
import { ActionForm } from './ActionForm.js';
import { ConflictChanges } from './ConflictChanges.js';
import { actionToFormValues, toActionInput } from './values.js';

const OUTSIDE_ACTION_SCOPE = 'Cette action appartient à une convention qui ne fait pas partie de votre périmètre.';

export default function EditActionPage() {
  const id = parseId(useParams().id);
  const query = useAction(id);
  usePageTitle(query.data ? `Modifier « ${query.data.title} »` : 'Modifier l’action');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (query.isPending) return <Loading label="Chargement de l’action…" />;
  if (query.isError) return <LoadError error={query.error} forbiddenReason={OUTSIDE_ACTION_SCOPE} />;
  return <EditAction action={query.data} />;
}

function EditAction({ action }: { action: Action }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const update = useUpdateAction(action.id);
  const convention = useConvention(action.conventionId);
  const conventionTitle = convention.data?.title ?? 'Convention';
  const candidates = usePilotCandidates(action.conventionId, convention.data?.abilities.editPlan === true);
  // The version read when the form was filled: a later edit by someone else gives a 409.
  const version = useRef(action.version);
  // The action as it was when the form was filled, to show what someone else changed since.
  const opened = useRef<Action>(action);
  if (convention.isError) return <LoadError error={convention.error} forbiddenReason={OUTSIDE_ACTION_SCOPE} />;
  if (convention.data && !convention.data.abilities.editPlan) {
    return <ForbiddenContent reason="Votre rôle ne permet pas de modifier les actions de cette convention." />;
  }
  // The pilot lists must be there before the form reads its initial values.
  if (convention.isPending || candidates.isPending) return <Loading label="Chargement de la fiche…" />;
  return (
    <>
      <Breadcrumb
        currentPageLabel="Modifier l’action"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: conventionTitle, linkProps: { to: paths.convention(action.conventionId) } },
        ]}
      />
      <h1>Modifier l’action</h1>
      <p className="fr-text--lead">{action.title}</p>
      <ActionForm
        defaultValues={actionToFormValues(action)}
        submitLabel="Enregistrer les modifications"
        cancelTo={paths.action(action.id)}
        onSubmit={async (values) => {
          await update.mutateAsync({ ...toActionInput(values), version: version.current });
          await navigate(paths.action(action.id));
        }}
        axes={convention.data?.axes}
        pilotCandidates={candidates.data}
        pilotNames={{ userName: action.pilotUserName, organisationName: action.pilotOrganisationName }}
        conflictDetails={(current) => <ConflictChanges opened={opened.current} current={current} />}
        valuesFromCurrent={(current) => {
          if (!isAction(current)) return null;
          version.current = current.version;
          opened.current = current;
          client.setQueryData(actionKeys.detail(current.id), current);
          return actionToFormValues(current);
        }}
      />
    </>
  );
}

function isAction(value: unknown): value is Action {
  return typeof value === 'object' && value !== null && 'conventionId' in value && 'version' in value;
}
