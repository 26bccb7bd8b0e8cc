import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { BODY_FREQUENCIES, BODY_FREQUENCY_LABELS, BODY_KINDS, BODY_KIND_LABELS, type BodyKind, type BodyMember } from '../../../shared/api/governance.js';
import { useGovernanceChanges } from '../../api/governance.js';
import { serverFieldMessage } from '../../api/http.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';

/** « Nom ; organisation ; rôle ; e-mail », one member a line: quick to type or paste from a list. */
export function parseMembers(text: string): BodyMember[] {
  return text
    .split('\n')
    .map((line) => line.split(';').map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([name, organisation, role, email]) => ({ name: name!, organisation: organisation || null, role: role || null, email: email || null }));
}

export function BodyForm({ conventionId }: { conventionId: number }) {
  const { createBody } = useGovernanceChanges(conventionId);
  const [kind, setKind] = useState<BodyKind>('copil');
  const [name, setName] = useState('Comité de pilotage');
  const [frequency, setFrequency] = useState<(typeof BODY_FREQUENCIES)[number]>('semestrielle');
  const [members, setMembers] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await createBody.mutateAsync({ kind, name, frequency, members: parseMembers(members) });
      setMembers('');
    } catch (e) {
      setError(e as Error);
    }
  };
  const fieldError = (field: string) => (error ? serverFieldMessage(error, field) : undefined);
  return (
    <section aria-labelledby="nouvelle-instance" className="fr-mb-6w">
      <h2 id="nouvelle-instance">Créer une instance</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
        <Select label="Type d’instance" nativeSelectProps={{ value: kind, onChange: (e) => setKind(e.target.value as BodyKind) }}>
          {BODY_KINDS.map((k) => (
            <option key={k} value={k}>
              {BODY_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Input label="Nom de l’instance" state={fieldError('name') ? 'error' : 'default'} stateRelatedMessage={fieldError('name')} nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value) }} />
        <Select label="Fréquence attendue des réunions" nativeSelectProps={{ value: frequency, onChange: (e) => setFrequency(e.target.value as typeof frequency) }}>
          {BODY_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {BODY_FREQUENCY_LABELS[f]}
            </option>
          ))}
        </Select>
        <Input
          label="Membres"
          hintText="Un membre par ligne : nom ; organisation ; rôle ; adresse e-mail (pour les invitations). Par exemple : Claire Martin ; Caf des Hauts-de-Seine ; co-présidente ; claire.martin@exemple.fr"
          textArea
          nativeTextAreaProps={{ value: members, onChange: (e) => setMembers(e.target.value), rows: 4 }}
        />
        <Button type="submit" disabled={createBody.isPending}>
          Créer l’instance
        </Button>
      </form>
    </section>
  );
}
