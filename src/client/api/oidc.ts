import { useQuery } from '@tanstack/react-query';
import type { ConfigResponse } from '../../shared/api/index.js';
import { apiFetch } from './http.js';

/** The ProConnect button's label when the instance offers that sign-in, else null. */
export function useOidcSignIn() {
  return useQuery({
    queryKey: ['config', 'oidc'] as const,
    queryFn: ({ signal }) => apiFetch<ConfigResponse>('/config', { signal }).then((r) => r.oidc ?? null),
    staleTime: Infinity,
  });
}

/** Why the provider's return did not open a session (codes set by the server's callback). */
export const OIDC_REFUSALS: Record<string, string> = {
  oidc_non_invite:
    'Votre identité ProConnect est reconnue, mais aucun compte Pilote CTG n’est ouvert à votre adresse e-mail. Les comptes sont créés sur invitation : demandez-la à l’administrateur de votre Caf.',
  oidc_sans_email: 'Le fournisseur d’identité n’a pas transmis d’adresse e-mail vérifiée : la connexion ne peut pas être associée à un compte.',
  oidc_autre_identite: 'Ce compte est déjà associé à une autre identité ProConnect. Connectez-vous avec celle-ci ou avec votre mot de passe.',
  oidc_inactif: 'Ce compte est désactivé. Adressez-vous à l’administrateur de votre Caf.',
  oidc_expire: 'La demande de connexion a expiré ou a été ouverte dans un autre navigateur. Recommencez.',
  oidc_indisponible: 'Le service ProConnect ne répond pas pour le moment. Réessayez plus tard ou connectez-vous avec votre mot de passe.',
  oidc_echec: 'La connexion avec ProConnect n’a pas abouti. Recommencez ; si le problème persiste, utilisez votre mot de passe.',
};
