import { Alert } from '@codegouvfr/react-dsfr/Alert';

/** The server's line-by-line report of a refused file (nothing was loaded). */
export function ImportErrorReport({ message, lines }: { message: string; lines: { path: string; message: string }[] }) {
  const summary = message.split(' : ')[0] ?? message;
  return (
    <Alert
      className="fr-mb-3w"
      severity="error"
      as="h3"
      title="Fichier refusé : rien n’a été importé"
      description={
        <>
          <p>{message.length > 200 ? `${summary}.` : message}</p>
          <div className="fr-table fr-table--no-caption fr-mb-0">
            <table>
              <caption>Lignes en erreur</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Problème</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.path}>
                    <th scope="row">{line.path.slice(4)}</th>
                    <td>{line.message.replace(/^ligne \d+ : /, '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      }
    />
  );
}
