import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useNewsItem } from '../../api/news.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { parseId } from '../../paths.js';
import { NewsEditor } from './NewsEditor.js';
import { NewsSidePanel } from './NewsSidePanel.js';

export default function NewsEditorPage() {
  const id = parseId(useParams().id);
  const item = useNewsItem(id);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(item.data ? `Article : ${item.data.title}` : 'Article');
  if (Number.isNaN(id)) return <LoadError error={new Error('Adresse d’article invalide.')} />;
  if (item.isPending) return <Loading label="Chargement de l’article…" />;
  if (item.isError) return <LoadError error={item.error} />;
  return (
    <>
      <h1>{item.data.title}</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-8">
          {/* A new key after each save or regeneration resets the form to the server's text. */}
          {notice && <Alert small severity="success" description={notice} className="fr-mb-3w" closable onClose={() => setNotice(null)} />}
          <NewsEditor key={`${item.data.id}-${item.data.version}`} item={item.data} onSaved={setNotice} />
        </div>
        <div className="fr-col-12 fr-col-lg-4">
          <NewsSidePanel item={item.data} />
        </div>
      </div>
    </>
  );
}
