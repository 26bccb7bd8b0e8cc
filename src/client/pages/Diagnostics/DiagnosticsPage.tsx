import { useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { DataSeries } from '../../../shared/api/index.js';
import { formatInteger } from '../../../shared/format.js';
import { useDataSeries } from '../../api/diagnostics.js';
import { canCreateConvention, useMe } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { TerritoryCombobox } from '../../components/TerritoryCombobox.js';
import { ChildcareResult } from './ChildcareSection.js';
import { ImportSeriesForm } from './ImportSeriesForm.js';
import { SeriesCompareSection } from './SeriesCompareSection.js';
import '../Coverage/print.css';

const CODE = /^[a-z][a-z0-9_]{1,59}$/;
const TERRITORY = /^[0-9][0-9AB][0-9]{0,7}$/;

/** Territorial series for the shared diagnosis: what is loaded, a territory against its département and France, childcare coverage. */
export default function DiagnosticsPage() {
  usePageTitle('Données du diagnostic territorial');
  const [params, setParams] = useSearchParams();
  const read = (key: string, pattern: RegExp) => (pattern.test(params.get(key) ?? '') ? params.get(key)! : undefined);
  const filters = { serie: read('serie', CODE), territoire: read('territoire', TERRITORY), places: read('places', CODE), enfants: read('enfants', CODE) };
  const update = (changes: Partial<typeof filters>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const series = useDataSeries();
  const me = useMe();
  const canImport = canCreateConvention(me.data?.user);

  return (
    <>
      <h1>Données du diagnostic territorial</h1>
      <p className="fr-text--lead">
        Séries de données par territoire (communes, départements, France) pour le diagnostic partagé : importées depuis les fichiers ouverts
        des Caf ou un tableau simple, comparées au département et à la France.
      </p>
      <section aria-labelledby="series" className="fr-mb-6w">
        <h2 id="series">Séries disponibles</h2>
        {series.isPending && <Loading />}
        {series.isError && <ErrorAlert error={series.error} />}
        {series.data && <SeriesTable series={series.data} />}
      </section>
      {series.data && series.data.length > 0 && (
        <>
          <section aria-labelledby="comparer" className="fr-mb-6w">
            <h2 id="comparer">Un territoire face à son département et à la France</h2>
            <div className="fr-grid-row fr-grid-row--gutters ctg-no-print">
              <div className="fr-col-12 fr-col-md-6">
                <SeriesSelect label="Série" value={filters.serie} series={series.data} onChange={(serie) => update({ serie })} />
              </div>
              <div className="fr-col-12 fr-col-md-6">
                <TerritoryCombobox
                  label="Territoire"
                  hint={filters.territoire ? `Territoire choisi : code ${filters.territoire}. Tapez un nom pour en changer.` : 'Tapez au moins deux lettres du nom'}
                  onSelect={(t) => update({ territoire: t.code })}
                />
              </div>
            </div>
            <SeriesCompareSection series={filters.serie} territory={filters.territoire} />
          </section>
          <section aria-labelledby="taux-eaje" className="fr-mb-6w">
            <h2 id="taux-eaje">Taux de couverture en accueil du jeune enfant</h2>
            <div className="fr-grid-row fr-grid-row--gutters ctg-no-print">
              <div className="fr-col-12 fr-col-md-6">
                <SeriesSelect label="Série des places d’accueil" value={filters.places} series={series.data} onChange={(places) => update({ places })} />
              </div>
              <div className="fr-col-12 fr-col-md-6">
                <SeriesSelect label="Série des enfants de moins de 3 ans" value={filters.enfants} series={series.data} onChange={(enfants) => update({ enfants })} />
              </div>
            </div>
            <ChildcareResult territory={filters.territoire} capacity={filters.places} children={filters.enfants} />
          </section>
        </>
      )}
      {canImport && (
        <section className="fr-mb-6w ctg-no-print">
          <ImportSeriesForm onImported={(serie) => update({ serie })} />
        </section>
      )}
    </>
  );
}

function SeriesSelect({ label, value, series, onChange }: { label: string; value?: string; series: DataSeries[]; onChange: (code?: string) => void }) {
  return (
    <Select label={label} nativeSelectProps={{ value: value ?? '', onChange: (e) => onChange(e.target.value || undefined) }}>
      <option value="">— Choisir —</option>
      {series.map((s) => (
        <option key={s.code} value={s.code}>
          {s.label} ({s.unit})
        </option>
      ))}
    </Select>
  );
}

function SeriesTable({ series }: { series: DataSeries[] }) {
  if (series.length === 0) return <p>Aucune série importée pour l’instant.</p>;
  return (
    <div className="fr-table fr-table--no-scroll">
      <table>
        <caption>Séries importées</caption>
        <thead>
          <tr>
            <th scope="col">Série</th>
            <th scope="col">Code</th>
            <th scope="col">Unité</th>
            <th scope="col">Source</th>
            <th scope="col">Valeurs</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.code}>
              <th scope="row">{s.label}</th>
              <td>{s.code}</td>
              <td>{s.unit}</td>
              <td>
                {s.source ?? '—'}
                {s.roundedTo ? ` (arrondi à ${s.roundedTo})` : ''}
              </td>
              <td>{formatInteger(s.valueCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
