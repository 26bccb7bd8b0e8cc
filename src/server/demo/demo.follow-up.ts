import type { ServiceContext } from '../platform/context.js';
import { listActionsOfConventions, updateAction } from '../plans/actions.service.js';
import { addNote } from '../plans/follow-up.service.js';
import { addValue, createIndicator } from '../indicators/indicators.service.js';
import type { BudgetLine } from '../../shared/api/actions.js';
import type { IndicatorDirection } from '../../shared/plan.js';

/**
 * Illustrative follow-up figures for one action of each demo convention. They are made up to show
 * how the follow-up works: they do NOT come from the Caf, and the UI labels them as such.
 */
interface DemoFollowUp {
  /** A word of the action's title, to find it. */
  match: RegExp;
  progress: number;
  startDate: string;
  budgetLines: BudgetLine[];
  indicator: { title: string; unit: string; direction: IndicatorDirection; baseline: number; target: number; values: [string, number][] };
  note: string;
}

const FOLLOW_UPS: DemoFollowUp[][] = [
  [
    {
      match: /accueil du jeune enfant/,
      progress: 55,
      startDate: '2023-04-01',
      budgetLines: [
        { year: 2024, funder: 'Caf des Hauts-de-Seine', nature: 'fonctionnement', plannedCents: 18_000_000, actualCents: 17_250_000 },
        { year: 2025, funder: 'Ville de Bois-Colombes', nature: 'investissement', plannedCents: 42_000_000, actualCents: null },
      ],
      indicator: { title: 'Places d’accueil collectif du jeune enfant', unit: 'places', direction: 'hausse', baseline: 420, target: 470, values: [['2023-12-31', 428], ['2024-12-31', 437], ['2025-12-31', 446]] },
      note: 'Point d’étape (exemple de démonstration) : extension d’un multi-accueil engagée.',
    },
  ],
  [
    {
      match: /Espace Andrée Chedid/,
      progress: 40,
      startDate: '2023-03-15',
      budgetLines: [{ year: 2024, funder: 'Caf des Hauts-de-Seine', nature: 'fonctionnement', plannedCents: 6_500_000, actualCents: 6_100_000 }],
      indicator: { title: 'Familles accueillies dans l’année', unit: 'familles', direction: 'hausse', baseline: 180, target: 260, values: [['2023-12-31', 190], ['2024-12-31', 198], ['2025-12-31', 205]] },
      note: 'Point d’étape (exemple de démonstration) : fréquentation en hausse plus lente que prévu.',
    },
  ],
  [
    {
      match: /qualité de l’accueil du jeune enfant/,
      progress: 70,
      startDate: '2023-06-01',
      budgetLines: [{ year: 2025, funder: 'Caf des Hauts-de-Seine', nature: 'investissement', plannedCents: 25_000_000, actualCents: 24_400_000 }],
      indicator: { title: 'Postes vacants dans les crèches municipales', unit: 'postes', direction: 'baisse', baseline: 35, target: 10, values: [['2023-12-31', 30], ['2024-12-31', 22], ['2025-12-31', 9]] },
      note: 'Point d’étape (exemple de démonstration) : campagne de recrutement menée.',
    },
  ],
];

export async function loadDemoFollowUp(ctx: ServiceContext, conventionIds: number[]): Promise<void> {
  for (const [index, conventionId] of conventionIds.entries()) {
    const actions = await listActionsOfConventions(ctx.db, [conventionId]);
    for (const demo of FOLLOW_UPS[index] ?? []) {
      const action = actions.find((a) => demo.match.test(a.title));
      if (!action) continue;
      await updateAction(ctx, action.id, { version: action.version, progress: demo.progress, startDate: demo.startDate, endDate: '2027-12-31', budgetLines: demo.budgetLines });
      const { indicator: d } = demo;
      const indicator = await createIndicator(
        ctx,
        conventionId,
        { actionId: action.id, title: d.title, kind: 'resultat', unit: d.unit, direction: d.direction, baselineValue: d.baseline, baselineDate: '2022-12-31', targetValue: d.target, targetDate: '2027-12-31' },
        { illustrative: true },
      );
      for (const [date, value] of d.values) await addValue(ctx, indicator.id, { date, value, source: 'Chiffre d’illustration (démonstration)' });
      await addNote(ctx, action.id, { date: '2025-01-15', author: 'Coordination CTG (démonstration)', body: demo.note });
    }
  }
}
