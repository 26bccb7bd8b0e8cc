import { Tag } from '@codegouvfr/react-dsfr/Tag';
import type { Action, ConventionDetail } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { ACTION_PRIORITY_LABELS, FACILITY_KIND_LABELS } from '../../../shared/plan.js';
import { useThemeLabel } from '../../api/reference.js';

/** Everything the fiche says, as a definition list, then its facilities. */
export function FicheSummary({ action, convention }: { action: Action; convention: ConventionDetail | undefined }) {
  const themeLabel = useThemeLabel();
  const axisTitle = (id: number) => convention?.axes.find((a) => a.id === id)?.title ?? `Axe ${id}`;
  const rows: [string, string][] = [];
  if (action.statusReason) rows.push(['Motif du statut', action.statusReason]);
  rows.push(['Avancement', `${action.progress} %`]);
  if (action.priority) rows.push(['Priorité', ACTION_PRIORITY_LABELS[action.priority]]);
  if (action.startDate || action.endDate) {
    rows.push(['Calendrier', `${action.startDate ? `du ${formatLongDate(action.startDate)}` : ''} ${action.endDate ? `au ${formatLongDate(action.endDate)}` : ''}`.trim()]);
  }
  if (action.axisIds.length > 0) rows.push([action.axisIds.length > 1 ? 'Axes' : 'Axe', action.axisIds.map(axisTitle).join(' ; ')]);
  rows.push(['Champs d’intervention', action.themes.map(themeLabel).join(', ')]);
  const pilots = [action.pilot, action.pilotUserName && action.pilotUserName !== action.pilot ? `${action.pilotUserName} (compte)` : null, action.pilotOrganisationName && action.pilotOrganisationName !== action.pilot ? action.pilotOrganisationName : null].filter(Boolean);
  if (pilots.length) rows.push(['Pilote', pilots.join(' · ')]);
  if (action.partners.length) rows.push(['Partenaires', action.partners.join(', ')]);
  if (action.targetPublic) rows.push(['Public visé', action.targetPublic]);
  if (action.scope) rows.push(['Périmètre', action.scope]);
  if (action.places.length) rows.push(['Lieux', action.places.join(', ')]);
  return (
    <section aria-labelledby="fiche" className="fr-mb-6w">
      <h2 id="fiche">La fiche</h2>
      {action.description && <p>{action.description}</p>}
      {action.objectives && (
        <>
          <h3 className="fr-h6 fr-mb-1w">Objectifs</h3>
          <p>{action.objectives}</p>
        </>
      )}
      <div className="fr-mb-2w">
        <progress className="ctg-progress" max={100} value={action.progress} aria-label={`Avancement : ${action.progress} %`} />
      </div>
      <dl className="ctg-details fr-mb-2w">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term} :</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {action.labels.length > 0 && (
        <ul className="fr-tags-group" aria-label="Labels">
          {action.labels.map((label) => (
            <li key={label}>
              <Tag small>{label}</Tag>
            </li>
          ))}
        </ul>
      )}
      <h3 className="fr-h6 fr-mb-1w">Équipements</h3>
      {action.facilities.length === 0 ? (
        <p>Aucun équipement rattaché.</p>
      ) : (
        <ul>
          {action.facilities.map((f, i) => (
            <li key={i}>
              {f.name} — {FACILITY_KIND_LABELS[f.kind]}
              {f.capacity !== null && ` · capacité ${f.capacity}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
