import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Action, ConventionDetail, Page } from '../../../shared/api/index.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../../../shared/enums.js';
import { STATUSES_NEEDING_REASON } from '../../../shared/plan.js';
import { useBulkUpdate } from '../../api/dashboard.js';
import { apiFetch, queryString } from '../../api/http.js';
import { useThemes } from '../../api/reference.js';

type Filter = { theme?: string; status?: string; axis?: string };

/** Bulk change of status or pilot on the actions a filter selects (same filters as the lists). */
export function BulkChangeForm({ convention }: { convention: ConventionDetail }) {
  const themes = useThemes();
  const bulk = useBulkUpdate();
  const [filter, setFilter] = useState<Filter>({});
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [pilot, setPilot] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const params = { convention: convention.id, theme: filter.theme, status: filter.status, axis: filter.axis, limit: 1 };
  const count = useQuery({
    queryKey: ['actions', 'count', params],
    queryFn: ({ signal }) => apiFetch<Page<Action>>(`/actions${queryString(params)}`, { signal }).then((p) => p.total),
  });
  const set = (key: keyof Filter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [key]: e.target.value || undefined }));
  const needsReason = STATUSES_NEEDING_REASON.includes(status as ActionStatus);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    const result = await bulk.mutateAsync({
      filter: { convention: convention.id, theme: filter.theme, status: filter.status as ActionStatus | undefined, axis: filter.axis ? Number(filter.axis) : undefined },
      set: { ...(status && { status: status as ActionStatus, statusReason: reason.trim() || null }), ...(pilot.trim() && { pilot: pilot.trim() }) },
    }).catch(() => null);
    if (result) setDone(result.updated);
  };
  return (
    <section aria-labelledby="modification-groupee" className="fr-mb-6w">
      <h2 id="modification-groupee">Modifier plusieurs actions à la fois</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Actions concernées</legend>
          <div className="fr-fieldset__element fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Champ d’intervention" nativeSelectProps={{ value: filter.theme ?? '', onChange: set('theme') }}>
                <option value="">Tous</option>
                {(themes.data ?? []).map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.label}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Statut actuel" nativeSelectProps={{ value: filter.status ?? '', onChange: set('status') }}>
                <option value="">Tous</option>
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {ACTION_STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Axe" nativeSelectProps={{ value: filter.axis ?? '', onChange: set('axis') }}>
                <option value="">Tous</option>
                {convention.axes.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </Select>
            </div>
          </div>
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Changement à appliquer</legend>
          <div className="fr-fieldset__element fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Nouveau statut" nativeSelectProps={{ value: status, onChange: (e) => setStatus(e.target.value) }}>
                <option value="">Ne pas changer</option>
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {ACTION_STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input label={needsReason ? 'Motif' : 'Motif (facultatif)'} nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input label="Nouveau pilote (facultatif)" nativeInputProps={{ value: pilot, onChange: (e) => setPilot(e.target.value) }} />
            </div>
          </div>
        </fieldset>
        {bulk.isError && <Alert className="fr-mb-2w" severity="error" as="h3" small description={bulk.error.message} />}
        {done !== null && <Alert className="fr-mb-2w" severity="success" as="h3" small description={`${done} action${done > 1 ? 's' : ''} modifiée${done > 1 ? 's' : ''}.`} />}
        <Button type="submit" disabled={bulk.isPending || (!status && !pilot.trim()) || !count.data}>
          {count.data === undefined ? 'Appliquer' : `Appliquer aux ${count.data} action${count.data > 1 ? 's' : ''} retenue${count.data > 1 ? 's' : ''}`}
        </Button>
      </form>
    </section>
  );
}
