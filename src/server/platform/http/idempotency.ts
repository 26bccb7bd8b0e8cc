import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../accounts/principal.js';
import type { Db, IdempotencyKeyTable } from '../db/schema.js';
import { HttpError } from './errors.js';

/**
 * `Idempotency-Key` on creating requests (POST with a JSON body, signed-in caller): the first request
 * with a key runs and its successful response is stored; the same key with the same request replays
 * that response; the same key with another request is refused (422). A duplicate arriving while the
 * first one still runs waits for its outcome, so concurrent double submits create one row.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Longer than the request timeout: a key still pending after this belongs to a crashed request. */
const ABANDONED_AFTER_MS = 2 * 60_000;
const KEPT_FOR_MS = 24 * 3600_000;
const WAIT_STEP_MS = 25;
const WAIT_LIMIT_MS = 35_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string } | null;
  }
}

function principalKey(principal: Principal): string | null {
  if (principal.kind === 'user') return `user:${principal.userId}`;
  if (principal.kind === 'token') return `token:${principal.tokenId}`;
  return null;
}

/** Files (multipart) are not kept in memory to be hashed: keys apply to JSON bodies and empty ones. */
const isJson = (request: FastifyRequest): boolean => /^application\/json\b/i.test(request.headers['content-type'] ?? 'application/json');

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
}

const invalidKey = (): HttpError => {
  const message = 'l’en-tête doit contenir de 1 à 255 caractères visibles (par exemple un UUID).';
  return new HttpError(400, 'validation', `Données invalides — en-tête « Idempotency-Key » : ${message}`, [{ path: 'Idempotency-Key', message }]);
};

const reusedKey = (): HttpError =>
  new HttpError(422, 'idempotency_mismatch', 'Cette clé d’idempotence (en-tête « Idempotency-Key ») a déjà servi pour une autre requête : utilisez une nouvelle clé pour une nouvelle demande.', [
    { path: 'Idempotency-Key', message: 'clé déjà utilisée pour une autre requête' },
  ]);

const stillRunning = (): HttpError =>
  new HttpError(409, 'idempotency_in_progress', 'Une requête avec la même clé d’idempotence (en-tête « Idempotency-Key ») est encore en cours : réessayez dans quelques instants.');

/** Inserts the pending key; false when another request already holds it. */
async function claim(db: Db, principal: string, key: string, hash: string): Promise<boolean> {
  const now = Date.now();
  await db.deleteFrom('idempotency_key').where('created_at', '<', new Date(now - KEPT_FOR_MS).toISOString()).execute();
  await db
    .deleteFrom('idempotency_key')
    .where('principal', '=', principal)
    .where('key', '=', key)
    .where('status', '=', 'pending')
    .where('created_at', '<', new Date(now - ABANDONED_AFTER_MS).toISOString())
    .execute();
  const result = await db
    .insertInto('idempotency_key')
    .values({ principal, key, request_hash: hash, status: 'pending', response_status: null, response_body: null, created_at: new Date(now).toISOString() })
    .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

async function findKey(db: Db, principal: string, key: string): Promise<IdempotencyKeyTable | undefined> {
  return db.selectFrom('idempotency_key').selectAll().where('principal', '=', principal).where('key', '=', key).executeTakeFirst();
}

/** The stored outcome of the first request, waiting while it runs; undefined if it failed meanwhile. */
async function outcomeOf(db: Db, principal: string, key: string): Promise<IdempotencyKeyTable | undefined> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const row = await findKey(db, principal, key);
    if (!row || row.status === 'done' || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function handleKey(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (key === undefined || request.method !== 'POST' || !isJson(request)) return undefined;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw invalidKey();
  const principal = principalKey(request.principal);
  if (!principal) return undefined;
  const hash = requestHash(request);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await claim(app.db, principal, key, hash)) {
      request.idempotency = { principal, key };
      return undefined;
    }
    const stored = await outcomeOf(app.db, principal, key);
    if (!stored) continue; // the first request failed and released the key: this one may run
    if (stored.request_hash !== hash) throw reusedKey();
    if (stored.status !== 'done') throw stillRunning();
    return reply.status(stored.response_status ?? 200).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(stored.response_body);
  }
  throw stillRunning();
}

/** Stores a successful response for replays; any other outcome releases the key. */
async function recordOutcome(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
  const held = request.idempotency;
  if (!held) return;
  request.idempotency = null;
  const where = app.db.updateTable('idempotency_key').where('principal', '=', held.principal).where('key', '=', held.key);
  if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
    await where.set({ status: 'done', response_status: reply.statusCode, response_body: payload }).execute();
  } else {
    await app.db.deleteFrom('idempotency_key').where('principal', '=', held.principal).where('key', '=', held.key).execute();
  }
}

export function registerIdempotency(app: FastifyInstance): void {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => handleKey(app, request, reply));
  app.addHook('onSend', async (request, reply, payload) => {
    await recordOutcome(app, request, reply, payload);
    return payload;
  });
}
