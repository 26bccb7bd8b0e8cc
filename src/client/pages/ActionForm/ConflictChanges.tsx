import { changedFields, CHANGE_LABELS, describeValue } from '../../../shared/diff.js';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../../shared/enums.js';

const shown = (field: string, value: unknown) =>
  field === 'status' && typeof value === 'string' ? (ACTION_STATUS_LABELS[value as ActionStatus] ?? value) : describeValue(value);

/** On a conflict: the fields the other person changed since this form was opened. */
export function ConflictChanges({ opened, current }: { opened: unknown; current: unknown }) {
  const changes = changedFields(opened, current);
  if (changes.length === 0) return null;
  return (
    <>
      <p className="fr-mb-1w">Changements enregistrés entre-temps :</p>
      <ul>
        {changes.map((c) => (
          <li key={c.field}>
            {CHANGE_LABELS[c.field] ?? c.field} : {shown(c.field, c.before)} → <strong>{shown(c.field, c.after)}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}
