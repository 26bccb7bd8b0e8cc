import type { Executor } from '../platform/db/schema.js';
import { scopeOf } from '../accounts/access.js';
import { mustSignIn } from '../accounts/accounts.policy.js';
import type { Principal } from '../accounts/principal.js';
import type { ActionStatus } from '../../shared/enums.js';
import type { MyFollowUp } from '../../shared/api/my-follow-up.js';
import { STALE_AFTER_MONTHS } from './dashboard.logic.js';
import { dueOf, monthsBefore, pilotedAs } from './my-follow-up.logic.js';
import * as repo from './my-follow-up.repository.js';

const VALIDATOR_ROLES = new Set(['caf_admin', 'caf_agent']);

/**
 * « Mon suivi »: the actions the signed-in person pilots (ADR 0011: linked account, organisation of one
 * of their memberships, or free-text pilot equal to their name) and what is due on them, plus the draft
 * reviews they may validate. Everything is read within the caller's scope, in SQL.
 */
export async function myFollowUp(db: Executor, principal: Principal, today: string): Promise<MyFollowUp> {
  if (principal.kind === 'anonymous') throw mustSignIn();
  const keys: repo.PilotKeys = {
    userId: principal.kind === 'user' ? principal.userId : null,
    organisationIds: [...new Set(principal.memberships.map((m) => m.organisationId))],
    name: principal.kind === 'user' ? principal.displayName.trim().toLowerCase() : null,
  };
  const year = Number(today.slice(0, 4));
  const rows = await repo.pilotedActions(db, keys, scopeOf(principal));
  const ids = rows.map((r) => r.id);
  const notes = await repo.lastNoteDates(db, ids);
  const indicators = await repo.indicatorsWithoutValueIn(db, ids, year);
  const reviews = await repo.draftReviews(db, scopeOf(principal, VALIDATOR_ROLES));
  const staleLimit = monthsBefore(today, STALE_AFTER_MONTHS);
  return {
    today,
    year,
    actions: rows.map((r) => ({
      id: r.id,
      conventionId: r.convention_id,
      conventionTitle: r.convention_title,
      title: r.title,
      status: r.status as ActionStatus,
      progress: r.progress,
      endDate: r.end_date,
      pilotedAs: pilotedAs(r, keys),
      lastNoteDate: notes.get(r.id) ?? null,
      due: dueOf(
        { status: r.status as ActionStatus, endDate: r.end_date, lastNoteDate: notes.get(r.id) ?? null },
        indicators.filter((i) => i.action_id === r.id).map((i) => ({ id: i.id, title: i.title })),
        today,
        staleLimit,
      ),
    })),
    reviews: reviews.map((r) => ({ id: r.id, conventionId: r.convention_id, conventionTitle: r.convention_title, kind: r.kind, year: r.year, snapshotDate: r.snapshot_date })),
  };
}
