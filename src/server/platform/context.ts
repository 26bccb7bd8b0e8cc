import type { Db, DialectName } from './db/schema.js';

/** What every service call needs: the database and who is acting (until accounts exist, a label). */
export interface ServiceContext {
  db: Db;
  dialect: DialectName;
  actor: string;
}
