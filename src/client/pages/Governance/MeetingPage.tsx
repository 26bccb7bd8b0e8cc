import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ConventionDetail, Meeting } from '../../../shared/api/index.js';
import { useConvention } from '../../api/conventions.js';
import { useMeeting, useMeetingChanges } from '../../api/governance.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { parseId, paths } from '../../paths.js';
import { DecisionsSection } from './DecisionsSection.js';
import { meetingWhen } from './format.js';
import { MeetingEditForm } from './MeetingEditForm.js';

export default function MeetingPage() {
  const id = parseId(useParams().id);
  const meeting = useMeeting(id);
  const convention = useConvention(meeting.data?.conventionId ?? Number.NaN);
  usePageTitle(meeting.data ? `${meeting.data.title} — ${meeting.data.conventionTitle}` : 'Réunion');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (meeting.isPending || convention.isPending) return <Loading label="Chargement de la réunion…" />;
  if (meeting.isError) return <LoadError error={meeting.error} />;
  if (convention.isError) return <LoadError error={convention.error} />;
  return <MeetingView meeting={meeting.data} convention={convention.data} />;
}

function MeetingView({ meeting, convention }: { meeting: Meeting; convention: ConventionDetail }) {
  const editable = convention.abilities.editPlan && meeting.status === 'planifiee';
  return (
    <>
      <Breadcrumb
        currentPageLabel={meeting.title}
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.title, linkProps: { to: paths.convention(convention.id) } },
          { label: 'Gouvernance', linkProps: { to: paths.governance(convention.id) } },
        ]}
      />
      <h1>{meeting.title}</h1>
      <p className="fr-text--lead">
        {meeting.bodyName} · {meetingWhen(meeting.startsAt)} ({meeting.durationMinutes} minutes)
        {meeting.place ? ` · ${meeting.place}` : ''}
      </p>
      {meeting.visioUrl && (
        <p>
          Visioconférence : <a href={meeting.visioUrl}>{meeting.visioUrl}</a>
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Link className="fr-btn fr-btn--secondary fr-icon-file-text-line" to={paths.pack(meeting.id)}>
            Dossier de séance
          </Link>
        </li>
        {editable && <InviteButton meeting={meeting} />}
      </ul>
      {editable && <MeetingEditForm key={meeting.version} meeting={meeting} />}
      {meeting.status === 'validee' && (
        <Alert className="fr-mb-4w" severity="success" as="h2" small description={`Compte rendu validé par ${meeting.validatedBy ?? '—'} : les décisions ont été appliquées au plan.`} />
      )}
      <section aria-labelledby="ordre-du-jour" className="fr-mb-6w">
        <h2 id="ordre-du-jour">Ordre du jour</h2>
        {meeting.agenda.length === 0 ? (
          <p>Aucun point inscrit.</p>
        ) : (
          <ol>
            {meeting.agenda.map((item, index) => (
              <li key={index}>
                {item.title}
                {item.actionId && item.linkLabel ? (
                  <>
                    {' — '}
                    <Link to={paths.action(item.actionId)}>{item.linkLabel}</Link>
                  </>
                ) : item.linkLabel ? ` — ${item.linkLabel}` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
      {editable ? <MinutesForm meeting={meeting} /> : <MinutesView meeting={meeting} />}
      <DecisionsSection meeting={meeting} convention={convention} editable={editable} />
      {editable && <ValidateSection meeting={meeting} />}
    </>
  );
}

function InviteButton({ meeting }: { meeting: Meeting }) {
  const { invite } = useMeetingChanges(meeting.id);
  const [error, setError] = useState<Error | null>(null);
  return (
    <li>
      <Button priority="secondary" iconId="fr-icon-mail-line" disabled={invite.isPending} onClick={() => invite.mutate(meeting.version, { onError: (e) => setError(e), onSuccess: () => setError(null) })}>
        {meeting.invitationsSentAt ? 'Renvoyer les invitations' : 'Envoyer les invitations'}
      </Button>
      {error && <p className="fr-error-text">{error.message}</p>}
      {meeting.invitationsSentAt && !error && <p className="fr-text--sm">Invitations envoyées (avec le fichier calendrier) aux membres ayant une adresse e-mail.</p>}
    </li>
  );
}

function MinutesView({ meeting }: { meeting: Meeting }) {
  return (
    <section aria-labelledby="compte-rendu" className="fr-mb-6w">
      <h2 id="compte-rendu">Compte rendu</h2>
      {meeting.attendance.length > 0 && (
        <p>
          Présents : {meeting.attendance.filter((a) => a.present).map((a) => a.name).join(', ') || 'aucun noté'}
        </p>
      )}
      {/* Rendered and sanitized on the server (scripts, handlers and javascript: links removed). */}
      {meeting.minutesHtml ? <div className="ctg-markdown" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} /> : <p>Pas encore de compte rendu.</p>}
    </section>
  );
}

function MinutesForm({ meeting }: { meeting: Meeting }) {
  const { update } = useMeetingChanges(meeting.id);
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [present, setPresent] = useState(() => new Set(meeting.attendance.filter((a) => a.present).map((a) => a.name)));
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await update.mutateAsync({ version: meeting.version, minutes: minutes.trim() ? minutes : null, attendance: meeting.attendance.map((a) => ({ name: a.name, organisation: a.organisation, present: present.has(a.name) })) });
      setSaved(true);
    } catch (e) {
      setError(e as Error);
    }
  };
  const toggle = (name: string) => setPresent((set) => {
    const next = new Set(set);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    return next;
  });
  return (
    <section aria-labelledby="compte-rendu" className="fr-mb-6w">
      <h2 id="compte-rendu">Présences et compte rendu</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
        {meeting.attendance.length > 0 && (
          <Checkbox legend="Présents" options={meeting.attendance.map((a) => ({ label: `${a.name}${a.organisation ? ` (${a.organisation})` : ''}`, nativeInputProps: { checked: present.has(a.name), onChange: () => toggle(a.name) } }))} />
        )}
        <Input label="Compte rendu" hintText="En Markdown : ## pour un titre, **gras**, - pour une liste" textArea nativeTextAreaProps={{ value: minutes, onChange: (e) => setMinutes(e.target.value), rows: 8 }} />
        <Button type="submit" disabled={update.isPending}>
          Enregistrer le compte rendu
        </Button>
        {saved && (
          <p role="status" className="fr-mt-2w">
            Compte rendu enregistré.
          </p>
        )}
      </form>
      {meeting.minutesHtml && (
        <>
          <h3>Aperçu</h3>
          <div className="ctg-markdown" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} />
        </>
      )}
    </section>
  );
}

function ValidateSection({ meeting }: { meeting: Meeting }) {
  const { validate } = useMeetingChanges(meeting.id);
  const [error, setError] = useState<Error | null>(null);
  const proposed = meeting.decisions.filter((d) => d.status === 'proposee').length;
  return (
    <section aria-labelledby="validation" className="fr-mb-6w">
      <h2 id="validation">Validation</h2>
      <p>
        Valider le compte rendu applique au plan {proposed === 0 ? 'aucune décision' : proposed === 1 ? 'la décision proposée' : `les ${proposed} décisions proposées`}, en une seule fois : si l’une est refusée, aucune n’est appliquée.
        Chaque changement est inscrit dans l’historique avec cette réunion pour origine.
      </p>
      {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
      <Button iconId="fr-icon-check-line" disabled={validate.isPending} onClick={() => validate.mutate(meeting.version, { onError: (e) => setError(e), onSuccess: () => setError(null) })}>
        Valider le compte rendu et appliquer les décisions
      </Button>
    </section>
  );
}
