import { Link } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import type { Action, ConventionDetail } from '../../../shared/api/index.js';
import { useThemeLabel, useThemes } from '../../api/reference.js';
import { ActionStatusBadge } from '../../components/StatusBadge.js';
import { DEFAULT_THEMES } from '../../../shared/themes.js';
import { paths } from '../../paths.js';
import { listExportUrl } from '../../api/office.js';

type Group = { code: string; label: string; actions: Action[] };

/** Actions grouped by their first (main) theme, in the order of the reference list. */
function groupByTheme(actions: Action[], order: string[], label: (code: string) => string): Group[] {
  const groups = new Map<string, Action[]>();
  for (const action of [...actions].sort((a, b) => a.position - b.position)) {
    const code = action.themes[0] ?? '';
    groups.set(code, [...(groups.get(code) ?? []), action]);
  }
  const rank = (code: string) => (code === '' ? Infinity : order.indexOf(code) === -1 ? order.length : order.indexOf(code));
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([code, list]) => ({ code, label: code ? label(code) : 'Autres actions', actions: list }));
}

export function ActionsSection({ convention }: { convention: ConventionDetail }) {
  const themes = useThemes();
  const themeLabel = useThemeLabel();
  const order = (themes.data ?? DEFAULT_THEMES).map((t) => t.code);
  const groups = groupByTheme(convention.actions, order, themeLabel);
  return (
    <section aria-labelledby="plan-actions" className="fr-mb-6w">
      <h2 id="plan-actions">{convention.abilities.publicView ? 'Actions phares' : 'Plan d’actions'}</h2>
      {!convention.abilities.publicView && convention.actions.length > 0 && (
        <p>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={listExportUrl('actions', { convention: convention.id })} download>
            Exporter la liste des actions (Excel)
          </a>
        </p>
      )}
      {groups.length === 0 && (
        <p>
          {convention.abilities.publicView
            ? 'Aucune action phare n’est publiée pour cette convention.'
            : 'Aucune action n’est encore inscrite au plan d’actions.'}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.code} aria-labelledby={`champ-${group.code || 'autres'}`} className="fr-mb-4w">
          <h3 id={`champ-${group.code || 'autres'}`}>{group.label}</h3>
          <ul className="fr-raw-list" role="list">
            {group.actions.map((action) => (
              <li key={action.id} className="fr-mb-3w">
                <ActionItem action={action} themeLabel={themeLabel} canEdit={convention.abilities.editPlan} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

type ActionItemProps = { action: Action; themeLabel: (code: string) => string; canEdit: boolean };

function ActionItem({ action, themeLabel, canEdit }: ActionItemProps) {
  const details: [string, string][] = [];
  if (action.places.length > 0) details.push([action.places.length > 1 ? 'Lieux' : 'Lieu', action.places.join(', ')]);
  if (action.scope) details.push(['Périmètre', action.scope]);
  if (action.targetPublic) details.push(['Public visé', action.targetPublic]);
  if (action.pilot) details.push(['Pilote', action.pilot]);
  if (action.partners.length > 0) details.push(['Partenaires', action.partners.join(', ')]);
  const otherThemes = action.themes.slice(1);
  return (
    <article className="fr-p-3w ctg-action">
      <h4 className="fr-h6 fr-mb-1w">
        <Link to={paths.action(action.id)}>{action.title}</Link>
      </h4>
      <p className="fr-mb-1w">
        <ActionStatusBadge status={action.status} /> <span className="fr-text--sm">avancement {action.progress} %</span>{' '}
        {action.highlighted && (
          <Badge as="span" small severity="new" noIcon>
            Action phare
          </Badge>
        )}
      </p>
      {action.description && <p className="fr-mb-1w">{action.description}</p>}
      {details.length > 0 && (
        <dl className="ctg-details fr-mb-1w">
          {details.map(([term, value]) => (
            <div key={term}>
              <dt>{term} :</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {(action.labels.length > 0 || otherThemes.length > 0) && (
        <ul className="fr-tags-group" aria-label="Labels et autres champs d’intervention">
          {action.labels.map((label) => (
            <li key={`label-${label}`}>
              <Tag small>{label}</Tag>
            </li>
          ))}
          {otherThemes.map((code) => (
            <li key={`theme-${code}`}>
              <Tag small>{themeLabel(code)}</Tag>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Link className="fr-link fr-icon-edit-line fr-link--icon-left" to={paths.editAction(action.id)}>
          Modifier<span className="fr-sr-only"> l’action « {action.title} »</span>
        </Link>
      )}
    </article>
  );
}
