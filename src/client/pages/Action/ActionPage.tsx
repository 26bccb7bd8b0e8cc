import { Link, useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { Action, ConventionDetail } from '../../../shared/api/index.js';
import { useAction } from '../../api/actions.js';
import { useConvention } from '../../api/conventions.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { ActionStatusBadge } from '../../components/StatusBadge.js';
import { parseId, paths } from '../../paths.js';
import { HistoryPanel } from '../History/HistoryPanel.js';
import { BudgetSection } from './BudgetSection.js';
import { DocumentsSection } from './DocumentsSection.js';
import { FicheSummary } from './FicheSummary.js';
import { IndicatorsSection } from './IndicatorsSection.js';
import { NotesSection } from './NotesSection.js';
import { SimilarActionsSection } from './SimilarActionsSection.js';
import { actionFicheUrl } from '../../api/office.js';

export default function ActionPage() {
  const id = parseId(useParams().id);
  const query = useAction(id);
  usePageTitle(query.data?.title);
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (query.isPending) return <Loading label="Chargement de la fiche action…" />;
  if (query.isError) return <LoadError error={query.error} />;
  return <Fiche action={query.data} />;
}

function Fiche({ action }: { action: Action }) {
  const convention = useConvention(action.conventionId);
  const detail: ConventionDetail | undefined = convention.data;
  return (
    <>
      <Breadcrumb
        currentPageLabel={action.title}
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: detail?.title ?? 'Convention', linkProps: { to: paths.convention(action.conventionId) } },
        ]}
      />
      <h1>{action.title}</h1>
      <p className="fr-text--lead fr-mb-2w">
        Fiche action <ActionStatusBadge status={action.status} />
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mb-4w">
        <li>
          <Link className="fr-btn fr-icon-edit-line" to={paths.editAction(action.id)}>
            Modifier la fiche
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary fr-icon-file-text-line" to={paths.reviews(action.conventionId)}>
            Bilans de la convention
          </Link>
        </li>
        {detail && !detail.abilities.publicView && (
          <li>
            <a className="fr-btn fr-btn--secondary fr-icon-download-line" href={actionFicheUrl(action.id)} download>
              Fiche en PDF
            </a>
          </li>
        )}
      </ul>
      <FicheSummary action={action} convention={detail} />
      <BudgetSection lines={action.budgetLines} />
      <IndicatorsSection action={action} canEdit={detail?.abilities.editPlan ?? false} />
      <NotesSection actionId={action.id} />
      <DocumentsSection actionId={action.id} />
      <SimilarActionsSection actionId={action.id} />
      <HistoryPanel scope={`action:${action.id}`} title="Historique de la fiche" />
    </>
  );
}
