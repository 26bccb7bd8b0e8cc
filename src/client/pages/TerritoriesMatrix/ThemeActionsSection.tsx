import { Link } from 'react-router';
import { ACTION_STATUS_LABELS } from '../../../shared/enums.js';
import { useThemeActions } from '../../api/coverage.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';

/** The drill-down of the matrix: the actions of one field, in one convention or all of the territory's. */
export function ThemeActionsSection({ departement, theme, convention }: { departement?: string; theme: string; convention?: number }) {
  const actions = useThemeActions({ departement, theme, convention });
  return (
    <section aria-labelledby="actions-du-champ" className="fr-mt-6w">
      {actions.isPending && <Loading />}
      {actions.isError && (
        <>
          <h2 id="actions-du-champ">Actions</h2>
          <ErrorAlert error={actions.error} />
        </>
      )}
      {actions.data && (
        <>
          <h2 id="actions-du-champ">
            Actions « {actions.data.theme.label} »{convention ? ' de la convention choisie' : ''} ({actions.data.actions.length})
          </h2>
          {convention && (
            <p>
              <Link to={paths.themesMatrix({ departement, theme })}>Voir les actions « {actions.data.theme.label} » de toutes les conventions</Link>
            </p>
          )}
          {actions.data.actions.length === 0 ? (
            <p>Aucune action de ce champ sur ce territoire.</p>
          ) : (
            <ul>
              {actions.data.actions.map((a) => (
                <li key={a.id} className="fr-mb-2w">
                  <Link to={paths.action(a.id)}>
                    <strong>{a.title}</strong>
                  </Link>{' '}
                  — {ACTION_STATUS_LABELS[a.status]}
                  <br />
                  <Link to={paths.convention(a.conventionId)}>{a.conventionTitle}</Link> ·{' '}
                  <Link to={`${paths.action(a.id)}#semblables`}>
                    Actions semblables<span className="fr-sr-only"> à « {a.title} »</span>
                  </Link>
                  {a.description && <p className="fr-text--sm fr-mb-0">{a.description}</p>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
