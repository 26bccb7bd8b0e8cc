import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { CoveredCommune } from '../../../shared/api/index.js';
import { formatInteger } from '../../../shared/format.js';
import { paths } from '../../paths.js';
import { csvHref } from './csv.js';

type SortKey = 'name' | 'population' | 'covered';
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Commune' },
  { key: 'population', label: 'Population' },
  { key: 'covered', label: 'Couverture' },
];

function compare(key: SortKey) {
  return (a: CoveredCommune, b: CoveredCommune): number => {
    if (key === 'population') return a.population - b.population;
    if (key === 'covered') return Number(a.covered) - Number(b.covered) || b.population - a.population;
    return a.name.localeCompare(b.name, 'fr');
  };
}

/** A département's communes, sortable by name, population or coverage status (buttons in the column headers). */
export function CommunesTable({ communes, caption, fileName }: { communes: CoveredCommune[]; caption: string; fileName: string }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'covered', descending: true });
  const sorted = [...communes].sort(compare(sort.key));
  if (sort.descending) sorted.reverse();
  const toggle = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  const csv = csvHref(
    ['Code INSEE', 'Commune', 'Population', 'Couverte', 'Conventions'],
    sorted.map((c) => [c.code, c.name, c.population, c.covered ? 'oui' : 'non', c.conventionIds.join(' ')]),
  );
  return (
    <>
      <div className="fr-table fr-table--no-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {COLUMNS.map((col) => (
                <th key={col.key} scope="col" aria-sort={sort.key === col.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" onClick={() => toggle(col.key)}>
                    {col.label}
                    <span className="fr-sr-only"> : trier</span>
                  </button>
                </th>
              ))}
              <th scope="col">Conventions en vigueur</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {c.name} <span className="fr-text--xs">({c.code})</span>
                </th>
                <td>{formatInteger(c.population)}</td>
                <td>
                  {c.covered ? (
                    <Badge severity="success" small noIcon>
                      Couverte
                    </Badge>
                  ) : (
                    <Badge small noIcon>
                      Non couverte
                    </Badge>
                  )}
                </td>
                <td>
                  {c.conventionIds.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ', '}
                      <Link to={paths.convention(id)}>Convention n° {id}<span className="fr-sr-only"> ({c.name})</span></Link>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <a className="fr-link fr-icon-download-line fr-link--icon-left ctg-no-print" href={csv} download={fileName}>
        Télécharger la liste des communes (CSV)
      </a>
    </>
  );
}
