import { changedFields, type FieldChange } from './diff.js';

/** The plan as recorded in a version: axes and the actions' main fields. */
export interface PlanSnapshot {
  axes: { id: number; title: string; position: number }[];
  actions: {
    id: number;
    title: string;
    axisIds: number[];
    parentId: number | null;
    themes: string[];
    pilot: string | null;
    status: string;
    progress: number;
    startDate: string | null;
    endDate: string | null;
    plannedCents: number;
  }[];
}

export interface PlanDiff {
  axesAdded: string[];
  axesRemoved: string[];
  axesRenamed: { from: string; to: string }[];
  actionsAdded: string[];
  actionsRemoved: string[];
  actionsChanged: { id: number; title: string; changes: FieldChange[] }[];
}

/** What differs between two versions of a plan; objects are matched by id, so a renamed action is « changed ». */
export function diffPlans(from: PlanSnapshot, to: PlanSnapshot): PlanDiff {
  const fromAxes = new Map(from.axes.map((a) => [a.id, a]));
  const toAxes = new Map(to.axes.map((a) => [a.id, a]));
  const fromActions = new Map(from.actions.map((a) => [a.id, a]));
  const toActions = new Map(to.actions.map((a) => [a.id, a]));
  return {
    axesAdded: to.axes.filter((a) => !fromAxes.has(a.id)).map((a) => a.title),
    axesRemoved: from.axes.filter((a) => !toAxes.has(a.id)).map((a) => a.title),
    axesRenamed: to.axes.filter((a) => fromAxes.has(a.id) && fromAxes.get(a.id)!.title !== a.title).map((a) => ({ from: fromAxes.get(a.id)!.title, to: a.title })),
    actionsAdded: to.actions.filter((a) => !fromActions.has(a.id)).map((a) => a.title),
    actionsRemoved: from.actions.filter((a) => !toActions.has(a.id)).map((a) => a.title),
    actionsChanged: to.actions
      .filter((a) => fromActions.has(a.id))
      .map((a) => ({ id: a.id, title: a.title, changes: changedFields(fromActions.get(a.id), a) }))
      .filter((c) => c.changes.length > 0),
  };
}
