import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { CHANGE_LABELS, describeValue } from '../../../shared/diff.js';
import { formatLongDate } from '../../../shared/format.js';
import { usePlanDiff, usePlanVersions, useAmendmentChanges } from '../../api/amendments.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';

/** Recorded versions of the plan, and what changed between two of them (or since one). */
export function PlanVersionsSection({ conventionId }: { conventionId: number }) {
  const versions = usePlanVersions(conventionId);
  const { recordVersion } = useAmendmentChanges(conventionId);
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState('current');
  const list = versions.data ?? [];
  const fromId = from ?? list[0]?.id ?? null;
  const diff = usePlanDiff(conventionId, fromId, to);
  const d = diff.data;
  return (
    <section aria-labelledby="versions" className="fr-mb-6w">
      <h2 id="versions">Versions du plan d’actions</h2>
      <p>Le plan est versionné à part de la convention : une version peut être annexée à un avenant, ou enregistrée à tout moment.</p>
      {versions.isPending && <Loading label="Chargement des versions…" />}
      {versions.isError && <ErrorAlert error={versions.error} />}
      {list.length > 0 && (
        <Table
          caption="Versions enregistrées du plan"
          noCaption
          headers={['Version', 'Libellé', 'Enregistrée le', 'Axes', 'Actions']}
          data={list.map((v) => [String(v.number), v.label, formatLongDate(v.createdAt.slice(0, 10)), String(v.axisCount), String(v.actionCount)])}
        />
      )}
      <form
        className="fr-mb-4w"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim().length >= 3) recordVersion.mutate(label.trim(), { onSuccess: () => setLabel('') });
        }}
      >
        <Input label="Libellé de la nouvelle version" hintText="3 caractères au moins" nativeInputProps={{ value: label, onChange: (e) => setLabel(e.target.value) }} />
        {recordVersion.isError && <ErrorAlert error={recordVersion.error} />}
        <Button type="submit" priority="secondary" disabled={recordVersion.isPending || label.trim().length < 3}>
          Enregistrer la version actuelle du plan
        </Button>
      </form>
      {list.length > 0 && (
        <>
          <h3>Comparer deux versions</h3>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <Select label="Depuis la version" nativeSelectProps={{ value: String(fromId ?? ''), onChange: (e) => setFrom(Number(e.target.value)) }}>
                {list.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.number} — {v.label}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Select label="Jusqu’à" nativeSelectProps={{ value: to, onChange: (e) => setTo(e.target.value) }}>
                <option value="current">Le plan actuel</option>
                {list.map((v) => (
                  <option key={v.id} value={String(v.id)}>
                    {v.number} — {v.label}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          {diff.isError && <ErrorAlert error={diff.error} />}
          {d && (
            <div aria-live="polite">
              {[d.axesAdded, d.axesRemoved, d.axesRenamed, d.actionsAdded, d.actionsRemoved, d.actionsChanged].every((l) => l.length === 0) && <p>Aucune différence.</p>}
              {d.axesAdded.length > 0 && <p>Axes ajoutés : {d.axesAdded.join(' ; ')}</p>}
              {d.axesRemoved.length > 0 && <p>Axes retirés : {d.axesRemoved.join(' ; ')}</p>}
              {d.axesRenamed.map((r) => (
                <p key={r.from}>
                  Axe renommé : {r.from} → {r.to}
                </p>
              ))}
              {d.actionsAdded.length > 0 && <p>Actions ajoutées : {d.actionsAdded.join(' ; ')}</p>}
              {d.actionsRemoved.length > 0 && <p>Actions retirées : {d.actionsRemoved.join(' ; ')}</p>}
              {d.actionsChanged.length > 0 && (
                <Table
                  caption="Actions modifiées"
                  headers={['Action', 'Changements (avant → après)']}
                  data={d.actionsChanged.map((c) => [c.title, c.changes.map((x) => `${CHANGE_LABELS[x.field] ?? x.field} : ${describeValue(x.before)} → ${describeValue(x.after)}`).join(' ; ')])}
                />
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
