import type { Migration } from 'kysely';
import * as initial from './20261128130000_initial.js';
import * as planFollowUp from './20261128170000_plan_follow_up.js';

/** Every migration, by timestamped name. Never edit one that has landed: add a new file. */
export const migrations: Record<string, Migration> = {
  '20261128130000_initial': initial,
  '20261128170000_plan_follow_up': planFollowUp,
};
