import { Link } from 'react-router';
import { ACTION_STATUS_LABELS } from '../../../shared/enums.js';
import { formatPercent } from '../../../shared/format.js';
import { useSimilarActions } from '../../api/coverage.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';

/** Actions of other conventions whose text resembles this one's: a good practice to share between territories. */
export function SimilarActionsSection({ actionId }: { actionId: number }) {
  const similar = useSimilarActions(actionId);
  return (
    <section aria-labelledby="actions-semblables" id="semblables" className="fr-mt-6w">
      <h2 id="actions-semblables">Actions semblables dans d’autres conventions</h2>
      {similar.isPending && <Loading label="Recherche des actions semblables…" />}
      {similar.isError && <ErrorAlert error={similar.error} />}
      {similar.data && (
        <>
          <p className="fr-text--sm">
            {similar.data.comparedCount} action{similar.data.comparedCount > 1 ? 's' : ''} d’autres conventions comparée
            {similar.data.comparedCount > 1 ? 's' : ''}, parmi celles que vous pouvez consulter.
          </p>
          {similar.data.items.length === 0 ? (
            <p>Aucune action d’une autre convention ne ressemble à celle-ci.</p>
          ) : (
            <ul className="fr-raw-list">
              {similar.data.items.map((item) => (
                <li key={item.id} className="fr-mb-3w">
                  <p className="fr-mb-1v">
                    <Link to={paths.action(item.id)}>{item.title}</Link> — {ACTION_STATUS_LABELS[item.status]}
                  </p>
                  <p className="fr-text--sm fr-mb-1v">
                    {item.territories.map((t) => t.name).join(', ') || item.conventionTitle} ·{' '}
                    <Link to={paths.convention(item.conventionId)}>{item.conventionTitle}</Link>
                  </p>
                  <p className="fr-text--sm fr-mb-0">
                    Similarité {formatPercent(item.score)} — mots en commun :{' '}
                    {item.matchedWords.map((w, i) => (
                      <span key={w.stem}>
                        {i > 0 && ', '}
                        <strong>{w.word}</strong>
                      </span>
                    ))}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <details className="fr-text--sm">
            <summary>Comment la similarité est calculée</summary>
            <p className="fr-mt-1w">{similar.data.method}</p>
          </details>
        </>
      )}
    </section>
  );
}
