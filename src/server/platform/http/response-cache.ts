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
    /** `computing`: this request computes an answer others with the same key wait for. */
    cacheSlot: { version: number; key: string; hit: boolean; computing: boolean } | null;
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

/**
 * Answers being computed, by version and key: identical requests arriving meanwhile (ten browsers after
 * a write emptied the cache) wait for the first one's answer instead of computing it again each.
 */
class Flights {
  private readonly pending = new Map<string, { done: Promise<CachedAnswer | null>; settle: (answer: CachedAnswer | null) => void }>();

  /** The answer another request is computing, or null after registering this one as the one computing it. */
  join(flight: string): Promise<CachedAnswer | null> | null {
    const existing = this.pending.get(flight);
    if (existing) return existing.done;
    let settle!: (answer: CachedAnswer | null) => void;
    const done = new Promise<CachedAnswer | null>((resolve) => (settle = resolve));
    this.pending.set(flight, { done, settle });
    return null;
  }

  /** null when the first request ended without a 200: those who waited compute their own answer. */
  land(flight: string, answer: CachedAnswer | null): void {
    this.pending.get(flight)?.settle(answer);
    this.pending.delete(flight);
  }
}

/** Routes with `config.cacheByDataVersion` answer from the cache when the data version has not moved. */
export function registerResponseCache(app: FastifyInstance): void {
  const cache = new ResponseCache();
  const flights = new Flights();
  const flightOf = (slot: { version: number; key: string }) => `${slot.version}\u0000${slot.key}`;
  app.decorateRequest('cacheSlot', null);
  // Before validation: a hit is a URL that was validated when its answer was computed.
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.cacheByDataVersion) return;
    const version = await dataVersionOf(request);
    // The date is part of the key: answers «  in force today » change at midnight without a write.
    const key = `${callerKey(request.principal)}|${new Date().toISOString().slice(0, 10)}|${request.url}`;
    const cached = cache.get(version, key);
    if (cached) {
      request.cacheSlot = { version, key, hit: true, computing: false };
      return answerFromCache(request, reply, cached);
    }
    const waiting = flights.join(flightOf({ version, key }));
    if (!waiting) {
      request.cacheSlot = { version, key, hit: false, computing: true };
      return;
    }
    const shared = await waiting;
    request.cacheSlot = { version, key, hit: Boolean(shared), computing: false };
    // When the first request failed, this one computes its own answer (kept if it is a 200).
    if (shared) return answerFromCache(request, reply, shared);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.cacheSlot;
    if (!slot || slot.hit) return payload;
    const cacheable = reply.statusCode === 200 && typeof payload === 'string';
    const answer = cacheable ? { body: Buffer.from(payload), etag: etagOf(slot.version, slot.key) } : null;
    if (slot.computing) flights.land(flightOf(slot), answer);
    slot.computing = false;
    if (!answer) return payload;
    cache.set(slot.version, slot.key, answer);
    reply.header('etag', answer.etag);
    return payload;
  });
  // However the request ended, those waiting for it are let go.
  const release = async (request: FastifyRequest) => {
    const slot = request.cacheSlot;
    if (slot?.computing) flights.land(flightOf(slot), null);
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
