import type { Db, Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';

/**
 * A service context whose writes join an open transaction: each service's own
 * `db.transaction().execute(work)` runs `work` in that transaction instead of opening a new one.
 * The import chains several services (convention, signature, persons, actions) all or nothing this way.
 */
export function joinTransaction(ctx: ServiceContext, trx: Executor): ServiceContext {
  const joined = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        return () => ({ execute: <T>(work: (t: Executor) => Promise<T>) => work(target) });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...ctx, db: joined as unknown as Db };
}
