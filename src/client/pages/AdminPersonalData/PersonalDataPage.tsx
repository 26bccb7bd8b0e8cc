import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { PersonalDataSubject } from '../../../shared/api/personal-data.js';
import { personalDataExportUrl, useErasePersonalData, usePersonalData, useSubjects } from '../../api/personal-data.js';
import { useMe } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import { ForbiddenContent } from '../Forbidden/ForbiddenContent.js';
import { PersonalDataView } from './PersonalDataView.js';

/** RGPD requests: find a person or an account, see what is stored, export it, erase it. */
export default function PersonalDataPage() {
  usePageTitle('Données personnelles');
  const me = useMe();
  const [q, setQ] = useState('');
  const [subject, setSubject] = useState<(PersonalDataSubject & { label: string }) | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const subjects = useSubjects(q);
  const data = usePersonalData(subject && { userId: subject.userId, personId: subject.personId });
  const erase = useErasePersonalData();
  if (!me.data?.user?.isPlatformAdmin) return <ForbiddenContent reason="Les demandes sur les données personnelles sont traitées par les administrateurs de la plateforme." />;
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(String(new FormData(event.currentTarget).get('q') ?? '').trim());
  };
  const choose = (next: PersonalDataSubject & { label: string }) => {
    setSubject(next);
    setConfirmed(false);
    erase.reset();
  };
  const ref = subject && { userId: subject.userId, personId: subject.personId };
  return (
    <>
      <Breadcrumb currentPageLabel="Données personnelles" homeLinkProps={{ to: paths.home }} segments={[{ label: 'Administration', linkProps: { to: paths.administration } }]} />
      <h1>Données personnelles</h1>
      <p className="fr-text--lead">Répondre à une demande d’accès ou d’effacement : ce que Pilote CTG conserve sur une personne et sur son compte.</p>
      <form role="search" onSubmit={search} className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Personne ou compte" hintText="Nom, prénom ou adresse e-mail (deux caractères au moins)" nativeInputProps={{ name: 'q', type: 'search', maxLength: 120 }} />
          </div>
          <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
            <Button type="submit">Rechercher</Button>
          </div>
        </div>
      </form>
      {subjects.isError && <ErrorAlert error={subjects.error} />}
      {subjects.data && (
        <section aria-labelledby="resultats" className="fr-mb-4w">
          <h2 id="resultats">Résultats</h2>
          {subjects.data.persons.length + subjects.data.users.length === 0 && <p>Aucune personne ni aucun compte ne correspond.</p>}
          <ul>
            {subjects.data.persons.map((p) => (
              <li key={`p${p.id}`}>
                <Button priority="tertiary no outline" size="small" onClick={() => choose({ personId: p.id, label: p.fullName })}>
                  {`Personne : ${p.fullName}`}
                </Button>
              </li>
            ))}
            {subjects.data.users.map((u) => (
              <li key={`u${u.id}`}>
                <Button priority="tertiary no outline" size="small" onClick={() => choose({ userId: u.id, label: u.email })}>
                  {`Compte : ${u.displayName} (${u.email})`}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {subject && ref && (
        <section aria-labelledby="inventaire">
          <h2 id="inventaire">Données de « {subject.label} »</h2>
          {data.isPending && <Loading label="Inventaire en cours…" />}
          {data.isError && <ErrorAlert error={data.error} />}
          {data.data && <PersonalDataView data={data.data} />}
          <a className="fr-btn fr-btn--secondary fr-mb-4w" href={personalDataExportUrl(ref)} download>
            Exporter ces données (JSON)
          </a>
          <h3>Effacer</h3>
          <p>
            Le compte est vidé (sessions, rôles, invitations ; son adresse est remplacée dans les journaux et historiques). Les
            mandats sont retirés. Les signatures restent, avec le nom et la qualité, comme faits juridiques ; l’effacement y est noté.
          </p>
          {erase.isSuccess && (
            <Alert className="fr-mb-3w" severity="success" as="h4" title="Données effacées" description={`${erase.data.signaturesKept} signature(s) conservée(s) avec le nom.`} />
          )}
          {erase.isError && <Alert className="fr-mb-3w" severity="error" as="h4" title="Effacement refusé" description={erase.error.message} />}
          <Checkbox options={[{ label: 'Je confirme l’effacement, qui ne peut pas être annulé', nativeInputProps: { checked: confirmed, onChange: (e) => setConfirmed(e.target.checked) } }]} />
          <Button iconId="fr-icon-delete-line" disabled={!confirmed || erase.isPending} onClick={() => erase.mutate(ref)}>
            Effacer les données personnelles
          </Button>
        </section>
      )}
    </>
  );
}
