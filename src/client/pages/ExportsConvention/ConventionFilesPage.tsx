import { useParams } from 'react-router';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { useConvention } from '../../api/conventions.js';
import { conventionFiles } from '../../api/office.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';
import { OUTSIDE_SCOPE } from '../Forbidden/ForbiddenContent.js';
import { PlanImportSection } from './PlanImportSection.js';

export default function ConventionFilesPage() {
  const id = parseId(useParams().id);
  const query = useConvention(id);
  usePageTitle(query.data ? `Fichiers — ${query.data.title}` : 'Fichiers de la convention');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (query.isPending) return <Loading label="Chargement de la convention…" />;
  if (query.isError) return <LoadError error={query.error} forbiddenReason={OUTSIDE_SCOPE} />;
  return <FilesView convention={query.data} />;
}

function FilesView({ convention }: { convention: ConventionDetail }) {
  const files = conventionFiles(convention.id);
  const downloads = [
    { href: files.docx, title: 'Document de la convention (Word)', detail: 'Parties et signataires, préambule, articles, signatures ; plan d’actions et indicateurs en annexe.', format: 'DOCX' },
    { href: files.pdf, title: 'Synthèse pour les élus (PDF)', detail: 'Une page : parties, plan par axe, actions phares, état des indicateurs.', format: 'PDF' },
    { href: files.planXlsx, title: 'Plan d’actions (Excel)', detail: 'Actions, budgets, indicateurs et leurs valeurs ; le classeur peut être modifié puis réimporté.', format: 'XLSX' },
    { href: files.ics, title: 'Calendrier des signatures (iCalendar)', detail: 'Signatures de la convention et de ses avenants, et son échéance, à ajouter à un agenda.', format: 'ICS' },
  ];
  return (
    <>
      <Breadcrumb
        currentPageLabel="Fichiers"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.title, linkProps: { to: paths.convention(convention.id) } },
        ]}
      />
      <h1>Fichiers de la convention</h1>
      <p className="fr-text--lead">{convention.title}</p>
      <section aria-labelledby="telecharger" className="fr-mb-6w">
        <h2 id="telecharger">Télécharger</h2>
        <p>Chaque téléchargement est inscrit dans le journal de sécurité.</p>
        <ul className="ctg-files">
          {downloads.map((d) => (
            <li key={d.href} className="fr-mb-2w">
              <a className="fr-link fr-icon-download-line fr-link--icon-left" href={d.href} download>
                {d.title} <span className="fr-sr-only">— format {d.format}</span>
              </a>
              <p className="fr-text--sm fr-mb-0">{d.detail}</p>
            </li>
          ))}
        </ul>
      </section>
      {convention.abilities.editPlan && <PlanImportSection conventionId={convention.id} />}
    </>
  );
}
