import type { DatabaseHandle } from '../platform/db/create-db.js';
import { countTerritories } from '../territories/territories.repository.js';
import { loadTerritories } from '../territories/territories.loader.js';
import { ensureDefaultThemes } from '../themes/themes.service.js';
import { DEMO_ACTOR, loadDemo } from './demo.loader.js';

export interface PrepareOptions {
  loadDemoIfEmpty: boolean;
  /** Restrict the referential (tests load one département); all of France by default. */
  departements?: string[];
}

/** Reference data every instance needs, and the demo on an empty database. */
export async function prepareDatabase(database: DatabaseHandle, options: PrepareOptions) {
  const { db } = database;
  if ((await countTerritories(db)) === 0) await loadTerritories(db, { departements: options.departements });
  await ensureDefaultThemes(db);
  const conventions = await db.selectFrom('convention').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const organisations = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const empty = Number(conventions?.n ?? 0) === 0 && Number(organisations?.n ?? 0) === 0;
  if (options.loadDemoIfEmpty && empty) {
    await loadDemo({ db, dialect: database.dialect, actor: DEMO_ACTOR });
    return { demoLoaded: true };
  }
  return { demoLoaded: false };
}
