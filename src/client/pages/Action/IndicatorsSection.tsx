import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Action } from '../../../shared/api/index.js';
import { useIndicators } from '../../api/follow-up.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { IndicatorCard } from './IndicatorCard.js';
import { IndicatorForm } from './IndicatorForm.js';

export function IndicatorsSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const query = useIndicators(action.conventionId);
  const [adding, setAdding] = useState(false);
  const indicators = (query.data ?? []).filter((i) => i.actionId === action.id);
  return (
    <section aria-labelledby="indicateurs" className="fr-mb-6w">
      <h2 id="indicateurs">Indicateurs</h2>
      <p className="fr-hint-text">
        L’état compare la dernière valeur mesurée à la trajectoire en ligne droite de la valeur de référence à la cible : « en bonne voie »
        tant que l’écart reste sous 10 % du chemin à parcourir, « à risque » au-delà.
      </p>
      {query.isPending && <Loading label="Chargement des indicateurs…" />}
      {query.isError && <ErrorAlert error={query.error} />}
      {query.isSuccess && indicators.length === 0 && <p>Aucun indicateur pour cette action.</p>}
      {indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} indicator={indicator} canEdit={canEdit} />
      ))}
      {!canEdit ? null : adding ? (
        <IndicatorForm conventionId={action.conventionId} owner={{ actionId: action.id }} onDone={() => setAdding(false)} />
      ) : (
        <Button priority="secondary" iconId="fr-icon-add-line" onClick={() => setAdding(true)}>
          Ajouter un indicateur
        </Button>
      )}
    </section>
  );
}
