import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db, DialectName } from '../db/schema.js';
import type { AppConfig } from '../config.js';
import type { ServiceContext } from '../context.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dialect: DialectName;
    config: AppConfig;
  }
}

/** The service context of a request. Until accounts exist, API writes are attributed to « api ». */
export function contextOf(app: FastifyInstance, _request: FastifyRequest): ServiceContext {
  return { db: app.db, dialect: app.dialect, actor: 'api' };
}
