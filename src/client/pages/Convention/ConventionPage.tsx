import { Link, useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { formatPeriod } from '../../../shared/format.js';
import { useConvention } from '../../api/conventions.js';
import { loginPathFor } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { ConventionStatusBadge } from '../../components/StatusBadge.js';
import { parseId, paths } from '../../paths.js';
import { OUTSIDE_SCOPE } from '../Forbidden/ForbiddenContent.js';
import { ActionsSection } from './ActionsSection.js';
import { AxesSection } from './AxesSection.js';
import { HistorySection } from './HistorySection.js';
import { PartiesSection } from './PartiesSection.js';
import { PerimeterSection } from './PerimeterSection.js';
import { SignaturesSection } from './SignaturesSection.js';
import { SourceSection } from './SourceSection.js';
import { StatusPanel } from './StatusPanel.js';

export default function ConventionPage() {
  const id = parseId(useParams().id);
  const query = useConvention(id);
  usePageTitle(query.data?.title);
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (query.isPending) return <Loading label="Chargement de la convention…" />;
  if (query.isError) return <LoadError error={query.error} forbiddenReason={OUTSIDE_SCOPE} />;
  return <ConventionView convention={query.data} />;
}

function ConventionView({ convention }: { convention: ConventionDetail }) {
  const { abilities } = convention;
  return (
    <>
      <Breadcrumb
        currentPageLabel={convention.title}
        homeLinkProps={{ to: paths.home }}
        segments={[{ label: 'Conventions', linkProps: { to: paths.conventions } }]}
      />
      <h1>{convention.title}</h1>
      <p className="fr-text--lead fr-mb-2w">
        Période {formatPeriod(convention.startYear, convention.endYear)} · {convention.caf.name}{' '}
        <ConventionStatusBadge status={convention.status} />
      </p>
      {abilities.publicView && (
        <CallOut className="fr-mb-4w" title="Vue publique" titleAs="h2">
          Cette page présente les informations publiques de la convention signée et ses actions phares.{' '}
          <Link to={loginPathFor(paths.convention(convention.id))}>Connectez-vous</Link> pour accéder à l’ensemble du
          plan d’actions si votre organisation en est partie.
        </CallOut>
      )}
      {!abilities.publicView && (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mb-4w">
          {abilities.edit && (
            <li>
              <Link className="fr-btn fr-btn--secondary fr-icon-edit-line" to={paths.editConvention(convention.id)}>
                Modifier la convention
              </Link>
            </li>
          )}
          {abilities.editPlan && (
            <li>
              <Link className="fr-btn fr-btn--secondary fr-icon-add-line" to={paths.newAction(convention.id)}>
                Ajouter une action
              </Link>
            </li>
          )}
          <li>
            <Link className="fr-btn fr-btn--secondary fr-icon-line-chart-line" to={paths.followUp(convention.id)}>
              Tableau de bord de suivi
            </Link>
          </li>
          <li>
            <Link className="fr-btn fr-btn--secondary fr-icon-file-text-line" to={paths.reviews(convention.id)}>
              Bilans et évaluation
            </Link>
          </li>
          <li>
            <Link className="fr-btn fr-btn--secondary fr-icon-draft-line" to={paths.amendments(convention.id)}>
              Avenants et versions du plan
            </Link>
          </li>
          <li>
            <Link className="fr-btn fr-btn--secondary fr-icon-download-line" to={paths.conventionFiles(convention.id)}>
              Fichiers (Word, PDF, Excel) et import
            </Link>
          </li>
        </ul>
      )}
      {!abilities.publicView && <StatusPanel convention={convention} />}
      {convention.summary && (
        <section aria-labelledby="presentation" className="fr-mb-6w">
          <h2 id="presentation">Présentation</h2>
          {convention.summary.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      )}
      <PerimeterSection convention={convention} />
      <PartiesSection parties={convention.parties} />
      <SignaturesSection events={convention.signatureEvents} />
      <AxesSection convention={convention} />
      <ActionsSection convention={convention} />
      {!abilities.publicView && <HistorySection history={convention.statusHistory} />}
      {!abilities.publicView && <SourceSection conventionId={convention.id} />}
    </>
  );
}
