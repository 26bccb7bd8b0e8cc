/**
 * How an axis's progress is rolled up from its actions (axes carry no status of their own):
 * - the actions counted are the top-level actions attached to the axis, as main or secondary axis
 *   (a sub-action is represented by its parent's progress);
 * - an abandoned action is left out; a completed action counts 100 % whatever its progress field;
 * - the axis's progress is the plain (unweighted) mean, rounded to the unit; null without any action.
 */
export interface AxisActionFacts {
  axisIds: readonly number[];
  parentId: number | null;
  status: string;
  progress: number;
}

export function rollUpAxisProgress(axisId: number, actions: readonly AxisActionFacts[]): { progress: number | null; actionCount: number } {
  const own = actions.filter((a) => a.parentId === null && a.axisIds.includes(axisId));
  const counted = own.filter((a) => a.status !== 'abandonnee');
  if (counted.length === 0) return { progress: null, actionCount: own.length };
  const total = counted.reduce((sum, a) => sum + (a.status === 'realisee' ? 100 : a.progress), 0);
  return { progress: Math.round(total / counted.length), actionCount: own.length };
}
