import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ConventionDetail, DecisionInput, Meeting } from '../../../shared/api/index.js';
import { DECISION_KINDS, DECISION_KIND_LABELS, type DecisionKind } from '../../../shared/api/governance.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../../../shared/enums.js';
import { useMeetingChanges } from '../../api/governance.js';
import { useIndicators } from '../../api/follow-up.js';
import { useThemes } from '../../api/reference.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';

const STATUS_TEXT = { proposee: 'Proposée', appliquee: 'Appliquée' } as const;

export function DecisionsSection({ meeting, convention, editable }: { meeting: Meeting; convention: ConventionDetail; editable: boolean }) {
  const { withdraw } = useMeetingChanges(meeting.id);
  return (
    <section aria-labelledby="decisions" className="fr-mb-6w">
      <h2 id="decisions">Décisions</h2>
      {meeting.decisions.length === 0 ? (
        <p>Aucune décision.</p>
      ) : (
        <Table
          caption="Décisions de la réunion"
          noCaption
          headers={editable ? ['Décision', 'État', 'Retirer'] : ['Décision', 'État', 'Suivi']}
          data={meeting.decisions.map((d, index) => [
            d.summary,
            STATUS_TEXT[d.status],
            editable ? (
              <Button key={d.id} size="small" priority="tertiary" disabled={withdraw.isPending} onClick={() => withdraw.mutate(d.id)} title={`Retirer la décision « ${d.summary} »`}>
                Retirer
              </Button>
            ) : convention.abilities.editPlan ? (
              <FollowUpForm key={d.id} meetingId={meeting.id} decision={d} position={index + 1} />
            ) : (
              (d.followUp ?? '—')
            ),
          ])}
        />
      )}
      {editable && <ProposeForm meeting={meeting} convention={convention} />}
    </section>
  );
}

/** What became of a decision, noted later; the next meeting's pack shows it. */
function FollowUpForm({ meetingId, decision, position }: { meetingId: number; decision: Meeting['decisions'][number]; position: number }) {
  const { followUp } = useMeetingChanges(meetingId);
  const [text, setText] = useState(decision.followUp ?? '');
  return (
    <form onSubmit={(e) => { e.preventDefault(); followUp.mutate({ id: decision.id, text: text.trim() || null }); }}>
      <Input label={`Suivi de la décision n° ${position}`} nativeInputProps={{ value: text, onChange: (e) => setText(e.target.value) }} />
      <Button type="submit" size="small" priority="secondary" disabled={followUp.isPending}>
        Noter le suivi
      </Button>
      {followUp.isError && <p className="fr-error-text">{followUp.error.message}</p>}
    </form>
  );
}

function ProposeForm({ meeting, convention }: { meeting: Meeting; convention: ConventionDetail }) {
  const { propose } = useMeetingChanges(meeting.id);
  const indicators = useIndicators(convention.id);
  const themes = useThemes();
  const [kind, setKind] = useState<DecisionKind>('action_status');
  const [actionId, setActionId] = useState('');
  const [status, setStatus] = useState<ActionStatus>('realisee');
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [indicatorId, setIndicatorId] = useState('');
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const inputOf = (): DecisionInput => {
    switch (kind) {
      case 'action_status':
        return { kind, actionId: Number(actionId), status, statusReason: reason.trim() || null };
      case 'action_create':
        return { kind, title, themes: theme ? [theme] : [] };
      case 'indicator_target':
        return { kind, indicatorId: Number(indicatorId), targetValue: Number(target.replace(',', '.')) };
      case 'note':
        return { kind, text };
    }
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await propose.mutateAsync(inputOf());
      setTitle('');
      setText('');
      setReason('');
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="proposer">
      <h3 id="proposer">Proposer une décision</h3>
      <p className="fr-hint-text">Une décision proposée ne change le plan qu’à la validation du compte rendu.</p>
      {error && <ServerErrorAlert state={{ error, otherMessages: [] }} />}
      <Select label="Type de décision" nativeSelectProps={{ value: kind, onChange: (e) => setKind(e.target.value as DecisionKind) }}>
        {DECISION_KINDS.map((k) => (
          <option key={k} value={k}>
            {DECISION_KIND_LABELS[k]}
          </option>
        ))}
      </Select>
      {kind === 'action_status' && (
        <>
          <Select label="Action" nativeSelectProps={{ value: actionId, onChange: (e) => setActionId(e.target.value) }}>
            <option value="">Choisir une action</option>
            {convention.actions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} ({ACTION_STATUS_LABELS[a.status].toLowerCase()})
              </option>
            ))}
          </Select>
          <Select label="Nouveau statut" nativeSelectProps={{ value: status, onChange: (e) => setStatus(e.target.value as ActionStatus) }}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
          <Input label="Motif (obligatoire pour « en pause », « en retard » et « abandonnée »)" nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }} />
        </>
      )}
      {kind === 'action_create' && (
        <>
          <Input label="Titre de la nouvelle action" nativeInputProps={{ value: title, onChange: (e) => setTitle(e.target.value) }} />
          <Select label="Champ d’intervention" nativeSelectProps={{ value: theme, onChange: (e) => setTheme(e.target.value) }}>
            <option value="">Choisir un champ</option>
            {(themes.data ?? []).map((t) => (
              <option key={t.code} value={t.code}>
                {t.label}
              </option>
            ))}
          </Select>
        </>
      )}
      {kind === 'indicator_target' && (
        <>
          <Select label="Indicateur" nativeSelectProps={{ value: indicatorId, onChange: (e) => setIndicatorId(e.target.value) }}>
            <option value="">Choisir un indicateur</option>
            {(indicators.data ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.title} (cible actuelle {i.targetValue} {i.unit})
              </option>
            ))}
          </Select>
          <Input label="Nouvelle cible" nativeInputProps={{ inputMode: 'decimal', value: target, onChange: (e) => setTarget(e.target.value) }} />
        </>
      )}
      {kind === 'note' && <Input label="Décision" textArea nativeTextAreaProps={{ value: text, onChange: (e) => setText(e.target.value), rows: 3 }} />}
      <Button type="submit" priority="secondary" disabled={propose.isPending}>
        Proposer la décision
      </Button>
    </form>
  );
}
