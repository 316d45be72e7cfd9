// withClinic and asSystem hand out a transaction; calling either again from inside it would open
// a second, unrelated transaction (PostgreSQL) or wait forever behind the first (PGlite, one
// connection). Refuse it with a message instead.
import { AsyncLocalStorage } from 'node:async_hooks';

export type Outermost = <T>(start: () => Promise<T>) => Promise<T>;

export function createNestingGuard(): Outermost {
  const inside = new AsyncLocalStorage<true>();
  return (start) =>
    inside.getStore()
      ? Promise.reject(
          new Error(
            'withClinic/asSystem was called inside another withClinic/asSystem transaction of the same database; ' +
              'use the transaction it gave you',
          ),
        )
      : inside.run(true, start);
}
