import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { Campaign } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { useCampaign, useCampaignChanges } from '../../api/governance.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { parseId, paths } from '../../paths.js';

export default function CampaignPage() {
  const id = parseId(useParams().id);
  const campaign = useCampaign(id);
  usePageTitle(campaign.data?.title ?? 'Campagne de mise à jour');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (campaign.isPending) return <Loading label="Chargement de la campagne…" />;
  if (campaign.isError) return <LoadError error={campaign.error} />;
  return <CampaignView campaign={campaign.data} />;
}

const ratio = (p: { done: number; total: number }) => `${p.done} / ${p.total}`;

function CampaignView({ campaign }: { campaign: Campaign }) {
  const { close } = useCampaignChanges();
  const [error, setError] = useState<Error | null>(null);
  return (
    <>
      <Breadcrumb currentPageLabel={campaign.title} homeLinkProps={{ to: paths.home }} segments={[{ label: 'Campagnes de mise à jour', linkProps: { to: paths.campaigns } }]} />
      <h1>{campaign.title}</h1>
      <p className="fr-text--lead">
        Valeurs {campaign.year} · échéance le {formatLongDate(campaign.dueDate)} · {campaign.status === 'ouverte' ? 'ouverte' : `close le ${formatLongDate(campaign.closedAt!.slice(0, 10))} : valeurs ${campaign.year} verrouillées`} · {ratio(campaign)} fiches à jour
      </p>
      {campaign.canManage && campaign.status === 'ouverte' && (
        <>
          {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
          <Button iconId="fr-icon-lock-line" disabled={close.isPending} onClick={() => close.mutate({ id: campaign.id, version: campaign.version }, { onError: (e) => setError(e) })}>
            Clore la campagne et verrouiller les valeurs {campaign.year}
          </Button>
        </>
      )}
      <section aria-labelledby="par-convention" className="fr-my-6w">
        <h2 id="par-convention">Avancement par convention</h2>
        <Table caption="Avancement par convention" noCaption headers={['Convention', 'Fiches à jour']} data={campaign.conventions.map((c) => [<Link key={c.id} to={paths.convention(c.id)}>{c.title}</Link>, ratio(c)])} />
      </section>
      <section aria-labelledby="par-pilote" className="fr-mb-6w">
        <h2 id="par-pilote">Avancement par pilote</h2>
        <Table caption="Avancement par pilote" noCaption headers={['Pilote', 'Compte', 'Fiches à jour']} data={campaign.pilots.map((p) => [p.pilot, p.hasAccount ? 'oui (prévenu par courriel)' : 'non', ratio(p)])} />
      </section>
      <section aria-labelledby="fiches" className="fr-mb-6w">
        <h2 id="fiches">Fiches à mettre à jour</h2>
        <Table
          caption="Fiches et indicateurs à mettre à jour"
          noCaption
          headers={['Fiche', 'Pilote', 'Indicateurs', 'À jour']}
          data={campaign.items.map((i) => [
            <Link key={i.actionId} to={paths.action(i.actionId)}>{i.actionTitle}</Link>,
            i.pilot,
            i.indicators.map((x) => `${x.title}${x.updated ? ' (valeur saisie)' : ' (à saisir)'}`).join(' ; ') || 'aucun',
            i.done ? 'Oui' : 'Non',
          ])}
        />
      </section>
    </>
  );
}
