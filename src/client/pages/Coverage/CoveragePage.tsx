import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useCoverage, useCoverageByDepartement } from '../../api/coverage.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import { AreasTable } from './AreasTable.js';
import { CommunesTable } from './CommunesTable.js';
import { CoverageFigures } from './CoverageFigures.js';
import { TimelineSection } from './TimelineSection.js';
import './print.css';

const FranceMap = lazy(() => import('./FranceMap.js'));
const today = () => new Date().toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEPARTEMENT = /^(?:[0-9][0-9AB]|97[1-6])$/;

export default function CoveragePage() {
  const [params, setParams] = useSearchParams();
  const date = DATE.test(params.get('date') ?? '') ? params.get('date')! : undefined;
  const departement = DEPARTEMENT.test(params.get('departement') ?? '') ? params.get('departement')! : undefined;
  usePageTitle(departement ? `Couverture du département ${departement}` : 'Couverture de la population');
  const coverage = useCoverage({ departement, date });
  const hrefOf = (code: string) => paths.coverage({ departement: code, date });

  return (
    <>
      <h1>Couverture de la population par les conventions territoriales globales</h1>
      <DateFilter
        date={date ?? today()}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          next.set('date', value);
          setParams(next);
        }}
      />
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm ctg-no-print">
        {departement && (
          <li>
            <Link className="fr-btn fr-btn--secondary fr-icon-arrow-left-line fr-btn--icon-left" to={paths.coverage({ date })}>
              France entière
            </Link>
          </li>
        )}
        <li>
          <Link className="fr-btn fr-btn--secondary" to={paths.themesMatrix({ departement })}>
            Champs d’intervention par territoire
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={paths.renewals({ departement })}>
            Calendrier des renouvellements
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={paths.coverageTargets()}>
            Cibles de couverture
          </Link>
        </li>
        <li>
          <Button priority="tertiary" iconId="fr-icon-printer-line" onClick={() => window.print()}>
            Imprimer
          </Button>
        </li>
      </ul>
      {coverage.isPending && <Loading label="Calcul de la couverture…" />}
      {coverage.isError && <ErrorAlert error={coverage.error} />}
      {coverage.data && <CoverageFigures coverage={coverage.data} />}
      {departement ? (
        coverage.data && (
          <section aria-labelledby="communes">
            <h2 id="communes">Communes du département</h2>
            <CommunesTable
              communes={coverage.data.communes}
              caption={`Communes de ${coverage.data.scope.name} et leur couverture au ${coverage.data.date}`}
              fileName={`couverture-${departement}-${coverage.data.date}.csv`}
            />
          </section>
        )
      ) : (
        <DepartementsSection date={date} hrefOf={hrefOf} />
      )}
      <TimelineSection departement={departement} />
    </>
  );
}

function DateFilter({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const [value, setValue] = useState(date);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (DATE.test(value)) onChange(value);
  };
  return (
    <form onSubmit={submit} className="fr-grid-row fr-grid-row--bottom fr-grid-row--gutters fr-mb-2w ctg-no-print" aria-label="Date d’observation">
      <div className="fr-col-12 fr-col-sm-6 fr-col-md-4">
        <Input label="Couverture à la date du" nativeInputProps={{ type: 'date', value, onChange: (e) => setValue(e.target.value), required: true }} />
      </div>
      <div className="fr-col-auto fr-mb-3w">
        <Button type="submit">Afficher</Button>
      </div>
    </form>
  );
}

function DepartementsSection({ date, hrefOf }: { date?: string; hrefOf: (code: string) => string }) {
  const areas = useCoverageByDepartement(date);
  return (
    <section aria-labelledby="carte">
      <h2 id="carte">Couverture par département</h2>
      {areas.isPending && <Loading label="Chargement de la carte…" />}
      {areas.isError && <ErrorAlert error={areas.error} />}
      {areas.data && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-6">
            <Suspense fallback={<Loading label="Chargement de la carte…" />}>
              <FranceMap areas={areas.data.areas} hrefOf={hrefOf} />
            </Suspense>
          </div>
          <div className="fr-col-12 fr-col-lg-6">
            <AreasTable areas={areas.data.areas} hrefOf={hrefOf} date={areas.data.date} />
          </div>
        </div>
      )}
    </section>
  );
}
