import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import { normalizeForSearch } from '../../shared/text.js';
import type { Random } from './random.js';
import { FIRST_NAMES, LAST_NAMES } from './texts.js';

export const USERS_PER_CAF = 50;
/** Events per action in the « Historique »: its creation and twelve follow-up updates. */
export const EVENTS_PER_ACTION = 13;

export interface CafPeople {
  firstUserId: number;
  cafId: number;
  partnerIds: number[];
  departementCode: string;
}

/**
 * The Caf's accounts: 2 administrators, 18 agents, then partner editors and readers of the local
 * authorities. No password: these accounts would sign in through ProConnect.
 */
export function userRows(random: Random, people: CafPeople, now: string) {
  const users: object[] = [];
  const memberships: object[] = [];
  for (let n = 0; n < USERS_PER_CAF; n++) {
    const id = people.firstUserId + n;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const email = `${normalizeForSearch(first)}.${normalizeForSearch(last)}.${people.departementCode.toLowerCase()}-${n}@exemple.fr`.replace(/ /g, '-');
    users.push({ id, email, display_name: `${first} ${last}`, person_id: null, password_hash: null, oidc_subject: null, is_platform_admin: 0, status: 'active', locked_until: null, last_login_at: null, created_at: now, updated_at: now });
    const partner = n >= 20 && people.partnerIds.length > 0;
    const role = n < 2 ? 'caf_admin' : n < 20 ? 'caf_agent' : n % 3 === 0 ? 'partner_reader' : 'partner_editor';
    memberships.push({ user_id: id, organisation_id: partner ? random.pick(people.partnerIds) : people.cafId, role: partner ? role : n < 2 ? 'caf_admin' : 'caf_agent', convention_ids: null, pilot_only: 0, created_at: now });
  }
  return { users, memberships };
}

const text = (expression: ReturnType<typeof sql>) => sql`cast(${expression} as text)`;

/** Thirteen dated months of follow-up: the k-th event of an action falls in year start + k / 4. */
const EVENT_DAYS = sql.raw(
  Array.from({ length: EVENTS_PER_ACTION }, (_, k) => `select ${k} as k, '${String((k * 5) % 12 + 1).padStart(2, '0')}-${String((k * 7) % 27 + 1).padStart(2, '0')}' as md`).join(' union all '),
);

/**
 * The history of the Caf's actions, written by the database itself (insert … select) so that a million
 * rows take seconds: each action is created then updated twelve times by one of the Caf's accounts.
 */
export async function insertActionHistory(db: Executor, actions: { from: number; to: number }, users: { first: number; count: number }): Promise<void> {
  await sql`insert into audit_event (at, actor, entity_type, entity_id, operation, before_json, after_json)
    select ${text(sql`cast(substr(a.start_date, 1, 4) as integer) + n.k / 4`)} || '-' || n.md || 'T09:30:00.000Z',
      u.display_name || ' <' || u.email || '>',
      'action', ${text(sql`a.id`)},
      case when n.k = 0 then 'create' else 'update' end,
      case when n.k = 0 then null else '{"progress":' || ${text(sql`(a.id + n.k * 7) % 100`)} || '}' end,
      '{"progress":' || ${text(sql`(a.id + n.k * 7 + 7) % 100`)} || '}'
    from action a
    cross join (${EVENT_DAYS}) n
    join app_user u on u.id = ${users.first} + (a.id + n.k) % ${users.count}
    where a.id >= ${actions.from} and a.id < ${actions.to}
    order by a.id, n.k`.execute(db);
}
