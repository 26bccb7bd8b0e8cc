import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ApiTokenCreated } from '../../api/administration.js';

/** The secret of a token just created: shown this once, with a way to copy it. */
export function NewTokenSecret({ token }: { token: ApiTokenCreated }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => {
    if (!navigator.clipboard) return setCopied('no');
    navigator.clipboard.writeText(token.token).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <Alert
      className="fr-mb-3w"
      severity="success"
      as="h3"
      title={`Jeton « ${token.name} » créé`}
      description={
        <>
          <p>
            Copiez-le maintenant : <strong>il ne sera plus jamais affiché</strong> (seule son empreinte est conservée).
            Le logiciel l’envoie dans l’en-tête <code>Authorization</code>, précédé de <code>Bearer</code> et d’une espace.
          </p>
          <p className="fr-mt-1w">
            <label className="fr-label" htmlFor="nouveau-jeton">
              Jeton d’API
            </label>
            <input id="nouveau-jeton" className="fr-input ctg-secret" readOnly value={token.token} onFocus={(e) => e.target.select()} />
          </p>
          <p className="fr-mt-1w">
            <Button size="small" priority="secondary" iconId="fr-icon-clipboard-line" onClick={copy}>
              Copier le jeton
            </Button>{' '}
            <span role="status">
              {copied === 'yes' && 'Jeton copié dans le presse-papiers.'}
              {copied === 'no' && 'Copie automatique impossible : sélectionnez le jeton et copiez-le.'}
            </span>
          </p>
        </>
      }
    />
  );
}
