import { useNavigate, useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { useCreateAction } from '../../api/actions.js';
import { useConvention } from '../../api/conventions.js';
import { usePilotCandidates } from '../../api/my-follow-up.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';
import { ForbiddenContent, OUTSIDE_SCOPE } from '../Forbidden/ForbiddenContent.js';
import { ActionForm } from './ActionForm.js';
import { emptyActionValues, toActionInput } from './values.js';

export default function NewActionPage() {
  const id = parseId(useParams().id);
  const query = useConvention(id);
  usePageTitle('Nouvelle action');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (query.isPending) return <Loading label="Chargement de la convention…" />;
  if (query.isError) return <LoadError error={query.error} forbiddenReason={OUTSIDE_SCOPE} />;
  if (!query.data.abilities.editPlan) return <ForbiddenContent reason="Votre rôle ne permet pas de modifier le plan d’actions de cette convention." />;
  return <NewAction convention={query.data} />;
}

function NewAction({ convention }: { convention: ConventionDetail }) {
  const navigate = useNavigate();
  const create = useCreateAction(convention.id);
  const candidates = usePilotCandidates(convention.id, true);
  if (candidates.isPending) return <Loading label="Chargement des pilotes possibles…" />;
  return (
    <>
      <Breadcrumb
        currentPageLabel="Nouvelle action"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.title, linkProps: { to: paths.convention(convention.id) } },
        ]}
      />
      <h1>Ajouter une action</h1>
      <p className="fr-text--lead">Au plan d’actions de : {convention.title}</p>
      <ActionForm
        defaultValues={emptyActionValues()}
        submitLabel="Ajouter l’action"
        cancelTo={paths.convention(convention.id)}
        onSubmit={async (values) => {
          const created = await create.mutateAsync(toActionInput(values));
          await navigate(paths.action(created.id));
        }}
        axes={convention.axes}
        pilotCandidates={candidates.data}
      />
    </>
  );
}
