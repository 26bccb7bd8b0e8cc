import { useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { isConventionDetail, storeConvention, useConvention, useUpdateConvention } from '../../api/conventions.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';
import { ForbiddenContent, OUTSIDE_SCOPE } from '../Forbidden/ForbiddenContent.js';
import { ConventionForm } from './ConventionForm.js';
import { conventionToFormValues, toUpdateInput } from './values.js';

export default function EditConventionPage() {
  const id = parseId(useParams().id);
  const query = useConvention(id);
  usePageTitle(query.data ? `Modifier « ${query.data.title} »` : 'Modifier la convention');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (query.isPending) return <Loading label="Chargement de la convention…" />;
  if (query.isError) return <LoadError error={query.error} forbiddenReason={OUTSIDE_SCOPE} />;
  if (!query.data.abilities.edit) return <ForbiddenContent reason="Votre rôle ne permet pas de modifier cette convention." />;
  return <EditConvention convention={query.data} />;
}

function EditConvention({ convention }: { convention: ConventionDetail }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const update = useUpdateConvention(convention.id);
  // The version read when the form was filled: a later edit by someone else gives a 409.
  const version = useRef(convention.version);
  return (
    <>
      <Breadcrumb
        currentPageLabel="Modifier"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.title, linkProps: { to: paths.convention(convention.id) } },
        ]}
      />
      <h1>Modifier la convention</h1>
      <p className="fr-text--lead">{convention.title}</p>
      <ConventionForm
        mode="edit"
        cafName={convention.caf.name}
        defaultValues={conventionToFormValues(convention)}
        initialTerritories={convention.territories}
        submitLabel="Enregistrer les modifications"
        cancelTo={paths.convention(convention.id)}
        onSubmit={async (values) => {
          await update.mutateAsync(toUpdateInput(values, version.current));
          await navigate(paths.convention(convention.id));
        }}
        valuesFromCurrent={(current) => {
          if (!isConventionDetail(current)) return null;
          version.current = current.version;
          storeConvention(client, current);
          return { values: conventionToFormValues(current), territories: current.territories };
        }}
      />
    </>
  );
}
