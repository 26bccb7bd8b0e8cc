import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Territory } from '../../shared/api/index.js';
import { describeTerritory } from './TerritoryCombobox.js';

/** The territories chosen so far, each with a button to remove it. */
export function TerritoryList({
  territories,
  onRemove,
  emptyText = 'Aucun territoire choisi.',
}: {
  territories: Territory[];
  onRemove: (code: string) => void;
  emptyText?: string;
}) {
  if (territories.length === 0) return <p className="fr-text--sm fr-mt-1w">{emptyText}</p>;
  return (
    <ul className="fr-raw-list fr-mt-1w" role="list">
      {territories.map((territory) => (
        <li key={territory.code} className="fr-mb-1w">
          <strong>{territory.name}</strong> <span className="fr-text--sm">({describeTerritory(territory)})</span>{' '}
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-close-line"
            onClick={() => onRemove(territory.code)}
          >
            Retirer<span className="fr-sr-only"> {territory.name}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
