import { Link } from 'react-router';
import type { FollowUpDashboard } from '../../../shared/api/index.js';
import { ACTION_STATUS_LABELS } from '../../../shared/enums.js';
import { formatLongDate } from '../../../shared/format.js';
import { paths } from '../../paths.js';

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A Gantt-like view of the actions over the convention's years; undated actions are listed apart. */
export function Timeline({ data }: { data: FollowUpDashboard }) {
  const start = dayOf(`${data.startYear}-01-01`);
  const end = dayOf(`${data.endYear + 1}-01-01`);
  const years = Array.from({ length: data.endYear - data.startYear + 1 }, (_, i) => data.startYear + i);
  const share = (iso: string) => Math.min(100, Math.max(0, ((dayOf(iso) - start) / (end - start)) * 100));
  const dated = data.timeline.filter((a) => a.startDate || a.endDate);
  const undated = data.timeline.filter((a) => !a.startDate && !a.endDate);
  return (
    <section aria-labelledby="calendrier" className="fr-mb-6w">
      <h2 id="calendrier">Calendrier des actions</h2>
      <div className="ctg-gantt" aria-hidden="true">
        <div className="ctg-gantt__row ctg-gantt__head">
          <span className="ctg-gantt__label" />
          <span className="ctg-gantt__track">
            {years.map((y) => (
              <span key={y} className="ctg-gantt__year" style={{ left: `${share(`${y}-01-01`)}%` }}>
                {y}
              </span>
            ))}
          </span>
        </div>
        {dated.map((a) => {
          const from = share(a.startDate ?? `${data.startYear}-01-01`);
          const to = share(a.endDate ?? `${data.endYear}-12-31`);
          return (
            <div key={a.id} className="ctg-gantt__row">
              <span className="ctg-gantt__label">{a.title}</span>
              <span className="ctg-gantt__track">
                <span className={`ctg-gantt__bar ctg-gantt__bar--${a.status}`} style={{ left: `${from}%`, width: `${Math.max(1, to - from)}%` }}>
                  <span className="ctg-gantt__done" style={{ width: `${a.progress}%` }} />
                </span>
              </span>
            </div>
          );
        })}
      </div>
      <ul className="fr-mt-2w">
        {dated.map((a) => (
          <li key={a.id}>
            <Link to={paths.action(a.id)}>{a.title}</Link> : {a.startDate ? `du ${formatLongDate(a.startDate)}` : 'début non précisé'}{' '}
            {a.endDate ? `au ${formatLongDate(a.endDate)}` : ''} — {ACTION_STATUS_LABELS[a.status]}, {a.progress} %
          </li>
        ))}
      </ul>
      {undated.length > 0 && <p className="fr-text--sm">Sans dates : {undated.map((a) => a.title).join(' ; ')}.</p>}
    </section>
  );
}
