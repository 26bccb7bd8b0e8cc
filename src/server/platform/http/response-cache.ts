import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
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
    /**
     * Every route whose answers are cached, as registered, with the tables it declared (null: kept until
     * any write). Checked by cache-reads.test.ts.
     */
    cacheDeclarations: { url: string; reads: readonly CachedTable[] | null }[];
  }
  interface FastifyRequest {
    /** `flight`: the answer this request computes, which others with the same key may wait for. */
    cacheSlot: { versions: DataVersions; key: string; hit: boolean; flight: Flight | null } | null;
  }
}

/** A serialized answer with its entity tag (hashed once, not on every hit). */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
  /** The body compressed, made for the first client that accepts gzip and kept for the next ones. */
  gzipped?: Buffer;
}

/** Bodies smaller than this go out as they are: compressing them would save less than it costs. */
const GZIP_FROM_BYTES = 1024;

/** Whether the client takes gzip: every browser says so; `gzip;q=0` is a refusal. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  return value.split(',').some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const quality = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

/**
 * The bytes to send this client, their encoding set on the reply. A cached answer is compressed once,
 * however many clients read it; that is most of the cost of a hit for a large answer (ADR 0027).
 */
function bytesFor(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): Buffer {
  if (answer.body.length < GZIP_FROM_BYTES || !acceptsGzip(request.headers['accept-encoding'])) return answer.body;
  answer.gzipped ??= gzipSync(answer.body, { level: 6 });
  reply.header('content-encoding', 'gzip');
  return answer.gzipped;
}

/** The versions an answer was computed under (or found still valid under), and the tables it reads. */
interface Computed {
  data: number;
  callers: number;
  reads: readonly string[] | null;
}

interface Entry extends Computed {
  answer: CachedAnswer;
}

/**
 * Whether an answer computed under `computed` may be served to a request that read `versions`: computed
 * under the same or a later version (it shows every write acknowledged before the request), or earlier
 * when it declared the tables it reads, none of them has moved since and no caller changed.
 */
function serves(computed: Computed, versions: DataVersions): boolean {
  if (computed.data >= versions.data) return true;
  if (computed.reads === null || computed.callers !== versions.callers) return false;
  return computed.reads.every((table) => (versions.tables.get(table) ?? Number.POSITIVE_INFINITY) <= computed.data);
}

/** Bytes of serialized answers kept per process; the oldest go first. */
const MAX_BYTES = 48 * 1024 * 1024;

/**
 * Two requests with the same key are the same question asked with the same rights. Cached routes answer
 * from the caller's rights alone (platform administrator, read-only token, memberships), never from who
 * the caller is, so that the agents of one Caf share their answers (cache-reads.test.ts checks every
 * cached route for it).
 */
function rightsKey(principal: Principal): string {
  if (principal.kind === 'anonymous') return 'anonyme';
  const readOnly = principal.kind === 'token' && principal.readOnly ? 'r' : 'w';
  return `${principal.kind}:${principal.isPlatformAdmin ? 'a' : '-'}${readOnly}:${JSON.stringify(principal.memberships)}`;
}

/**
 * Serialized answers of one process, served while `serves` holds. When another instance (or this one)
 * commits a write, the versions read at the next request show it: an answer is never served once
 * something it depends on may have changed.
 */
export class ResponseCache {
  private bytes = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxBytes = MAX_BYTES) {}

  get(versions: DataVersions, key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!serves(entry, versions)) {
      // Something it reads moved after it was computed: it serves no later request either.
      this.drop(key, entry);
      return undefined;
    }
    entry.data = Math.max(entry.data, versions.data);
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

