import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { CoverageTarget } from '../../../shared/api/index.js';
import { formatPercent } from '../../../shared/format.js';
import { useCoverageTimeline } from '../../api/coverage.js';
import { useCoverageTargets, useDeleteCoverageTarget } from '../../api/coverage-targets.js';
import { useCafs } from '../../api/reference.js';
import { useMe } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import { csvHref } from '../Coverage/csv.js';
import { TargetForm } from './TargetForm.js';

/** A Caf's coverage targets by year, beside the national trajectory and the coverage observed on 31 December. */
export default function CoverageTargetsPage() {
  usePageTitle('Cibles de couverture');
  const [params, setParams] = useSearchParams();
  const cafs = useCafs();
  const user = useMe().data?.user;
  const administered = user?.memberships.filter((m) => m.role === 'caf_admin' && m.conventionIds === null).map((m) => m.organisationId) ?? [];
  const fromUrl = Number(params.get('caf'));
  const cafId = Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl : (administered[0] ?? cafs.data?.[0]?.id);
  const caf = cafs.data?.find((c) => c.id === cafId);
  const canEdit = Boolean(caf && user && (user.isPlatformAdmin || administered.includes(caf.id)));

  return (
    <>
      <h1>Cibles de couverture</h1>
      <p className="fr-text--lead">
        Part de la population que chaque Caf vise à couvrir par une convention en vigueur, année par année, face à la trajectoire nationale de
        référence et à la couverture constatée au 31 décembre.
      </p>
      {cafs.isError && <ErrorAlert error={cafs.error} />}
      {cafs.data && (
        <Select
          className="fr-col-12 fr-col-md-6 ctg-no-print"
          label="Caf"
          nativeSelectProps={{ value: cafId ? String(cafId) : '', onChange: (e) => setParams({ caf: e.target.value }, { replace: true }) }}
        >
          {cafs.data.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      )}
      {cafs.isPending && <Loading />}
      {cafId !== undefined && <TargetsSection cafId={cafId} departement={caf?.departementCode ?? undefined} cafName={caf?.name ?? 'la Caf'} canEdit={canEdit} />}
    </>
  );
}

function TargetsSection({ cafId, departement, cafName, canEdit }: { cafId: number; departement?: string; cafName: string; canEdit: boolean }) {
  const targets = useCoverageTargets(cafId);
  const timeline = useCoverageTimeline({ departement });
  const remove = useDeleteCoverageTarget();
  const [editing, setEditing] = useState<CoverageTarget>();
  if (targets.isPending) return <Loading />;
  if (targets.isError) return <ErrorAlert error={targets.error} />;
  const national = new Map(targets.data.national.map((t) => [t.year, t]));
  const own = new Map(targets.data.caf.map((t) => [t.year, t]));
  const observed = new Map((departement ? (timeline.data?.points ?? []) : []).map((p) => [p.year, p.rate]));
  const years = [...new Set([...national.keys(), ...own.keys(), ...observed.keys()])].sort((a, b) => a - b);
  const pct = (rate: number | undefined) => (rate === undefined ? '—' : formatPercent(rate));
  const csv = csvHref(
    ['Année', 'Couverture constatée', 'Trajectoire nationale', `Cible ${cafName}`],
    years.map((y) => [y, observed.get(y) ?? null, national.get(y)?.rate ?? null, own.get(y)?.rate ?? null]),
  );
  return (
    <>
      <section aria-labelledby="cibles" className="fr-mt-4w fr-mb-6w">
        <h2 id="cibles">Cibles année par année — {cafName}</h2>
        {remove.isError && <ErrorAlert error={remove.error} />}
        <div className="fr-table fr-table--no-scroll">
          <table>
            <caption>Cibles de couverture par année — {cafName} et trajectoire nationale</caption>
            <thead>
              <tr>
                <th scope="col">Année</th>
                <th scope="col">Couverture constatée{departement ? ` (${departement})` : ''}</th>
                <th scope="col">Trajectoire nationale</th>
                <th scope="col">Cible de la Caf</th>
                {canEdit && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {years.map((year) => {
                const target = own.get(year);
                return (
                  <tr key={year}>
                    <th scope="row">{year}</th>
                    <td>{pct(observed.get(year))}</td>
                    <td>{pct(national.get(year)?.rate)}</td>
                    <td>{pct(target?.rate)}</td>
                    {canEdit && (
                      <td>
                        {target && (
                          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                            <li>
                              <Button priority="secondary" size="small" onClick={() => setEditing(target)}>
                                Modifier<span className="fr-sr-only"> la cible {year}</span>
                              </Button>
                            </li>
                            <li>
                              <Button priority="tertiary" size="small" disabled={remove.isPending} onClick={() => remove.mutate(target)}>
                                Supprimer<span className="fr-sr-only"> la cible {year}</span>
                              </Button>
                            </li>
                          </ul>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="fr-text--sm">
          Sans cible propre pour une année, les tableaux de bord de la Caf comparent à la trajectoire nationale.{' '}
          {departement && <Link to={paths.coverage({ departement })}>Voir la couverture du département</Link>}
        </p>
        <a className="fr-link fr-icon-download-line fr-link--icon-left ctg-no-print" href={csv} download={`cibles-couverture-${cafId}.csv`}>
          Télécharger les cibles (CSV)
        </a>
      </section>
      {canEdit && <TargetForm cafId={cafId} targets={targets.data.caf} editing={editing} />}
    </>
  );
}
