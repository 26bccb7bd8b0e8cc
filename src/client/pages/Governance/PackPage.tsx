import { useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { Pack } from '../../../shared/api/index.js';
import { formatEuros } from '../../../shared/plan-format.js';
import { formatLongDate } from '../../../shared/format.js';
import { usePack } from '../../api/governance.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';
import { meetingWhen } from './format.js';

export default function PackPage() {
  const id = parseId(useParams().id);
  const pack = usePack(id);
  usePageTitle(pack.data ? `Dossier de séance — ${pack.data.meeting.title}` : 'Dossier de séance');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (pack.isPending) return <Loading label="Préparation du dossier…" />;
  if (pack.isError) return <LoadError error={pack.error} />;
  return <PackView pack={pack.data} />;
}

function PackView({ pack }: { pack: Pack }) {
  const m = pack.meeting;
  return (
    <>
      <Breadcrumb
        currentPageLabel="Dossier de séance"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: pack.conventionTitle, linkProps: { to: paths.convention(m.conventionId) } },
          { label: 'Gouvernance', linkProps: { to: paths.governance(m.conventionId) } },
          { label: m.title, linkProps: { to: paths.meeting(m.id) } },
        ]}
      />
      <h1>Dossier de séance — {m.title}</h1>
      <p className="fr-text--lead">
        {pack.conventionTitle} ({pack.period}) · {meetingWhen(m.startsAt)}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-download-line" href={`/api/v1/meetings/${m.id}/pack.docx`} download>
            Télécharger (Word)
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-download-line" href={`/api/v1/meetings/${m.id}/pack.pdf`} download>
            Télécharger (PDF)
          </a>
        </li>
      </ul>
      <section aria-labelledby="actions-statut" className="fr-mb-6w">
        <h2 id="actions-statut">Actions par statut</h2>
        <p>{pack.actionsByStatus.map((g) => `${g.label} : ${g.actions.length}`).join(' · ') || 'Aucune action au plan.'}</p>
        {pack.actionsByStatus.map((g) => (
          <Table key={g.status} caption={`${g.label} (${g.actions.length})`} headers={['Action', 'Pilote', 'Avancement']} data={g.actions.map((a) => [a.title, a.pilot ?? '—', `${a.progress} %`])} />
        ))}
      </section>
      <section aria-labelledby="indicateurs-risque" className="fr-mb-6w">
        <h2 id="indicateurs-risque">Indicateurs à risque</h2>
        {pack.indicatorsAtRisk.length === 0 && <p>Aucun indicateur à risque.</p>}
        {pack.indicatorsAtRisk.map((i) => (
          <Table
            key={i.id}
            caption={`${i.title} — ${i.explanation} (cible ${i.targetValue} ${i.unit} au ${formatLongDate(i.targetDate)})`}
            headers={['Date', 'Mesuré', 'Attendu sur la trajectoire']}
            data={i.trajectory.map((p) => [formatLongDate(p.date), `${p.value} ${i.unit}`, p.expected === null ? '—' : `${p.expected} ${i.unit}`])}
          />
        ))}
      </section>
      <section aria-labelledby="budgets" className="fr-mb-6w">
        <h2 id="budgets">Budgets</h2>
        <p>
          Prévu : {formatEuros(pack.budget.plannedCents)} · réalisé : {formatEuros(pack.budget.actualCents)}
        </p>
        {pack.budget.byYear.length > 0 && (
          <Table caption="Budgets par année" noCaption headers={['Année', 'Prévu', 'Réalisé']} data={pack.budget.byYear.map((y) => [String(y.year), formatEuros(y.plannedCents), formatEuros(y.actualCents)])} />
        )}
      </section>
      <section aria-labelledby="decisions-precedentes" className="fr-mb-6w">
        <h2 id="decisions-precedentes">Décisions de la réunion précédente</h2>
        {!pack.previousMeeting && <p>Première réunion de cette instance.</p>}
        {pack.previousMeeting && pack.previousMeeting.decisions.length === 0 && <p>Aucune décision au {pack.previousMeeting.title}.</p>}
        {pack.previousMeeting && pack.previousMeeting.decisions.length > 0 && (
          <Table
            caption={`Décisions du ${pack.previousMeeting.title} et leur suivi`}
            headers={['Décision', 'État', 'Aujourd’hui', 'Suivi']}
            data={pack.previousMeeting.decisions.map((d) => [d.summary, d.status, d.current ?? '—', d.followUp ?? '—'])}
          />
        )}
      </section>
    </>
  );
}
