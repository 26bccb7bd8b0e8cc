import type { Db } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { nowIso } from '../platform/db/dialect.js';
import { notFound } from '../platform/http/errors.js';
import { scopeOf } from '../accounts/access.js';
import { mustSignIn } from '../accounts/accounts.policy.js';
import type { Principal } from '../accounts/principal.js';
import { findUserById, membershipsOf, recordSecurityEvent } from '../accounts/accounts.repository.js';
import { hashSecret, newSecret } from '../accounts/tokens.js';
import { myFollowUp } from '../plans/my-follow-up.service.js';
import type { CalendarFeed, CalendarFeedCreated } from '../../shared/api/office.js';
import { personCalendar, type PersonCalendarItems } from './calendar.js';
import * as repo from './calendar-feed.repository.js';

const feedUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/api/v1/calendar-feeds/${token}/calendar.ics`;

function requireUser(principal: Principal | undefined): Extract<Principal, { kind: 'user' }> {
  if (principal?.kind !== 'user') throw mustSignIn();
  return principal;
}

export async function getCalendarFeed(ctx: ServiceContext): Promise<CalendarFeed> {
  const feed = await repo.findFeedOf(ctx.db, requireUser(ctx.principal).userId);
  return { active: Boolean(feed), createdAt: feed?.created_at ?? null, lastUsedAt: feed?.last_used_at ?? null };
}

/** A new secret address (the previous one stops working); the address is shown this once only. */
export async function renewCalendarFeed(ctx: ServiceContext, publicUrl: string): Promise<CalendarFeedCreated> {
  const user = requireUser(ctx.principal);
  const token = newSecret();
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceFeed(trx, user.userId, hashSecret(token), now);
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'calendar_feed_created', details: { userId: user.userId } });
  });
  return { url: feedUrl(publicUrl, token), createdAt: now };
}

export async function revokeCalendarFeed(ctx: ServiceContext): Promise<void> {
  const user = requireUser(ctx.principal);
  // Idempotent: afterwards no address of this person works, whether or not one existed.
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.deleteFeed(trx, user.userId)) > 0) await recordSecurityEvent(trx, { actor: ctx.actor, event: 'calendar_feed_revoked', details: { userId: user.userId } });
  });
}

/** The account behind a secret address, as a principal with its current rights (never more). */
async function principalOfFeed(db: Db, token: string): Promise<Extract<Principal, { kind: 'user' }>> {
  const feed = await repo.findFeedByHash(db, hashSecret(token));
  const user = feed ? await findUserById(db, feed.user_id) : undefined;
  if (!feed || !user || user.status !== 'active') throw notFound('Calendrier');
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    isPlatformAdmin: user.is_platform_admin === 1,
    memberships: await membershipsOf(db, user.id),
    csrfToken: null,
  };
}

const oneYearBefore = (day: string): string => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;

/**
 * The person's calendar: signatures and ends of the conventions they may see, end dates of the
 * actions they pilot (still open), the dates of the draft reviews they may validate, and the governance
 * meetings of their conventions from a year ago on.
 */
export async function personFeed(db: Db, token: string, host: string): Promise<{ ics: string; principal: Principal }> {
  const principal = await principalOfFeed(db, token);
  const today = nowIso().slice(0, 10);
  const scope = scopeOf(principal);
  const followUp = await myFollowUp(db, principal, today);
  const items: PersonCalendarItems = {
    owner: principal.displayName,
    signatures: await repo.signaturesInScope(db, scope),
    conventions: await repo.openConventionsInScope(db, scope),
    actions: followUp.actions.filter((a) => a.endDate && a.status !== 'realisee' && a.status !== 'abandonnee'),
    reviews: followUp.reviews,
    meetings: await repo.meetingsInScope(db, scope, oneYearBefore(today)),
  };
  await repo.markFeedUsed(db, principal.userId, nowIso());
  return { ics: personCalendar(items, host), principal };
}
