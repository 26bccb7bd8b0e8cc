import { Link } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { MyAction, MyFollowUp } from '../../../shared/api/index.js';
import { ACTION_STATUS_LABELS } from '../../../shared/enums.js';
import { formatLongDate } from '../../../shared/format.js';
import { REVIEW_KIND_LABELS, type ReviewKind } from '../../../shared/plan.js';
import { useMyFollowUp } from '../../api/my-follow-up.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';

const PILOTED_AS: Record<MyAction['pilotedAs'], string> = {
  compte: 'vous, nommément',
  organisation: 'votre organisation',
  nom: 'votre nom (texte libre)',
};

/** What is due on one action, as short sentences. */
export function dueItems(action: MyAction, year: number): string[] {
  const items: string[] = [];
  if (action.due.late) items.push('Action en retard : dites où elle en est');
  if (action.due.endDatePassed && action.endDate) items.push(`Date de fin dépassée (${formatLongDate(action.endDate)}) : clôturez ou reportez`);
  if (action.due.noRecentNote) items.push('Aucune note de suivi depuis 12 mois');
  for (const i of action.due.indicatorsWithoutValue) items.push(`Indicateur « ${i.title} » sans valeur en ${year}`);
  return items;
}

export default function MyFollowUpPage() {
  usePageTitle('Mon suivi');
  const query = useMyFollowUp();
  return (
    <>
      <h1>Mon suivi</h1>
      <p className="fr-text--lead">Les actions que vous pilotez et ce qui est attendu de vous, dans les conventions auxquelles vous avez accès.</p>
      {query.isPending && <Loading label="Chargement de votre suivi…" />}
      {query.isError && <LoadError error={query.error} />}
      {query.data && <Content data={query.data} />}
    </>
  );
}

function Content({ data }: { data: MyFollowUp }) {
  const withDue = data.actions.filter((a) => dueItems(a, data.year).length > 0);
  return (
    <>
      <section aria-labelledby="a-faire" className="fr-mb-6w">
        <h2 id="a-faire">À faire</h2>
        <ul>
          <li>{plural(withDue.length, 'action demande', 'actions demandent')} une mise à jour sur {plural(data.actions.length, 'action pilotée', 'actions pilotées')}</li>
          <li>{plural(data.actions.reduce((n, a) => n + a.due.indicatorsWithoutValue.length, 0), 'indicateur', 'indicateurs')} sans valeur en {data.year}</li>
          <li>{plural(data.reviews.length, 'bilan', 'bilans')} à valider</li>
        </ul>
        <p className="fr-text--sm">
          Une action vous est attribuée quand son pilote est votre compte, l’une de vos organisations, ou un texte égal à votre nom. Situation au{' '}
          {formatLongDate(data.today)}.
        </p>
      </section>
      <section aria-labelledby="mes-actions" className="fr-mb-6w">
        <h2 id="mes-actions">Actions que je pilote</h2>
        {data.actions.length === 0 ? (
          <p>Aucune action ne vous est attribuée. Demandez au coordinateur de la convention de vous désigner comme pilote dans la fiche action.</p>
        ) : (
          <Table
            caption="Actions que je pilote et ce qui est dû"
            noCaption
            headers={['Action', 'Convention', 'Statut', 'Avancement', 'Ce qui est dû', 'Pilote']}
            data={data.actions.map((a) => [
              <Link key={`a${a.id}`} to={paths.action(a.id)}>{a.title}</Link>,
              <Link key={`c${a.id}`} to={paths.convention(a.conventionId)}>{a.conventionTitle}</Link>,
              <Badge key={`s${a.id}`} small severity={a.status === 'en_retard' ? 'error' : a.status === 'realisee' ? 'success' : undefined} noIcon>
                {ACTION_STATUS_LABELS[a.status]}
              </Badge>,
              `${a.progress} %`,
              <DueList key={`d${a.id}`} items={dueItems(a, data.year)} />,
              PILOTED_AS[a.pilotedAs],
            ])}
          />
        )}
      </section>
      <section aria-labelledby="bilans" className="fr-mb-6w">
        <h2 id="bilans">Bilans à valider</h2>
        {data.reviews.length === 0 ? (
          <p>Aucun bilan en brouillon à valider.</p>
        ) : (
          <Table
            caption="Bilans en brouillon à valider"
            noCaption
            headers={['Bilan', 'Convention', 'Arrêté au']}
            data={data.reviews.map((r) => [
              <Link key={`r${r.id}`} to={paths.review(r.id)}>{`${REVIEW_KIND_LABELS[r.kind as ReviewKind] ?? r.kind} ${r.year}`}</Link>,
              <Link key={`rc${r.id}`} to={paths.convention(r.conventionId)}>{r.conventionTitle}</Link>,
              formatLongDate(r.snapshotDate),
            ])}
          />
        )}
      </section>
    </>
  );
}

function DueList({ items }: { items: string[] }) {
  if (items.length === 0) return <span>Rien pour l’instant</span>;
  return (
    <ul className="fr-my-0">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
