import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { TERRITORY_KIND_LABELS } from '../../../shared/enums.js';
import { formatInteger } from '../../../shared/format.js';

export function PerimeterSection({ convention }: { convention: ConventionDetail }) {
  return (
    <section aria-labelledby="perimetre" className="fr-mb-6w">
      <h2 id="perimetre">Périmètre</h2>
      <p>
        {convention.territories.length} territoire{convention.territories.length > 1 ? 's' : ''},{' '}
        {formatInteger(convention.population)} habitants (population municipale des communes du périmètre).
      </p>
      {convention.territories.length > 0 && (
        <Table
          caption="Territoires du périmètre"
          noCaption
          headers={['Territoire', 'Type', 'Code', 'Population']}
          data={convention.territories.map((t) => [
            t.name,
            TERRITORY_KIND_LABELS[t.kind],
            t.code,
            t.population === null ? '—' : formatInteger(t.population),
          ])}
        />
      )}
    </section>
  );
}
