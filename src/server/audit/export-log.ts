import type { FastifyInstance } from 'fastify';
import { actorLabel } from '../accounts/principal.js';
import { recordSecurityEvent } from '../accounts/accounts.repository.js';

/**
 * Every file handed out by the API (a response sent as an attachment: exports, downloads) is written
 * to the security log with who, when and from where, without each export route having to say so.
 */
export function registerExportLog(app: FastifyInstance): void {
  // onSend: the entry is written before the file leaves, so the log never lags behind an export.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || !request.url.startsWith('/api/')) return payload;
    const disposition = reply.getHeader('content-disposition');
    if (typeof disposition !== 'string' || !disposition.startsWith('attachment')) return payload;
    const filename = /filename="([^"]*)"/.exec(disposition)?.[1] ?? null;
    try {
      await recordSecurityEvent(app.db, {
        actor: actorLabel(request.principal),
        event: 'data_export',
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        details: { path: request.url.split('?')[0], query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : null, filename },
      });
    } catch (error) {
      request.log.error({ err: error }, 'export not written to the security log');
    }
    return payload;
  });
}
