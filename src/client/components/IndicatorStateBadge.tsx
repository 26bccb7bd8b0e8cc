import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { INDICATOR_STATE_LABELS, type IndicatorState } from '../../shared/plan.js';

const SEVERITY: Record<IndicatorState, BadgeProps['severity']> = {
  atteint: 'success',
  en_bonne_voie: 'info',
  a_risque: 'warning',
  sans_donnee: undefined,
};

export function IndicatorStateBadge({ state }: { state: IndicatorState }) {
  return (
    <Badge as="span" severity={SEVERITY[state]} small noIcon>
      {INDICATOR_STATE_LABELS[state]}
    </Badge>
  );
}
