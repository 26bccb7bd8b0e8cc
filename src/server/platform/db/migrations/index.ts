import type { Migration } from 'kysely';
import * as initial from './20261128130000_initial.js';
import * as news from './20261128150000_news.js';
import * as territorial from './20261128160000_territorial.js';
import * as planFollowUp from './20261128170000_plan_follow_up.js';
import * as conventionSource from './20261128180000_convention_source.js';
import * as accounts from './20261128190000_accounts.js';
import * as actionPilotLinks from './20261128210000_action_pilot_links.js';
import * as personalData from './20261128220000_personal_data.js';
import * as office from './20261128230000_office.js';
import * as jobs from './20261129000000_jobs.js';
import * as governance from './20261129010000_governance.js';
import * as scale from './20261129020000_scale.js';
import * as idempotency from './20261129030000_idempotency.js';
import * as calendarFeeds from './20261129040000_calendar_feeds.js';
import * as webhooks from './20261129041000_webhooks.js';
import * as pgWritePath from './20261129050000_pg_write_path.js';
import * as principalCache from './20261129060000_principal_cache.js';
import * as sqliteSearchOnTextChange from './20261129070000_sqlite_search_on_text_change.js';
import * as principalVersion from './20261129080000_principal_version.js';
import * as tableVersions from './20261129090000_table_versions.js';

/** Every migration, by timestamped name. Never edit one that has landed: add a new file. */
export const migrations: Record<string, Migration> = {
  '20261128130000_initial': initial,
  '20261128150000_news': news,
  '20261128160000_territorial': territorial,
  '20261128170000_plan_follow_up': planFollowUp,
  '20261128180000_convention_source': conventionSource,
  '20261128190000_accounts': accounts,
  '20261128210000_action_pilot_links': actionPilotLinks,
  '20261128220000_personal_data': personalData,
  '20261128230000_office': office,
  '20261129000000_jobs': jobs,
  '20261129010000_governance': governance,
  '20261129020000_scale': scale,
  '20261129030000_idempotency': idempotency,
  '20261129040000_calendar_feeds': calendarFeeds,
  '20261129041000_webhooks': webhooks,
  '20261129050000_pg_write_path': pgWritePath,
  '20261129060000_principal_cache': principalCache,
  '20261129070000_sqlite_search_on_text_change': sqliteSearchOnTextChange,
  '20261129080000_principal_version': principalVersion,
  '20261129090000_table_versions': tableVersions,
};
