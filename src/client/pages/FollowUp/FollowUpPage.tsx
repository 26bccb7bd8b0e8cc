import { Link, useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ConventionDetail, FollowUpDashboard } from '../../../shared/api/index.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../../shared/enums.js';
import { formatLongDate } from '../../../shared/format.js';
import { INDICATOR_STATES, INDICATOR_STATE_LABELS } from '../../../shared/plan.js';
import { formatEuros } from '../../../shared/plan-format.js';
import { useConvention } from '../../api/conventions.js';
import { useFollowUp } from '../../api/dashboard.js';
import { listExportUrl } from '../../api/office.js';
import { useThemeLabel } from '../../api/reference.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';
import { BulkChangeForm } from './BulkChangeForm.js';
import { Timeline } from './Timeline.js';

export default function FollowUpPage() {
  const id = parseId(useParams().id);
  const convention = useConvention(id);
  usePageTitle(convention.data ? `Suivi — ${convention.data.title}` : 'Suivi');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (convention.isPending) return <Loading label="Chargement de la convention…" />;
  if (convention.isError) return <LoadError error={convention.error} />;
  return <FollowUp convention={convention.data} />;
}

function FollowUp({ convention }: { convention: ConventionDetail }) {
  const query = useFollowUp(convention.id);
  return (
    <>
      <Breadcrumb
        currentPageLabel="Tableau de bord de suivi"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.title, linkProps: { to: paths.convention(convention.id) } },
        ]}
      />
      <h1>Tableau de bord de suivi</h1>
      <p className="fr-text--lead">{convention.title}</p>
      {query.isPending && <Loading label="Calcul du tableau de bord…" />}
      {query.isError && <ErrorAlert error={query.error} />}
      {query.data && <Figures data={query.data} conventionId={convention.id} />}
      <BulkChangeForm convention={convention} />
    </>
  );
}

function Figures({ data, conventionId }: { data: FollowUpDashboard; conventionId: number }) {
  const themeLabel = useThemeLabel();
  const statuses = ACTION_STATUSES.filter((s) => data.statusByTheme.some((r) => r.counts[s]));
  return (
    <>
      <section aria-labelledby="statuts" className="fr-mb-6w">
        <h2 id="statuts">Actions par statut et champ d’intervention</h2>
        <Table
          caption="Nombre d’actions par champ principal et par statut"
          noCaption
          headers={['Champ principal', ...statuses.map((s) => ACTION_STATUS_LABELS[s]), 'Total']}
          data={data.statusByTheme.map((r) => [themeLabel(r.theme), ...statuses.map((s) => String(r.counts[s] ?? 0)), String(r.total)])}
        />
      </section>
      <section aria-labelledby="indicateurs-risque" className="fr-mb-6w">
        <h2 id="indicateurs-risque">Indicateurs</h2>
        <p>{INDICATOR_STATES.map((s) => `${INDICATOR_STATE_LABELS[s]} : ${data.indicatorStates[s] ?? 0}`).join(' · ')}</p>
        <ul className="fr-raw-list fr-mb-2w">
          <li>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={listExportUrl('indicators', { convention: conventionId })} download>
              Exporter les indicateurs et leurs valeurs (Excel)
            </a>
          </li>
          {data.indicatorsAtRisk.length > 0 && (
            <li>
              <a className="fr-link fr-icon-download-line fr-link--icon-left" href={listExportUrl('indicators', { convention: conventionId, state: 'a_risque' })} download>
                Exporter les seuls indicateurs à risque (Excel)
              </a>
            </li>
          )}
        </ul>
        {data.indicatorsAtRisk.length === 0 ? (
          <p>Aucun indicateur à risque.</p>
        ) : (
          <Table
            caption="Indicateurs à risque"
            headers={['Indicateur', 'Action', 'Explication']}
            data={data.indicatorsAtRisk.map((i) => [i.title, i.actionId ? <Link key={i.id} to={paths.action(i.actionId)}>{i.actionTitle}</Link> : '—', i.explanation])}
          />
        )}
      </section>
      <section aria-labelledby="budgets" className="fr-mb-6w">
        <h2 id="budgets">Budgets prévus et réalisés par année</h2>
        {data.budgetsByYear.length === 0 ? (
          <p>Aucune ligne budgétaire.</p>
        ) : (
          <Table
            caption="Budgets des actions par année"
            noCaption
            headers={['Année', 'Prévu', 'Réalisé', 'Taux de réalisation']}
            data={data.budgetsByYear.map((b) => [String(b.year), formatEuros(b.plannedCents), formatEuros(b.actualCents), b.plannedCents ? `${Math.round((100 * b.actualCents) / b.plannedCents)} %` : '—'])}
          />
        )}
      </section>
      <section aria-labelledby="sans-note" className="fr-mb-6w">
        <h2 id="sans-note">Actions sans note de suivi depuis 12 mois</h2>
        {data.staleActions.length === 0 ? (
          <p>Toutes les actions en cours ont une note récente.</p>
        ) : (
          <ul>
            {data.staleActions.map((a) => (
              <li key={a.id}>
                <Link to={paths.action(a.id)}>{a.title}</Link> — {a.lastNoteDate ? `dernière note le ${formatLongDate(a.lastNoteDate)}` : 'aucune note'}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Timeline data={data} />
    </>
  );
}
