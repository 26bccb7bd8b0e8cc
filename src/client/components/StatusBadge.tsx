import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import {
  ACTION_STATUS_LABELS,
  CONVENTION_STATUS_LABELS,
  type ActionStatus,
  type ConventionStatus,
} from '../../shared/enums.js';

type Severity = BadgeProps['severity'];

const CONVENTION_SEVERITY: Record<ConventionStatus, Severity> = {
  en_preparation: undefined,
  diagnostic: 'info',
  redaction: 'info',
  signee: 'success',
  en_cours: 'success',
  echue: 'warning',
  resiliee: 'error',
};

const ACTION_SEVERITY: Record<ActionStatus, Severity> = {
  a_venir: undefined,
  en_cours: 'info',
  realisee: 'success',
  en_pause: 'warning',
  en_retard: 'error',
  abandonnee: undefined,
};

export function ConventionStatusBadge({ status, small }: { status: ConventionStatus; small?: boolean }) {
  return (
    <Badge as="span" severity={CONVENTION_SEVERITY[status]} small={small} noIcon>
      {CONVENTION_STATUS_LABELS[status]}
    </Badge>
  );
}

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return (
    <Badge as="span" severity={ACTION_SEVERITY[status]} small noIcon>
      {ACTION_STATUS_LABELS[status]}
    </Badge>
  );
}
