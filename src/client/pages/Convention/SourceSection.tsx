import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { formatLongDate } from '../../../shared/format.js';
import { useConventionSource } from '../../api/imports.js';

/** Where the record came from: the text it was imported from, kept as read, for checking against the record. */
export function SourceSection({ conventionId }: { conventionId: number }) {
  const source = useConventionSource(conventionId, true);
  if (!source.data) return null;
  const { sourceName, createdAt, text } = source.data;
  return (
    <section aria-labelledby="texte-source" className="fr-mb-6w">
      <h2 id="texte-source">Texte d’origine</h2>
      <p>
        Cette convention a été créée le {formatLongDate(createdAt.slice(0, 10))} par import
        {sourceName ? <> du fichier « {sourceName} »</> : ' d’un texte collé'}. Le texte est conservé tel qu’il a été lu.
      </p>
      <Accordion label="Lire le texte importé">
        <div className="pilote-source-text" style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </div>
      </Accordion>
    </section>
  );
}
