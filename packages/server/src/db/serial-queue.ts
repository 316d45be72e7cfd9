// PGlite is one connection: two transactions must not interleave on it. PGlite serialises its own
// transaction() calls too, but this queue makes the order explicit (first come, first served) and
// covers migrations. A task must not enqueue another task and wait for it: that deadlocks.
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves when every task enqueued so far has settled. */
  idle(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail.then(() => undefined),
  };
}
