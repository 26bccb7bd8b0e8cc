import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../db/schema.js';
import type { Principal } from '../../accounts/principal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache the 200 answer of this GET, per caller and per data version (see ADR 0016). */
    cacheByDataVersion?: boolean;
  }
  interface FastifyRequest {
    cacheSlot: { version: number; key: string; hit: boolean } | null;
  }
}

/** Bytes of serialized answers kept per process; the oldest go first. */
const MAX_BYTES = 48 * 1024 * 1024;

/** The data version moves on with every committed write to a cached table (triggers, migration 20261129020000). */
export async function currentDataVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('data_version').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Two requests with the same key are the same question from the same caller with the same rights. */
function callerKey(principal: Principal): string {
  if (principal.kind === 'anonymous') return 'anonyme';
  const who = principal.kind === 'user' ? `u${principal.userId}` : `t${principal.tokenId}`;
  const readOnly = principal.kind === 'token' && principal.readOnly ? 'r' : 'w';
  return `${who}:${principal.isPlatformAdmin ? 'a' : '-'}${readOnly}:${JSON.stringify(principal.memberships)}`;
}

/**
 * Serialized answers of one process for one data version. When another instance (or this one) commits
 * a write, the version read at the next request differs and everything is dropped: an answer is never
 * served for a version it was not computed under.
 */
export class ResponseCache {
  private version = -1;
  private bytes = 0;
  private readonly entries = new Map<string, Buffer>();

  constructor(private readonly maxBytes = MAX_BYTES) {}

  get(version: number, key: string): Buffer | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
      return undefined;
    }
    const body = this.entries.get(key);
    if (body) {
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  /** Ignored when the version moved on while the answer was computed. */
  set(version: number, key: string, body: Buffer): void {
    if (version !== this.version || body.length > this.maxBytes / 4) return;
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }
}

const etagOf = (version: number, key: string) => `W/"${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;

function answerFromCache(request: FastifyRequest, reply: FastifyReply, body: Buffer, etag: string): FastifyReply {
  reply.header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.header('content-type', 'application/json; charset=utf-8').send(body);
}

/** Routes with `config.cacheByDataVersion` answer from the cache when the data version has not moved. */
export function registerResponseCache(app: FastifyInstance): void {
  const cache = new ResponseCache();
  app.decorateRequest('cacheSlot', null);
  // Before validation: a hit is a URL that was validated when its answer was computed.
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.cacheByDataVersion) return;
    const version = await currentDataVersion(app.db);
    // The date is part of the key: answers «  in force today » change at midnight without a write.
    const key = `${callerKey(request.principal)}|${new Date().toISOString().slice(0, 10)}|${request.url}`;
    const body = cache.get(version, key);
    request.cacheSlot = { version, key, hit: Boolean(body) };
    if (body) return answerFromCache(request, reply, body, etagOf(version, key));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.cacheSlot;
    if (!slot || slot.hit || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    cache.set(slot.version, slot.key, Buffer.from(payload));
    reply.header('etag', etagOf(slot.version, slot.key));
    return payload;
  });
}
