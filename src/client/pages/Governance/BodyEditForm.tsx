import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { BODY_FREQUENCIES, BODY_FREQUENCY_LABELS, type Body } from '../../../shared/api/governance.js';
import { useGovernanceChanges } from '../../api/governance.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { parseMembers } from './BodyForm.js';

const membersText = (body: Body) => body.members.map((m) => [m.name, m.organisation ?? '', m.role ?? '', m.email ?? ''].join(' ; ').replace(/( ; )+$/, '')).join('\n');

/** Changes a body's name, frequency and members, or removes it with its meetings. */
export function BodyEditForm({ conventionId, bodies }: { conventionId: number; bodies: Body[] }) {
  const [bodyId, setBodyId] = useState(bodies[0]!.id);
  const body = bodies.find((b) => b.id === bodyId) ?? bodies[0]!;
  return (
    <section aria-labelledby="modifier-instance" className="fr-mb-6w">
      <h2 id="modifier-instance">Modifier une instance</h2>
      <Select label="Instance à modifier" nativeSelectProps={{ value: String(body.id), onChange: (e) => setBodyId(Number(e.target.value)) }}>
        {bodies.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </Select>
      <Editor key={`${body.id}-${body.version}`} conventionId={conventionId} body={body} />
    </section>
  );
}

function Editor({ conventionId, body }: { conventionId: number; body: Body }) {
  const { updateBody, deleteBody } = useGovernanceChanges(conventionId);
  const [name, setName] = useState(body.name);
  const [frequency, setFrequency] = useState(body.frequency);
  const [members, setMembers] = useState(membersText(body));
  const [error, setError] = useState<Error | null>(null);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await updateBody.mutateAsync({ id: body.id, input: { version: body.version, name, frequency, members: parseMembers(members) } });
    } catch (e) {
      setError(e as Error);
    }
  };
  const remove = () => {
    if (window.confirm(`Supprimer « ${body.name} » et toutes ses réunions ?`)) deleteBody.mutate({ id: body.id, version: body.version }, { onError: (e) => setError(e) });
  };
  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
      <Input label="Nom" nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value) }} />
      <Select label="Fréquence attendue" nativeSelectProps={{ value: frequency, onChange: (e) => setFrequency(e.target.value as Body['frequency']) }}>
        {BODY_FREQUENCIES.map((f) => (
          <option key={f} value={f}>
            {BODY_FREQUENCY_LABELS[f]}
          </option>
        ))}
      </Select>
      <Input label="Membres de l’instance" hintText="Un membre par ligne : nom ; organisation ; rôle ; adresse e-mail" textArea nativeTextAreaProps={{ value: members, onChange: (e) => setMembers(e.target.value), rows: 4 }} />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={updateBody.isPending}>
            Enregistrer l’instance
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" disabled={deleteBody.isPending} onClick={remove}>
            Supprimer l’instance
          </Button>
        </li>
      </ul>
    </form>
  );
}
