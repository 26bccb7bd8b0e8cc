import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS, type WebhookEvent } from '../../../shared/api/webhooks.js';
import { ApiError } from '../../api/http.js';
import { useWebhookChanges } from '../../api/webhooks.js';

const fieldError = (error: unknown, field: string) => (error instanceof ApiError ? error.fields?.find((f) => f.path === field)?.message : undefined);

/** Registers a URL; the signing key comes back once and is shown until the page is left. */
export function WebhookForm({ isPlatformAdmin, cafs }: { isPlatformAdmin: boolean; cafs: { id: number; name: string }[] }) {
  const { create } = useWebhookChanges();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [cafId, setCafId] = useState(isPlatformAdmin ? '' : String(cafs[0]?.id ?? ''));
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { url, events, description: description || null, cafId: cafId ? Number(cafId) : null },
      {
        onSuccess: () => {
          setUrl('');
          setDescription('');
          setEvents([]);
        },
      },
    );
  };
  const error = create.error;
  return (
    <section aria-labelledby="nouveau-webhook">
      <h2 id="nouveau-webhook">Enregistrer une adresse</h2>
      {create.data && (
        <div className="fr-mb-3w">
          <Alert
            severity="success"
            as="h3"
            title="Webhook enregistré"
            description="Copiez maintenant la clé de signature dans le logiciel qui reçoit les envois : elle ne sera plus affichée."
            className="fr-mb-2w"
          />
          <Input label="Clé de signature (HMAC-SHA256)" nativeInputProps={{ value: create.data.secret, readOnly: true, onFocus: (ev) => ev.currentTarget.select() }} />
        </div>
      )}
      {error && !fieldError(error, 'url') && !fieldError(error, 'events') && <Alert className="fr-mb-3w" severity="error" as="h3" title="Enregistrement impossible" description={error.message} />}
      <form onSubmit={submit} noValidate>
        <Input
          label="Adresse (URL) qui reçoit les envois"
          hintText="Par exemple https://entrepot.caf.example/pilote-ctg ; seule cette adresse sera appelée"
          state={fieldError(error, 'url') ? 'error' : 'default'}
          stateRelatedMessage={fieldError(error, 'url')}
          nativeInputProps={{ type: 'url', value: url, onChange: (e) => setUrl(e.target.value), maxLength: 500, autoComplete: 'off' }}
        />
        <Input label="Description (facultatif)" nativeInputProps={{ value: description, onChange: (e) => setDescription(e.target.value), maxLength: 200 }} />
        <Select label="Événements de" nativeSelectProps={{ value: cafId, onChange: (e) => setCafId(e.target.value) }}>
          {isPlatformAdmin && <option value="">Toutes les Caf</option>}
          {cafs.map((caf) => (
            <option key={caf.id} value={caf.id}>
              {caf.name}
            </option>
          ))}
        </Select>
        <Checkbox
          legend="Événements envoyés"
          state={fieldError(error, 'events') ? 'error' : 'default'}
          stateRelatedMessage={fieldError(error, 'events')}
          options={WEBHOOK_EVENTS.map((event) => ({
            label: WEBHOOK_EVENT_LABELS[event],
            nativeInputProps: {
              checked: events.includes(event),
              onChange: (e) => setEvents(e.target.checked ? [...events, event] : events.filter((x) => x !== event)),
            },
          }))}
        />
        <Button type="submit" iconId="fr-icon-add-line" disabled={create.isPending}>
          Enregistrer le webhook
        </Button>
      </form>
    </section>
  );
}
