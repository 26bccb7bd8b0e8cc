import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../accounts/principal.js';
import { dataVersionOf } from './data-version.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache the 200 answer of this GET, per caller and per data version (see ADR 0016). */
    cacheByDataVersion?: boolean;
  }
  interface FastifyRequest {
    cacheSlot: { version: number; key: string; hit: boolean } | null;
  }
}

/** A serialized answer with its entity tag (hashed once, not on every hit). */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
}

/** Bytes of serialized answers kept per process; the oldest go first. */
const MAX_BYTES = 48 * 1024 * 1024;

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
  private readonly entries = new Map<string, CachedAnswer>();

  constructor(private readonly maxBytes = MAX_BYTES) {}

  get(version: number, key: string): CachedAnswer | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
      return undefined;
    }
    const answer = this.entries.get(key);
    if (answer) {
      this.entries.delete(key);
      this.entries.set(key, answer);
    }
    return answer;
  }

  /** Ignored when the version moved on while the answer was computed. */
  set(version: number, key: string, answer: CachedAnswer): void {
    if (version !== this.version || answer.body.length > this.maxBytes / 4) return;
    this.entries.set(key, answer);
    this.bytes += answer.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.body.length;
    }
  }
}

export const etagOf = (version: number, key: string) => `W/"${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;

function answerFromCache(request: FastifyRequest, reply: FastifyReply, { body, etag }: CachedAnswer): FastifyReply {
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
    const version = await dataVersionOf(app.db, request);
    // The date is part of the key: answers «  in force today » change at midnight without a write.
    const key = `${callerKey(request.principal)}|${new Date().toISOString().slice(0, 10)}|${request.url}`;
    const answer = cache.get(version, key);
    request.cacheSlot = { version, key, hit: Boolean(answer) };
    if (answer) return answerFromCache(request, reply, answer);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.cacheSlot;
    if (!slot || slot.hit || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = etagOf(slot.version, slot.key);
    cache.set(slot.version, slot.key, { body: Buffer.from(payload), etag });
    reply.header('etag', etag);
    return payload;
  });
}
