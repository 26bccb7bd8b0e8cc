import type { Db } from '../platform/db/schema.js';
import { SECURITY_EVENT_LABELS, type SecurityEvent, type SecurityEventQuery } from '../../shared/api/security.js';
import type { Page } from '../../shared/api/common.js';
import type { Principal } from '../accounts/principal.js';
import { forbidden, requireSignedIn } from '../accounts/accounts.policy.js';
import * as repo from './security-log.repository.js';

type Row = Awaited<ReturnType<typeof repo.listSecurityEvents>>[number];

/**
 * The security log covers every organisation's people: only platform administrators read it
 * (a Caf administrator would otherwise see other Cafs' sign-ins).
 */
export function requireSecurityLogReader(principal: Principal): void {
  requireSignedIn(principal);
  if (!principal.isPlatformAdmin) throw forbidden('consulter le journal de sécurité');
}

export function presentSecurityEvent(row: Row): SecurityEvent {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    event: row.event,
    eventLabel: SECURITY_EVENT_LABELS[row.event] ?? row.event,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details_json ? (JSON.parse(row.details_json) as Record<string, unknown>) : null,
  };
}

export async function listSecurityLog(db: Db, principal: Principal, query: SecurityEventQuery): Promise<Page<SecurityEvent>> {
  requireSecurityLogReader(principal);
  const { limit, cursor, ...filter } = query;
  const rows = await repo.listSecurityEvents(db, filter, { beforeId: cursor ? Number(cursor) : undefined, limit: limit + 1 });
  const total = await repo.countSecurityEvents(db, filter);
  const items = rows.slice(0, limit).map(presentSecurityEvent);
  return { items, total, nextCursor: rows.length > limit ? String(items.at(-1)!.id) : null };
}

const CSV_COLUMNS = ['date', 'événement', 'personne', 'adresse IP', 'navigateur', 'détails'];
const cell = (value: string | null) => {
  const text = value ?? '';
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Every matching event as CSV (semicolons and a byte-order mark, as spreadsheets in French expect). */
export async function exportSecurityLogCsv(db: Db, principal: Principal, query: Omit<SecurityEventQuery, 'limit' | 'cursor'>): Promise<string> {
  requireSecurityLogReader(principal);
  const lines = [CSV_COLUMNS.join(';')];
  let beforeId: number | undefined;
  for (;;) {
    const rows = await repo.listSecurityEvents(db, query, { beforeId, limit: 1000 });
    for (const event of rows.map(presentSecurityEvent)) {
      lines.push([event.at, event.eventLabel, event.actor, event.ip, event.userAgent, event.details ? JSON.stringify(event.details) : null].map(cell).join(';'));
    }
    if (rows.length < 1000) break;
    beforeId = rows.at(-1)!.id;
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
