import { CONVENTION_TRANSITIONS, CONVENTION_STATUS_LABELS, type ConventionStatus } from '../../shared/enums.js';

/** Pure lifecycle rules: which move is legal, and what it needs. */
export function transitionProblem(
  from: ConventionStatus,
  to: ConventionStatus,
  facts: { signatureEvents: number },
): string | null {
  if (!CONVENTION_TRANSITIONS[from].includes(to)) {
    const allowed = CONVENTION_TRANSITIONS[from].map((s) => `« ${CONVENTION_STATUS_LABELS[s]} »`).join(', ');
    return `Une convention « ${CONVENTION_STATUS_LABELS[from]} » ne peut pas passer à « ${CONVENTION_STATUS_LABELS[to]} »` +
      (allowed ? ` ; statuts possibles : ${allowed}.` : ' : ce statut est définitif.');
  }
  if (to === 'signee' && facts.signatureEvents === 0) {
    return 'Enregistrez d’abord la signature (date, lieu, signataires) avant de passer la convention à « Signée ».';
  }
  return null;
}

/** The kinds of territory a CTG perimeter is made of. */
export const PERIMETER_KINDS = new Set(['commune', 'epci', 'ept']);
