import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Meeting } from '../../../shared/api/index.js';
import { useMeetingChanges } from '../../api/governance.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';

/** Reschedules or moves a meeting; sending the invitations again then invites to the new date. */
export function MeetingEditForm({ meeting }: { meeting: Meeting }) {
  const { update } = useMeetingChanges(meeting.id);
  const [startsAt, setStartsAt] = useState(meeting.startsAt);
  const [duration, setDuration] = useState(String(meeting.durationMinutes));
  const [place, setPlace] = useState(meeting.place ?? '');
  const [visioUrl, setVisioUrl] = useState(meeting.visioUrl ?? '');
  const [error, setError] = useState<Error | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await update.mutateAsync({ version: meeting.version, startsAt, durationMinutes: Number(duration) || meeting.durationMinutes, place: place.trim() || null, visioUrl: visioUrl.trim() || null });
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <details className="fr-mb-6w">
      <summary>Modifier la date, la durée ou le lieu</summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="fr-mt-2w">
        {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
        <Input label="Nouvelle date et heure" nativeInputProps={{ type: 'datetime-local', value: startsAt, onChange: (e) => setStartsAt(e.target.value.slice(0, 16)) }} />
        <Input label="Durée prévue (minutes)" nativeInputProps={{ inputMode: 'numeric', value: duration, onChange: (e) => setDuration(e.target.value) }} />
        <Input label="Lieu de la réunion" nativeInputProps={{ value: place, onChange: (e) => setPlace(e.target.value) }} />
        <Input label="Lien de visioconférence" nativeInputProps={{ type: 'url', value: visioUrl, onChange: (e) => setVisioUrl(e.target.value) }} />
        <Button type="submit" priority="secondary" disabled={update.isPending}>
          Enregistrer les changements
        </Button>
      </form>
    </details>
  );
}
