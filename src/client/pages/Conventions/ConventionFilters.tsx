import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CONVENTION_STATUSES, CONVENTION_STATUS_LABELS } from '../../../shared/enums.js';
import type { ConventionFilters as Filters } from '../../api/conventions.js';
import { useTerritorySearch, useThemes } from '../../api/reference.js';
import { TerritoryCombobox } from '../../components/TerritoryCombobox.js';
import { TerritoryList } from '../../components/TerritoryList.js';
import { paths } from '../../paths.js';

type Props = { filters: Filters; onChange: (next: Filters) => void };

/** Filters kept in the URL. Selects and the territory apply at once; text fields on "Filtrer". */
export function ConventionFilters({ filters, onChange }: Props) {
  const themes = useThemes();
  const [q, setQ] = useState(filters.q ?? '');
  const [year, setYear] = useState(filters.year ?? '');
  const [shown, setShown] = useState({ q: filters.q, year: filters.year });
  if (shown.q !== filters.q || shown.year !== filters.year) {
    // The URL changed (back button, reset link): show its values.
    setShown({ q: filters.q, year: filters.year });
    setQ(filters.q ?? '');
    setYear(filters.year ?? '');
  }
  const territory = useChosenTerritory(filters.territory);
  const territoryInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() || undefined, year: year.trim() || undefined });
  };

  return (
    <form onSubmit={submit} aria-labelledby="filtres-titre" className="fr-mb-4w">
      <h2 id="filtres-titre" className="fr-h4">
        Filtrer les conventions
      </h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Rechercher"
            nativeInputProps={{
              type: 'search',
              value: q,
              placeholder: 'Titre, commune, action…',
              onChange: (e) => setQ(e.target.value),
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TerritoryCombobox
            label="Territoire (commune, EPCI ou département)"
            inputRef={territoryInput}
            excludeCodes={territory ? [territory.code] : []}
            onSelect={(t) => onChange({ ...filters, territory: t.code })}
          />
          {territory && (
            <TerritoryList
              territories={[territory]}
              onRemove={() => {
                onChange({ ...filters, territory: undefined });
                territoryInput.current?.focus();
              }}
            />
          )}
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Champ d’intervention"
            nativeSelectProps={{
              value: filters.theme ?? '',
              onChange: (e) => onChange({ ...filters, theme: e.target.value || undefined }),
            }}
          >
            <option value="">Tous les champs d’intervention</option>
            {(themes.data ?? []).map((theme) => (
              <option key={theme.code} value={theme.code}>
                {theme.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Statut"
            nativeSelectProps={{
              value: filters.status ?? '',
              onChange: (e) => onChange({ ...filters, status: e.target.value || undefined }),
            }}
          >
            <option value="">Tous les statuts</option>
            {CONVENTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {CONVENTION_STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="En vigueur en (année)"
            nativeInputProps={{
              type: 'number',
              inputMode: 'numeric',
              min: 1990,
              max: 2100,
              value: year,
              onChange: (e) => setYear(e.target.value),
            }}
          />
        </div>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-2w">
        <li>
          <Button type="submit" iconId="fr-icon-search-line">
            Filtrer
          </Button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={paths.conventions}>
            Réinitialiser les filtres
          </Link>
        </li>
      </ul>
    </form>
  );
}

/** The territory of the filter, found back from its code (the URL holds only the code). */
function useChosenTerritory(code: string | undefined) {
  const search = useTerritorySearch(code ?? '', 5);
  if (!code) return undefined;
  const found = search.data?.find((t) => t.code === code);
  return found ?? { code, name: code, kind: 'commune' as const, departementCode: null, population: null };
}
