import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Axis, Indicator } from '../../../shared/api/index.js';
import { IndicatorCard } from '../Action/IndicatorCard.js';
import { IndicatorForm } from '../Action/IndicatorForm.js';

/** The indicators attached to one axis (not to an action), and a form to add one. */
export function AxisIndicators({ axis, indicators, canEdit }: { axis: Axis; indicators: Indicator[]; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="fr-mt-2w fr-ml-md-4w">
      {indicators.length === 0 && !adding && <p className="fr-text--sm fr-mb-1w">Aucun indicateur propre à cet axe.</p>}
      {indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} indicator={indicator} canEdit={canEdit} />
      ))}
      {canEdit &&
        (adding ? (
          <IndicatorForm conventionId={axis.conventionId} owner={{ axisId: axis.id }} onDone={() => setAdding(false)} />
        ) : (
          <Button size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => setAdding(true)}>
            {`Ajouter un indicateur à l’axe « ${axis.title} »`}
          </Button>
        ))}
    </div>
  );
}
