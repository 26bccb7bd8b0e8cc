import { useState } from 'react';
import { useParams } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { useAmendments } from '../../api/amendments.js';
import { useConvention } from '../../api/conventions.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';
import { AmendmentForm } from './AmendmentForm.js';
import { AmendmentEditForm } from './AmendmentEditForm.js';
import { PlanVersionsSection } from './PlanVersionsSection.js';

export default function AmendmentsPage() {
  const id = parseId(useParams().id);
  const convention = useConvention(id);
  usePageTitle(convention.data ? `Avenants — ${convention.data.title}` : 'Avenants');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (convention.isPending) return <Loading label="Chargement de la convention…" />;
  if (convention.isError) return <LoadError error={convention.error} />;
  return <Amendments convention={convention.data} />;
}

function Amendments({ convention }: { convention: ConventionDetail }) {
  const amendments = useAmendments(convention.id);
  const [editingId, setEditingId] = useState<number | null>(null);
  const canEdit = convention.abilities.edit;
  const editing = amendments.data?.find((a) => a.id === editingId);
  return (
    <>
      <Breadcrumb
        currentPageLabel="Avenants et versions du plan"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.title, linkProps: { to: paths.convention(convention.id) } },
        ]}
      />
      <h1>Avenants et versions du plan</h1>
      <p className="fr-text--lead">{convention.title}</p>
      <section aria-labelledby="avenants" className="fr-mb-6w">
        <h2 id="avenants">Avenants signés</h2>
        {amendments.isPending && <Loading label="Chargement des avenants…" />}
        {amendments.isError && <ErrorAlert error={amendments.error} />}
        {amendments.data?.length === 0 && <p>Aucun avenant.</p>}
        {amendments.data && amendments.data.length > 0 && (
          <Table
            caption="Avenants de la convention"
            noCaption
            headers={['N°', 'Objet', 'Signé le', 'Signé par', 'Version du plan', ...(canEdit ? ['Corriger'] : [])]}
            data={amendments.data.map((a) => [
              String(a.number),
              a.summary ? `${a.title} — ${a.summary}` : a.title,
              formatLongDate(a.date),
              a.signedBy.join(', '),
              a.planVersion ? `Version ${a.planVersion.number} (${a.planVersion.actionCount} actions)` : '—',
              ...(canEdit
                ? [
                    <Button key={a.id} size="small" priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEditingId(a.id)}>
                      {`Modifier l’avenant n° ${a.number}`}
                    </Button>,
                  ]
                : []),
            ])}
          />
        )}
      </section>
      {editing && <AmendmentEditForm key={editing.id} amendment={editing} onDone={() => setEditingId(null)} />}
      {canEdit && !editing && <AmendmentForm conventionId={convention.id} parties={convention.parties.map((p) => p.organisation.name)} />}
      <PlanVersionsSection conventionId={convention.id} />
    </>
  );
}
