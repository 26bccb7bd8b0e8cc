import type { Db, DialectName } from './db/schema.js';
import type { Principal } from '../accounts/principal.js';

/**
 * What every service call needs: the database, who is acting (a label for audit records) and, for
 * requests, the caller whose rights are checked. Internal callers (demo, CLI) leave it out.
 */
export interface ServiceContext {
  db: Db;
  dialect: DialectName;
  actor: string;
  principal?: Principal;
  /** Why these writes happen when it is not a direct edit (« COPIL du … »): written in the audit records. */
  origin?: string;
}
