import { useNavigate } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useCreateConvention } from '../../api/conventions.js';
import { usePageTitle } from '../../components/brand.js';
import { canCreateConvention, useMe } from '../../api/session.js';
import { paths } from '../../paths.js';
import { ForbiddenContent } from '../Forbidden/ForbiddenContent.js';
import { ConventionForm } from './ConventionForm.js';
import { emptyConventionValues, toCreateInput } from './values.js';

export default function NewConventionPage() {
  usePageTitle('Nouvelle convention');
  const navigate = useNavigate();
  const create = useCreateConvention();
  if (!canCreateConvention(useMe().data?.user)) {
    return <ForbiddenContent reason="La création d’une convention est réservée aux agents et administrateurs d’une Caf." />;
  }
  return (
    <>
      <Breadcrumb
        currentPageLabel="Nouvelle convention"
        homeLinkProps={{ to: paths.home }}
        segments={[{ label: 'Conventions', linkProps: { to: paths.conventions } }]}
      />
      <h1>Nouvelle convention territoriale globale</h1>
      <p>
        La Caf et une collectivité par territoire choisi sont ajoutées automatiquement comme parties signataires.
      </p>
      <ConventionForm
        mode="create"
        defaultValues={emptyConventionValues()}
        initialTerritories={[]}
        submitLabel="Créer la convention"
        cancelTo={paths.conventions}
        onSubmit={async (values) => {
          const convention = await create.mutateAsync(toCreateInput(values));
          await navigate(paths.convention(convention.id));
        }}
      />
    </>
  );
}
