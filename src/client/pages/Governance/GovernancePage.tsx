import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ConventionDetail, GovernanceOverview } from '../../../shared/api/index.js';
import { BODY_FREQUENCY_LABELS, BODY_KIND_LABELS, MEETING_STATUS_LABELS } from '../../../shared/api/governance.js';
import { formatLongDate } from '../../../shared/format.js';
import { useConvention } from '../../api/conventions.js';
import { useGovernance, useGovernanceChanges } from '../../api/governance.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { parseId, paths } from '../../paths.js';
import { BodyForm } from './BodyForm.js';
import { BodyEditForm } from './BodyEditForm.js';
import { MeetingForm } from './MeetingForm.js';

export default function GovernancePage() {
  const id = parseId(useParams().id);
  const convention = useConvention(id);
  usePageTitle(convention.data ? `Gouvernance — ${convention.data.title}` : 'Gouvernance');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (convention.isPending) return <Loading label="Chargement de la convention…" />;
  if (convention.isError) return <LoadError error={convention.error} />;
  return <Governance convention={convention.data} />;
}

function Governance({ convention }: { convention: ConventionDetail }) {
  const overview = useGovernance(convention.id);
  return (
    <>
      <Breadcrumb
        currentPageLabel="Gouvernance"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.title, linkProps: { to: paths.convention(convention.id) } },
        ]}
      />
      <h1>Gouvernance</h1>
      <p className="fr-text--lead">{convention.title}</p>
      {overview.isPending && <Loading label="Chargement des instances…" />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {overview.data && <Overview convention={convention} overview={overview.data} />}
    </>
  );
}

function Overview({ convention, overview }: { convention: ConventionDetail; overview: GovernanceOverview }) {
  return (
    <>
      <RenewalSection convention={convention} overview={overview} />
      <section aria-labelledby="instances" className="fr-mb-6w">
        <h2 id="instances">Instances</h2>
        {overview.bodies.length === 0 ? (
          <p>Aucune instance pour cette convention.</p>
        ) : (
          <Table
            caption="Instances de la convention"
            noCaption
            headers={['Instance', 'Type', 'Fréquence attendue', 'Membres', 'Dernière réunion', 'Prochaine réunion']}
            data={overview.bodies.map((b) => [
              b.name,
              BODY_KIND_LABELS[b.kind],
              BODY_FREQUENCY_LABELS[b.frequency],
              b.members.map((m) => `${m.name}${m.organisation ? ` (${m.organisation})` : ''}${m.role ? ` — ${m.role}` : ''}`).join(' ; ') || '—',
              b.lastMeetingAt ? formatLongDate(b.lastMeetingAt.slice(0, 10)) : '—',
              b.nextMeetingAt ? formatLongDate(b.nextMeetingAt.slice(0, 10)) : b.nextDueBy ? `à prévoir avant le ${formatLongDate(b.nextDueBy)}` : '—',
            ])}
          />
        )}
      </section>
      <section aria-labelledby="reunions" className="fr-mb-6w">
        <h2 id="reunions">Réunions</h2>
        {overview.meetings.length === 0 ? (
          <p>Aucune réunion planifiée.</p>
        ) : (
          <Table
            caption="Réunions des instances"
            noCaption
            headers={['Réunion', 'Lieu', 'Compte rendu']}
            data={overview.meetings.map((m) => [
              <Link key={m.id} to={paths.meeting(m.id)}>
                {m.title}
              </Link>,
              m.place ?? 'Visioconférence',
              MEETING_STATUS_LABELS[m.status],
            ])}
          />
        )}
      </section>
      {overview.canEdit && overview.bodies.length > 0 && <MeetingForm convention={convention} bodies={overview.bodies} />}
      {overview.canEdit && <BodyForm conventionId={convention.id} />}
      {overview.canEdit && overview.bodies.length > 0 && <BodyEditForm conventionId={convention.id} bodies={overview.bodies} />}
    </>
  );
}

function RenewalSection({ convention, overview }: { convention: ConventionDetail; overview: GovernanceOverview }) {
  const navigate = useNavigate();
  const { renew } = useGovernanceChanges(convention.id);
  const [error, setError] = useState<Error | null>(null);
  const renewable = convention.abilities.edit && !overview.successor && ['signee', 'en_cours', 'echue'].includes(convention.status);
  if (!overview.predecessor && !overview.successor && !renewable) return null;
  const start = async () => {
    setError(null);
    try {
      const created = await renew.mutateAsync();
      await navigate(paths.convention(created.id));
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="renouvellement" className="fr-mb-6w">
      <h2 id="renouvellement">Renouvellement</h2>
      {overview.predecessor && (
        <p>
          Cette convention renouvelle <Link to={paths.convention(overview.predecessor.id)}>{overview.predecessor.title}</Link>.
        </p>
      )}
      {overview.successor && (
        <p>
          Elle est renouvelée par <Link to={paths.convention(overview.successor.id)}>{overview.successor.title}</Link>.
        </p>
      )}
      {renewable && (
        <>
          {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
          <p>La convention suivante reprend le périmètre, les parties, les axes et les actions non terminées.</p>
          <Button onClick={() => void start()} disabled={renew.isPending} iconId="fr-icon-refresh-line">
            Préparer la convention suivante
          </Button>
        </>
      )}
    </section>
  );
}
