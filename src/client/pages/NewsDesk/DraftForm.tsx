import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import type { NewsDraft, NewsDraftInput } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { renderPreview, useCreateNews, useDraftPreview, useSignatureChoices } from '../../api/news.js';
import { paths } from '../../paths.js';

type Mode = 'period' | 'signatures';

/** "2023-03" → first and last day of that month. */
function monthBounds(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year!, m!, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function DraftForm() {
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('period');
  const [month, setMonth] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [preview, setPreview] = useState<{ draft: NewsDraft; html: string } | null>(null);
  const choices = useSignatureChoices();
  const draft = useDraftPreview();
  const create = useCreateNews();

  const input = (): NewsDraftInput => (mode === 'period' ? { from, to } : { signatureEventIds: chosen });
  const error = draft.error ?? create.error;

  async function onPreview(event: FormEvent) {
    event.preventDefault();
    setPreview(null);
    create.reset();
    const result = await draft.mutateAsync(input()).catch(() => null);
    if (result) setPreview({ draft: result, html: (await renderPreview(result.body)).html });
  }

  async function onSave() {
    const item = await create.mutateAsync(input()).catch(() => null);
    if (item) void navigate(paths.newsEditor(item.id));
  }

  return (
    <section aria-labelledby="rediger">
      <h2 id="rediger">Rédiger un article</h2>
      <form onSubmit={onPreview} noValidate>
        <RadioButtons
          legend="Sur quoi écrire ?"
          orientation="horizontal"
          options={[
            { label: 'Les signatures d’une période', nativeInputProps: { checked: mode === 'period', onChange: () => setMode('period') } },
            { label: 'Des signatures choisies', nativeInputProps: { checked: mode === 'signatures', onChange: () => setMode('signatures') } },
          ]}
        />
        {mode === 'period' ? (
          <div className="fr-grid-row fr-grid-row--gutters">
            <Input
              className="fr-col-12 fr-col-md-4"
              label="Un mois"
              hintText="Remplit les deux dates"
              nativeInputProps={{
                type: 'month',
                value: month,
                onChange: (e) => {
                  setMonth(e.target.value);
                  if (/^\d{4}-\d{2}$/.test(e.target.value)) {
                    const bounds = monthBounds(e.target.value);
                    setFrom(bounds.from);
                    setTo(bounds.to);
                  }
                },
              }}
            />
            <Input className="fr-col-12 fr-col-md-4" label="Du" hintText="Premier jour inclus" nativeInputProps={{ type: 'date', value: from, onChange: (e) => setFrom(e.target.value) }} />
            <Input className="fr-col-12 fr-col-md-4" label="Au" hintText="Dernier jour inclus" nativeInputProps={{ type: 'date', value: to, onChange: (e) => setTo(e.target.value) }} />
          </div>
        ) : (
          <Checkbox
            legend="Signatures"
            hintText="Les plus récentes d’abord"
            options={(choices.data ?? []).map((s) => ({
              label: `${formatLongDate(s.date)} — ${s.conventionTitle}${s.kind === 'avenant' ? ' (avenant)' : ''}`,
              hintText: s.place ?? undefined,
              nativeInputProps: {
                checked: chosen.includes(s.id),
                onChange: (e) => setChosen((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((id) => id !== s.id))),
              },
            }))}
          />
        )}
        <Button type="submit" disabled={draft.isPending}>
          Voir le brouillon
        </Button>
      </form>
      {error && <Alert className="fr-mt-3w" severity="error" as="h3" title="Brouillon impossible" description={error.message} />}
      {preview && (
        <div className="fr-mt-4w fr-p-3w ctg-draft-preview" aria-labelledby="apercu-titre">
          <p id="apercu-titre" className="fr-h4">
            Aperçu : {preview.draft.title}
          </p>
          <div className="ctg-article" dangerouslySetInnerHTML={{ __html: preview.html }} />
          <Button onClick={() => void onSave()} disabled={create.isPending} iconId="fr-icon-save-line">
            Enregistrer ce brouillon
          </Button>
        </div>
      )}
    </section>
  );
}
