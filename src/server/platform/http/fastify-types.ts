import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db, DialectName } from '../db/schema.js';
import type { AppConfig } from '../config.js';
import type { ServiceContext } from '../context.js';
import type { Mailer } from '../mail/mailer.js';
import type { JobWorker } from '../jobs/worker.js';
import type { DataVersions, SharedVersionRead } from './data-version.js';
import { actorLabel } from '../../accounts/principal.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dialect: DialectName;
    config: AppConfig;
    mailer: Mailer;
    /** The background job worker of this instance (see platform/jobs). */
    jobs: JobWorker;
    /** Reads of the data version shared by the requests of one turn of the event loop (ADR 0020). */
    versionReads: SharedVersionRead<DataVersions>;
  }
}

/** The service context of a request: writes are attributed to the signed-in person or token. */
export function contextOf(app: FastifyInstance, request: FastifyRequest): ServiceContext {
  const principal = request.principal;
  return { db: app.db, dialect: app.dialect, actor: actorLabel(principal), principal };
}
