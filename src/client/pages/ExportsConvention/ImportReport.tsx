import type { PlanImportReport } from '../../../shared/api/index.js';

const OPERATION_LABELS = { create: 'À créer', update: 'À mettre à jour', unchanged: 'Inchangée' } as const;
const DONE_LABELS = { create: 'Créée', update: 'Mise à jour', unchanged: 'Inchangée' } as const;

function Table({ caption, headers, rows }: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  return (
    <div className="fr-table">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((value, j) => (
                      <td key={j}>{value}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/** What the import will do (dry run) or did: errors with their cell first, then every action. */
export function ImportReport({ report }: { report: PlanImportReport }) {
  const labels = report.applied ? DONE_LABELS : OPERATION_LABELS;
  const s = report.summary;
  return (
    <section aria-labelledby="rapport-import" className="fr-mt-4w">
      <h3 id="rapport-import">{report.applied ? 'Import effectué' : report.errors.length ? 'Erreurs à corriger' : 'Ce que l’import va faire'}</h3>
      <p>
        {s.actionsCreated} action(s) {report.applied ? 'créée(s)' : 'à créer'}, {s.actionsUpdated} {report.applied ? 'mise(s) à jour' : 'à mettre à jour'},{' '}
        {s.actionsUnchanged} inchangée(s) ; {s.axesCreated} axe(s) {report.applied ? 'créé(s)' : 'à créer'} ; {s.budgetLines} ligne(s) budgétaire(s).
      </p>
      {report.errors.length > 0 && (
        <Table
          caption={`${report.errors.length} erreur(s) : rien ne sera importé tant qu’elles ne sont pas corrigées`}
          headers={['Feuille', 'Ligne', 'Colonne', 'Erreur']}
          rows={report.errors.map((e) => [e.sheet, e.row ?? '—', e.column ?? '—', e.message])}
        />
      )}
      {report.axesCreated.length > 0 && <p>Nouveaux axes : {report.axesCreated.map((a) => `« ${a} »`).join(', ')}.</p>}
      {report.actions.length > 0 && (
        <Table
          caption="Actions du classeur"
          headers={['Ligne', 'Référence', 'Action', 'Opération']}
          rows={report.actions.map((a) => [a.row, a.ref.replace(/^titre:/, '—'), a.title, labels[a.operation]])}
        />
      )}
    </section>
  );
}
