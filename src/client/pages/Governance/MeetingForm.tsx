import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { AgendaItem, Body, ConventionDetail } from '../../../shared/api/index.js';
import { useGovernanceChanges } from '../../api/governance.js';
import { useIndicators } from '../../api/follow-up.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { paths } from '../../paths.js';

/** A link choice « action:12 » → the agenda item's link fields. */
function linkOf(choice: string): Pick<AgendaItem, 'axisId' | 'actionId' | 'indicatorId'> {
  const [kind, raw] = choice.split(':');
  const id = Number(raw);
  if (!id) return {};
  return kind === 'axis' ? { axisId: id } : kind === 'action' ? { actionId: id } : { indicatorId: id };
}

export function MeetingForm({ convention, bodies }: { convention: ConventionDetail; bodies: Body[] }) {
  const navigate = useNavigate();
  const { createMeeting } = useGovernanceChanges(convention.id);
  const indicators = useIndicators(convention.id);
  const [bodyId, setBodyId] = useState(String(bodies[0]!.id));
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('120');
  const [place, setPlace] = useState('');
  const [visioUrl, setVisioUrl] = useState('');
  const [agenda, setAgenda] = useState<{ title: string; link: string }[]>([]);
  const [itemTitle, setItemTitle] = useState('');
  const [itemLink, setItemLink] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const addItem = () => {
    if (!itemTitle.trim()) return;
    setAgenda((items) => [...items, { title: itemTitle.trim(), link: itemLink }]);
    setItemTitle('');
    setItemLink('');
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const meeting = await createMeeting.mutateAsync({
        bodyId: Number(bodyId),
        startsAt,
        durationMinutes: Number(duration) || 120,
        place: place.trim() || null,
        visioUrl: visioUrl.trim() || null,
        agenda: agenda.map((item) => ({ title: item.title, ...linkOf(item.link) })),
      });
      await navigate(paths.meeting(meeting.id));
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="planifier" className="fr-mb-6w">
      <h2 id="planifier">Planifier une réunion</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
        <Select label="Instance" nativeSelectProps={{ value: bodyId, onChange: (e) => setBodyId(e.target.value) }}>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
        <Input label="Date et heure" nativeInputProps={{ type: 'datetime-local', value: startsAt, onChange: (e) => setStartsAt(e.target.value.slice(0, 16)) }} />
        <Input label="Durée (minutes)" nativeInputProps={{ inputMode: 'numeric', value: duration, onChange: (e) => setDuration(e.target.value) }} />
        <Input label="Lieu" hintText="Un lieu ou un lien de visioconférence, ou les deux" nativeInputProps={{ value: place, onChange: (e) => setPlace(e.target.value) }} />
        <Input label="Lien de visioconférence (facultatif)" nativeInputProps={{ type: 'url', value: visioUrl, onChange: (e) => setVisioUrl(e.target.value) }} />
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Ordre du jour</legend>
          {agenda.length > 0 && (
            <ol>
              {agenda.map((item, index) => (
                <li key={index}>{item.title}</li>
              ))}
            </ol>
          )}
          <Input label="Point à l’ordre du jour" nativeInputProps={{ value: itemTitle, onChange: (e) => setItemTitle(e.target.value) }} />
          <Select label="Élément du plan concerné (facultatif)" nativeSelectProps={{ value: itemLink, onChange: (e) => setItemLink(e.target.value) }}>
            <option value="">Aucun</option>
            <optgroup label="Axes">
              {convention.axes.map((a) => (
                <option key={a.id} value={`axis:${a.id}`}>
                  {a.title}
                </option>
              ))}
            </optgroup>
            <optgroup label="Actions">
              {convention.actions.map((a) => (
                <option key={a.id} value={`action:${a.id}`}>
                  {a.title}
                </option>
              ))}
            </optgroup>
            <optgroup label="Indicateurs">
              {(indicators.data ?? []).map((i) => (
                <option key={i.id} value={`indicator:${i.id}`}>
                  {i.title}
                </option>
              ))}
            </optgroup>
          </Select>
          <Button type="button" priority="secondary" onClick={addItem}>
            Ajouter ce point
          </Button>
        </fieldset>
        <Button type="submit" disabled={createMeeting.isPending}>
          Planifier la réunion
        </Button>
      </form>
    </section>
  );
}
