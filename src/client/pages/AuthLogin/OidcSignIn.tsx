import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { OIDC_REFUSALS, useOidcSignIn } from '../../api/oidc.js';

/** The refusal explained after a return from the provider (`?erreur=…`), if any. */
export function OidcRefusal({ code }: { code: string | null }) {
  if (!code) return null;
  const message = OIDC_REFUSALS[code] ?? OIDC_REFUSALS.oidc_echec!;
  return <Alert className="fr-mb-3w" severity="error" as="h2" title="Connexion ProConnect refusée" description={message} />;
}

/** « Se connecter avec ProConnect », when the instance offers it: a full-page trip to the provider. */
export function OidcSignIn({ returnTo }: { returnTo: string }) {
  const oidc = useOidcSignIn().data;
  if (!oidc) return null;
  return (
    <section className="fr-mb-4w" aria-labelledby="connexion-federee">
      <h2 id="connexion-federee" className="fr-h5">
        Avec votre identité professionnelle
      </h2>
      <p>
        <a className="fr-btn" href={`/api/v1/auth/oidc/login?retour=${encodeURIComponent(returnTo)}`}>
          {oidc.label}
        </a>
      </p>
      <p className="fr-hint-text">Votre compte doit avoir été ouvert sur invitation, à la même adresse e-mail.</p>
      <hr className="fr-mt-3w" />
      <h2 className="fr-h5">Avec votre mot de passe</h2>
    </section>
  );
}
