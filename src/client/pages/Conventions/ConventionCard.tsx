import { Card } from '@codegouvfr/react-dsfr/Card';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import type { ConventionSummary } from '../../../shared/api/index.js';
import { formatInteger, formatLongDate, formatPeriod } from '../../../shared/format.js';
import { ConventionStatusBadge } from '../../components/StatusBadge.js';
import { paths } from '../../paths.js';

export function ConventionCard({
  convention,
  themeLabel,
}: {
  convention: ConventionSummary;
  themeLabel: (code: string) => string;
}) {
  const territories = convention.territories.map((t) => t.name).join(', ');
  return (
    <Card
      title={convention.title}
      titleAs="h3"
      enlargeLink
      linkProps={{ to: paths.convention(convention.id) }}
      size="small"
      start={
        <>
          <ul className="fr-badges-group">
            <li>
              <ConventionStatusBadge status={convention.status} small />
            </li>
          </ul>
          {convention.themes.length > 0 && (
            <ul className="fr-tags-group fr-mt-1w" aria-label="Champs d’intervention">
              {convention.themes.map((code) => (
                <li key={code}>
                  <Tag small>{themeLabel(code)}</Tag>
                </li>
              ))}
            </ul>
          )}
        </>
      }
      desc={
        <>
          <span className="fr-text--bold">{territories || 'Périmètre à définir'}</span>
          <br />
          Période {formatPeriod(convention.startYear, convention.endYear)} ·{' '}
          {formatInteger(convention.population)} habitants · {convention.caf.name}
        </>
      }
      endDetail={
        convention.firstSignatureDate
          ? `Signée le ${formatLongDate(convention.firstSignatureDate)}`
          : 'Pas encore signée'
      }
    />
  );
}
