import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formatLongDate } from '../../../shared/format.js';
import { useCampaignChanges, useCampaigns } from '../../api/governance.js';
import { useConventionList } from '../../api/conventions.js';
import { useMe } from '../../api/session.js';
import { useAllOrganisations } from '../../api/administration.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { paths } from '../../paths.js';

export default function CampaignsPage() {
  usePageTitle('Campagnes de mise à jour');
  const campaigns = useCampaigns();
  return (
    <>
      <h1>Campagnes de mise à jour</h1>
      <p className="fr-text--lead">Chaque année, les pilotes mettent à jour leurs fiches et leurs indicateurs ; à la clôture, les valeurs de l’année sont verrouillées.</p>
      <section aria-labelledby="campagnes" className="fr-mb-6w">
        <h2 id="campagnes">Campagnes</h2>
        {campaigns.isPending && <Loading label="Chargement des campagnes…" />}
        {campaigns.isError && <ErrorAlert error={campaigns.error} />}
        {campaigns.data?.length === 0 && <p>Aucune campagne.</p>}
        {campaigns.data && campaigns.data.length > 0 && (
          <Table
            caption="Campagnes de mise à jour"
            noCaption
            headers={['Campagne', 'Échéance', 'État', 'Fiches à jour']}
            data={campaigns.data.map((c) => [
              <Link key={c.id} to={paths.campaign(c.id)}>
                {c.title}
              </Link>,
              formatLongDate(c.dueDate),
              c.status === 'ouverte' ? 'Ouverte' : 'Close (valeurs verrouillées)',
              `${c.done} / ${c.total}`,
            ])}
          />
        )}
      </section>
      <OpenForm />
    </>
  );
}

function OpenForm() {
  const { data } = useMe();
  const navigate = useNavigate();
  const admin = data?.user?.isPlatformAdmin ?? false;
  const organisations = useAllOrganisations(admin);
  // Caf staff open campaigns for their Caf; platform administrators for any Caf.
  const cafs = admin
    ? (organisations.data ?? []).filter((o) => o.kind === 'caf').map((o) => ({ organisationId: o.id, organisationName: o.name }))
    : (data?.user?.memberships ?? []).filter((m) => (m.role === 'caf_admin' || m.role === 'caf_agent') && !m.conventionIds);
  const [cafId, setCafId] = useState('');
  const chosenCaf = Number(cafId || cafs[0]?.organisationId || 0);
  const conventions = useConventionList({});
  const year = new Date().getFullYear();
  const [conventionId, setConventionId] = useState('');
  const [campaignYear, setCampaignYear] = useState(String(year));
  const [dueDate, setDueDate] = useState(`${year + 1}-01-31`);
  const { open } = useCampaignChanges();
  const [error, setError] = useState<Error | null>(null);
  if (!cafs.length) return null;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await open.mutateAsync({ cafId: chosenCaf, conventionId: conventionId ? Number(conventionId) : null, year: Number(campaignYear), dueDate });
      await navigate(paths.campaign(created.id));
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="ouvrir" className="fr-mb-6w">
      <h2 id="ouvrir">Ouvrir une campagne</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
        {cafs.length > 1 && (
          <Select label="Caf" nativeSelectProps={{ value: String(chosenCaf), onChange: (e) => setCafId(e.target.value) }}>
            {cafs.map((m) => (
              <option key={m.organisationId} value={m.organisationId}>
                {m.organisationName}
              </option>
            ))}
          </Select>
        )}
        <Select label="Conventions concernées" nativeSelectProps={{ value: conventionId, onChange: (e) => setConventionId(e.target.value) }}>
          <option value="">Toutes les conventions signées ou en cours de la Caf</option>
          {(conventions.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => c.caf.id === chosenCaf && (c.status === 'signee' || c.status === 'en_cours')).map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </Select>
        <Input label="Année des valeurs à mettre à jour" nativeInputProps={{ inputMode: 'numeric', value: campaignYear, onChange: (e) => setCampaignYear(e.target.value) }} />
        <Input label="Date limite" nativeInputProps={{ type: 'date', value: dueDate, onChange: (e) => setDueDate(e.target.value) }} />
        <Button type="submit" disabled={open.isPending}>
          Ouvrir la campagne et prévenir les pilotes
        </Button>
      </form>
    </section>
  );
}