export const etagOf = (version: number, key: string) => `W/"${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;

function answerFromCache(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  reply.header('etag', answer.etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === answer.etag) return reply.code(304).send();
  return reply.header('content-type', 'application/json; charset=utf-8').send(bytesFor(request, reply, answer));
}

/** An answer being computed, and the requests waiting for it. */
interface Flight extends Computed {
  done: Promise<CachedAnswer | null>;
  settle: (answer: CachedAnswer | null) => void;
}

/**
 * Answers being computed, by key: identical requests arriving meanwhile (ten browsers after a write
 * emptied the cache, two hundred connections on a server just started) wait for the answer being
 * computed when it will serve them, instead of computing it again each.
 */
class Flights {
  private readonly pending = new Map<string, Flight>();

  /** The answer being computed for these versions, or a flight this request now computes. */
  join(key: string, versions: DataVersions, reads: readonly string[] | null): { waiting: Promise<CachedAnswer | null> } | { computing: Flight } {
    const existing = this.pending.get(key);
    if (existing && serves(existing, versions)) return { waiting: existing.done };
    let settle!: (answer: CachedAnswer | null) => void;
    const done = new Promise<CachedAnswer | null>((resolve) => (settle = resolve));
    const flight = { data: versions.data, callers: versions.callers, reads, done, settle };
    this.pending.set(key, flight);
    return { computing: flight };
  }

  /** null when the computing request ended without a 200: those who waited compute their own answer. */
  land(key: string, flight: Flight, answer: CachedAnswer | null): void {
    flight.settle(answer);
    if (this.pending.get(key) === flight) this.pending.delete(key);
  }
}

/** Routes with `config.cacheByDataVersion` answer from the cache while what they read has not moved. */
export function registerResponseCache(app: FastifyInstance): void {
  const cache = new ResponseCache();
  const flights = new Flights();
  app.decorateRequest('cacheSlot', null);
  app.decorate('cacheDeclarations', []);
  app.addHook('onRoute', (route) => {
    const { cacheReads, cacheByDataVersion } = route.config ?? {};
    if ((cacheReads || cacheByDataVersion) && route.method !== 'HEAD') app.cacheDeclarations.push({ url: route.url, reads: cacheReads ?? null });
  });
  // Before validation: a hit is a URL that was validated when its answer was computed.
  app.addHook('preValidation', async (request, reply) => {
    const { cacheByDataVersion, cacheReads } = request.routeOptions.config;
    if (request.method !== 'GET' || !(cacheByDataVersion || cacheReads)) return;
    const versions = await versionsOf(request);
    // The date is part of the key: answers «  in force today » change at midnight without a write.
    const key = `${rightsKey(request.principal)}|${new Date().toISOString().slice(0, 10)}|${request.url}`;
    const cached = cache.get(versions, key);
    if (cached) {
      request.cacheSlot = { versions, key, hit: true, flight: null };
      return answerFromCache(request, reply, cached);
    }
    const joined = flights.join(key, versions, cacheReads ?? null);
    if ('computing' in joined) {
      request.cacheSlot = { versions, key, hit: false, flight: joined.computing };
      return;
    }
    const shared = await joined.waiting;
    request.cacheSlot = { versions, key, hit: Boolean(shared), flight: null };
    // When the first request failed, this one computes its own answer (kept if it is a 200).
    if (shared) return answerFromCache(request, reply, shared);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.cacheSlot;
    if (!slot || slot.hit) return payload;
    const cacheable = reply.statusCode === 200 && typeof payload === 'string';
    const answer = cacheable ? { body: Buffer.from(payload), etag: etagOf(slot.versions.data, slot.key) } : null;
    if (slot.flight) flights.land(slot.key, slot.flight, answer);
    slot.flight = null;
    if (!answer) return payload;
    cache.set(slot.versions, slot.key, answer, request.routeOptions.config.cacheReads ?? null);
    reply.header('etag', answer.etag).header('vary', 'accept-encoding');
    return bytesFor(request, reply, answer);
  });
  // However the request ended, those waiting for it are let go.
  const release = async (request: FastifyRequest) => {
    const slot = request.cacheSlot;
    if (slot?.flight) flights.land(slot.key, slot.flight, null);
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
