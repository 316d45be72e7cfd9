// PGlite is one connection: two transactions must not interleave on it. PGlite serialises its own
// transaction() calls too, but this queue makes the order explicit (first come, first served) and
// covers migrations. A task must not enqueue another task and wait for it: that deadlocks.
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves when every task enqueued so far has settled. */
  idle(): Promise<void>;
}

/**
 * Lets the event loop read new requests before the next task: PGlite runs SQL on the main thread,
 * so chained tasks would otherwise starve the HTTP server (the chart-read bench saw a p99 of
 * seconds with server-side times under 100 ms).
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const next = async (): Promise<T> => {
        await yieldToEventLoop();
        return task();
      };
      const result = tail.then(next, next);
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail.then(() => undefined),
  };
}
