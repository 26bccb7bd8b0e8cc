import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type TextPart } from '../../../shared/api/search.js';
import { useSearch } from '../../api/search.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert } from '../../components/PageState.js';
import { paths } from '../../paths.js';

const KIND_LABELS: Record<SearchKind, string> = { convention: 'Convention', action: 'Action', note: 'Note de suivi' };
const KIND_FILTERS: Record<SearchKind, string> = { convention: 'Conventions', action: 'Actions', note: 'Notes de suivi' };

/** Matched words come as parts from the API: rendered as <mark>, never as HTML. */
function Marked({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

const hitLink = (hit: SearchHit) => (hit.kind === 'convention' ? paths.convention(hit.conventionId) : paths.action(hit.actionId!));

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className="fr-mb-3w">
      <p className="fr-mb-1v">
        <Tag small as="span">{KIND_LABELS[hit.kind]}</Tag>
      </p>
      <h3 className="fr-h6 fr-mb-1v">
        <Link to={hitLink(hit)}>
          {hit.kind === 'note' && 'Note sur l’action « '}
          <Marked parts={hit.title} />
          {hit.kind === 'note' && ' »'}
        </Link>
      </h3>
      {hit.snippet.length > 0 && (
        <p className="fr-mb-1v">
          <Marked parts={hit.snippet} />
        </p>
      )}
      {hit.kind !== 'convention' && <p className="fr-text--sm fr-mb-0">{hit.conventionTitle}</p>}
    </li>
  );
}

export default function SearchPage() {
  usePageTitle('Recherche');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = (SEARCH_KINDS as readonly string[]).includes(params.get('type') ?? '') ? (params.get('type') as SearchKind) : '';
  const [draft, setDraft] = useState(q);
  const [draftKind, setDraftKind] = useState<SearchKind | ''>(kind);
  const result = useSearch(q, kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draftKind ? { q: draft.trim(), type: draftKind } : { q: draft.trim() });
  };
  return (
    <>
      <h1>Recherche</h1>
      <p className="fr-text--lead">Dans les conventions, les fiches action et les notes de suivi auxquelles vous avez accès. Les accents et les pluriels sont pris en compte.</p>
      <form role="search" aria-label="Recherche plein texte" onSubmit={submit} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-4w">
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Mots recherchés" hintText="Au moins deux caractères, par exemple « crèches familiales »" nativeInputProps={{ type: 'search', value: draft, onChange: (e) => setDraft(e.target.value), minLength: 2, required: true }} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select label="Type de résultat" nativeSelectProps={{ value: draftKind, onChange: (e) => setDraftKind(e.target.value as SearchKind | '') }}>
            <option value="">Tous</option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k}>{KIND_FILTERS[k]}</option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3 fr-mb-3v">
          <Button type="submit" iconId="fr-icon-search-line">Rechercher</Button>
        </div>
      </form>
      <div aria-live="polite">
        {result.isError && <ErrorAlert error={result.error} />}
        {result.data && q && <Results q={q} hits={result.data.hits} />}
        {result.isFetching && <p role="status">Recherche en cours…</p>}
      </div>
    </>
  );
}

function Results({ q, hits }: { q: string; hits: SearchHit[] }) {
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">{hits.length === 0 ? `Aucun résultat pour « ${q} »` : `${hits.length} résultat${hits.length > 1 ? 's' : ''} pour « ${q} », les plus pertinents d’abord`}</h2>
      <ol className="fr-raw-list">
        {hits.map((hit) => (
          <Hit key={`${hit.kind}-${hit.id}`} hit={hit} />
        ))}
      </ol>
    </section>
  );
}
