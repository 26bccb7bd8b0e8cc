import { HttpError } from '../platform/http/errors.js';
import type { Principal } from './principal.js';

export const mustSignIn = () => new HttpError(401, 'unauthenticated', 'Connectez-vous pour accéder à cette ressource.');
export const forbidden = (what = 'cette action') =>
  new HttpError(403, 'forbidden', `Vous n’avez pas les droits nécessaires pour ${what}.`);

/** Platform admins manage everything; a Caf admin manages its Caf and the organisations of its conventions. */
export function canManageAccountsOf(principal: Principal, organisationId: number, cafOfOrganisation: number[]): boolean {
  if (principal.kind === 'anonymous') return false;
  if (principal.isPlatformAdmin) return true;
  return principal.memberships.some(
    (m) => m.role === 'caf_admin' && (m.organisationId === organisationId || cafOfOrganisation.includes(m.organisationId)),
  );
}

export function requireSignedIn(principal: Principal): asserts principal is Exclude<Principal, { kind: 'anonymous' }> {
  if (principal.kind === 'anonymous') throw mustSignIn();
}

export function isAnyAdmin(principal: Principal): boolean {
  return principal.kind !== 'anonymous' && (principal.isPlatformAdmin || principal.memberships.some((m) => m.role === 'caf_admin'));
}
