import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { useIndicators, useMoveAxis } from '../../api/follow-up.js';
import { AxisIndicators } from './AxisIndicators.js';
import { ErrorAlert } from '../../components/PageState.js';

/**
 * The plan's axes in order, each with the progress rolled up from its actions (plain mean of its
 * top-level actions, completed ones at 100 %, abandoned ones left out), movable up and down.
 */
export function AxesSection({ convention }: { convention: ConventionDetail }) {
  const move = useMoveAxis(convention.id);
  // Indicators are internal follow-up data: not fetched for the public view.
  const internal = !convention.abilities.publicView;
  const indicators = useIndicators(internal ? convention.id : Number.NaN);
  if (convention.axes.length === 0) return null;
  const axes = [...convention.axes].sort((a, b) => a.position - b.position);
  return (
    <section aria-labelledby="axes" className="fr-mb-6w">
      <h2 id="axes">Axes du plan d’actions</h2>
      {internal && indicators.isError && <ErrorAlert error={indicators.error} />}
      <p className="fr-hint-text">L’avancement d’un axe est la moyenne de celui de ses actions (réalisées : 100 % ; abandonnées : non comptées).</p>
      {move.isError && <ErrorAlert error={move.error} />}
      <ol>
        {axes.map((axis, i) => (
          <li key={axis.id} className="fr-mb-2w">
            <strong>{axis.title}</strong> — {axis.actionCount} action{axis.actionCount > 1 ? 's' : ''}
            {axis.progress !== null && <>, avancement {axis.progress} %</>}{' '}
            {axis.progress !== null && <progress className="ctg-progress" max={100} value={axis.progress} aria-label={`Avancement de l’axe « ${axis.title} »`} />}
            <span className="fr-ml-2w">
              <Button size="small" priority="tertiary" iconId="fr-icon-arrow-up-line" disabled={i === 0 || move.isPending} onClick={() => move.mutate({ axis, direction: 'up' })} title={`Monter l’axe « ${axis.title} »`} />
              <Button size="small" priority="tertiary" iconId="fr-icon-arrow-down-line" disabled={i === axes.length - 1 || move.isPending} onClick={() => move.mutate({ axis, direction: 'down' })} title={`Descendre l’axe « ${axis.title} »`} />
            </span>
            {internal && indicators.data && (
              <AxisIndicators axis={axis} indicators={indicators.data.filter((i) => i.axisId === axis.id)} canEdit={convention.abilities.editPlan} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
