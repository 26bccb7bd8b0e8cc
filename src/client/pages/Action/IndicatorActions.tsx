import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Indicator } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { formatDecimal } from '../../../shared/plan-format.js';
import { useIndicatorChanges } from '../../api/follow-up.js';
import { ErrorAlert } from '../../components/PageState.js';

/** « Modifier » and « Supprimer » (asked twice: the values go with the indicator). */
export function IndicatorActions({ indicator, onEdit }: { indicator: Indicator; onEdit: () => void }) {
  const { remove } = useIndicatorChanges(indicator.conventionId);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {confirming && (
        <p role="status" className="fr-mt-2w">
          Supprimer « {indicator.title} » et ses {indicator.values.length} valeur{indicator.values.length > 1 ? 's' : ''} ? Les bilans déjà validés les gardent.
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mt-2w">
        {confirming ? (
          <>
            <li>
              <Button priority="primary" iconId="fr-icon-delete-line" disabled={remove.isPending} onClick={() => remove.mutate(indicator)}>
                Confirmer la suppression
              </Button>
            </li>
            <li>
              <Button priority="secondary" onClick={() => setConfirming(false)}>
                Garder l’indicateur
              </Button>
            </li>
          </>
        ) : (
          <>
            <li>
              <Button priority="secondary" iconId="fr-icon-edit-line" onClick={onEdit}>
                Modifier l’indicateur
              </Button>
            </li>
            <li>
              <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={() => setConfirming(true)}>
                Supprimer l’indicateur
              </Button>
            </li>
          </>
        )}
      </ul>
    </>
  );
}

/** Removes one measured value (the state is computed again). */
export function RemoveValueButton({ indicator, value }: { indicator: Indicator; value: Indicator['values'][number] }) {
  const { removeValue } = useIndicatorChanges(indicator.conventionId);
  return (
    <Button
      size="small"
      priority="tertiary"
      iconId="fr-icon-delete-line"
      disabled={removeValue.isPending}
      onClick={() => removeValue.mutate(value.id)}
      title={`Retirer la valeur ${formatDecimal(value.value)} ${indicator.unit} du ${formatLongDate(value.date)}`}
    />
  );
}
