import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../accounts/principal.js';
import { versionsOf, type DataVersions } from './data-version.js';
import type { CachedTable } from '../db/versions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache the 200 answer of this GET, per caller and per data version (see ADR 0016). */
    cacheByDataVersion?: boolean;
    /**
     * The tables this answer reads (ADR 0022): it is kept while none of them moves, instead of until any
     * write. Checked by a test that replays the route and compares with the tables its queries name.
     */
    cacheReads?: readonly CachedTable[];
  }
  interface FastifyInstance {
    /** The routes whose cached answers declared the tables they read, as registered (checked by a test). */
    cacheDeclarations: { url: string; reads: readonly CachedTable[] }[];
  }
  interface FastifyRequest {
    /** `computing`: this request computes an answer others with the same key wait for. */
    cacheSlot: { versions: DataVersions; key: string; hit: boolean; computing: boolean } | null;
  }
}

/** A serialized answer with its entity tag (hashed once, not on every hit). */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
}

/** An answer, the versions it was computed under (or found still valid under) and the tables it reads. */
interface Entry {
  answer: CachedAnswer;
  data: number;
  callers: number;
  reads: readonly string[] | null;
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
 * Serialized answers of one process. An answer is served under the data version it was computed under;
 * under a later one only when it declared the tables it reads, none of them has moved since and no
 * caller changed. When another instance (or this one) commits a write, the versions read at the next
 * request show it: an answer is never served once something it depends on may have changed.
 */
export class ResponseCache {
  private bytes = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxBytes = MAX_BYTES) {}

  get(versions: DataVersions, key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!stillValid(entry, versions)) {
      // Computed under a later version than this request's: kept for the requests that read that one.
      if (entry.data < versions.data) this.drop(key, entry);
      return undefined;
    }
    entry.data = versions.data;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.answer;
  }

  /** Ignored when a later answer is already kept. */
  set(versions: DataVersions, key: string, answer: CachedAnswer, reads: readonly string[] | null): void {
    const existing = this.entries.get(key);
    if (answer.body.length > this.maxBytes / 4 || (existing && existing.data > versions.data)) return;
    if (existing) this.drop(key, existing);
    this.entries.set(key, { answer, data: versions.data, callers: versions.callers, reads });
    this.bytes += answer.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest, value);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.answer.body.length;
  }
}

function stillValid(entry: Entry, versions: DataVersions): boolean {
  if (entry.data === versions.data) return true;
  if (entry.reads === null || entry.data > versions.data || entry.callers !== versions.callers) return false;
  return entry.reads.every((table) => (versions.tables.get(table) ?? Number.POSITIVE_INFINITY) <= entry.data);
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

/** Routes with `config.cacheByDataVersion` answer from the cache while what they read has not moved. */
export function registerResponseCache(app: FastifyInstance): void {
  const cache = new ResponseCache();
  const flights = new Flights();
  const flightOf = (slot: { versions: DataVersions; key: string }) => `${slot.versions.data}\u0000${slot.key}`;
  app.decorateRequest('cacheSlot', null);
  app.decorate('cacheDeclarations', []);
  app.addHook('onRoute', (route) => {
    const reads = route.config?.cacheReads;
    if (reads && route.method !== 'HEAD') app.cacheDeclarations.push({ url: route.url, reads });
  });
  // Before validation: a hit is a URL that was validated when its answer was computed.
  app.addHook('preValidation', async (request, reply) => {
    const { cacheByDataVersion, cacheReads } = request.routeOptions.config;
    if (request.method !== 'GET' || !(cacheByDataVersion || cacheReads)) return;
    const versions = await versionsOf(request);
    // The date is part of the key: answers «  in force today » change at midnight without a write.
    const key = `${callerKey(request.principal)}|${new Date().toISOString().slice(0, 10)}|${request.url}`;
    const cached = cache.get(versions, key);
    if (cached) {
      request.cacheSlot = { versions, key, hit: true, computing: false };
      return answerFromCache(request, reply, cached);
    }
    const waiting = flights.join(flightOf({ versions, key }));
    if (!waiting) {
      request.cacheSlot = { versions, key, hit: false, computing: true };
      return;
    }
    const shared = await waiting;
    request.cacheSlot = { versions, key, hit: Boolean(shared), computing: false };
    // When the first request failed, this one computes its own answer (kept if it is a 200).
    if (shared) return answerFromCache(request, reply, shared);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.cacheSlot;
    if (!slot || slot.hit) return payload;
    const cacheable = reply.statusCode === 200 && typeof payload === 'string';
    const answer = cacheable ? { body: Buffer.from(payload), etag: etagOf(slot.versions.data, slot.key) } : null;
    if (slot.computing) flights.land(flightOf(slot), answer);
    slot.computing = false;
    if (!answer) return payload;
    cache.set(slot.versions, slot.key, answer, request.routeOptions.config.cacheReads ?? null);
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
