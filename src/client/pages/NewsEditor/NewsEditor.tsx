import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import type { NewsItem } from '../../../shared/api/index.js';
import { ApiError } from '../../api/http.js';
import { renderPreview, useRegenerateNews, useUpdateNews } from '../../api/news.js';

/** Title and Markdown body, with a preview rendered (and sanitised) by the server, and regeneration that asks first. */
export function NewsEditor({ item, onSaved }: { item: NewsItem; onSaved: (notice: string) => void }) {
  const [title, setTitle] = useState(item.title);
  const [body, setBody] = useState(item.body);
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const [previewHtml, setPreviewHtml] = useState(item.html);
  const update = useUpdateNews(item.id);
  const regenerate = useRegenerateNews(item.id);
  const archived = item.status === 'archive';
  const dirty = title !== item.title || body !== item.body;
  const needsConfirmation = regenerate.error instanceof ApiError && regenerate.error.code === 'human_edits';
  const error = update.error ?? (needsConfirmation ? null : regenerate.error);

  async function showPreview() {
    setView('preview');
    setPreviewHtml((await renderPreview(body).catch(() => ({ html: item.html }))).html);
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    const ok = await update.mutateAsync({ version: item.version, title, body }).catch(() => null);
    if (ok) onSaved('Article enregistré.');
  }

  return (
    <form onSubmit={onSave} noValidate>
      {error && <Alert severity="error" as="h2" title="Enregistrement impossible" description={error.message} className="fr-mb-3w" />}
      {needsConfirmation && (
        <Alert
          severity="warning"
          as="h2"
          title="Des modifications faites à la main seraient perdues"
          description={
            <>
              <span className="fr-mb-2w" style={{ display: 'block' }}>{regenerate.error?.message}</span>
              <Button type="button" priority="secondary" onClick={() => regenerate.mutate({ version: item.version, overwrite: true }, { onSuccess: () => onSaved('Article régénéré à partir des données.') })}>
                Remplacer mes modifications par le texte régénéré
              </Button>
            </>
          }
          className="fr-mb-3w"
        />
      )}
      <Input label="Titre" disabled={archived} nativeInputProps={{ value: title, onChange: (e) => setTitle(e.target.value), required: true }} />
      <SegmentedControl
        legend="Affichage du texte"
        hideLegend
        small
        segments={[
          { label: 'Texte (Markdown)', nativeInputProps: { checked: view === 'edit', onChange: () => setView('edit') } },
          { label: 'Aperçu', nativeInputProps: { checked: view === 'preview', onChange: () => void showPreview() } },
        ]}
      />
      {view === 'edit' ? (
        <Input
          className="fr-mt-2w"
          label="Texte de l’article"
          hintText="Markdown : « ## » pour un intertitre, « - » pour une liste. Le titre est saisi à part."
          textArea
          disabled={archived}
          nativeTextAreaProps={{ value: body, onChange: (e) => setBody(e.target.value), rows: 24, spellCheck: true }}
        />
      ) : (
        <div className="fr-mt-2w fr-p-3w ctg-draft-preview ctg-article" aria-live="polite" dangerouslySetInnerHTML={{ __html: previewHtml }} />
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <li>
          <Button type="submit" disabled={archived || !dirty || update.isPending}>
            Enregistrer
          </Button>
        </li>
        {item.status === 'brouillon' && (
          <li>
            <Button
              type="button"
              priority="secondary"
              iconId="fr-icon-refresh-line"
              disabled={regenerate.isPending}
              onClick={() => regenerate.mutate({ version: item.version, overwrite: false }, { onSuccess: () => onSaved('Article régénéré à partir des données.') })}
            >
              Régénérer depuis les données
            </Button>
          </li>
        )}
      </ul>
      {dirty && <p className="fr-text--sm">Des modifications ne sont pas encore enregistrées.</p>}
    </form>
  );
}
