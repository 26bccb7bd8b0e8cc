import type { Migration } from 'kysely';
import * as initial from './20261128130000_initial.js';
import * as conventionSource from './20261128180000_convention_source.js';

/** Every migration, by timestamped name. Never edit one that has landed: add a new file. */
export const migrations: Record<string, Migration> = {
  '20261128130000_initial': initial,
  '20261128180000_convention_source': conventionSource,
};
