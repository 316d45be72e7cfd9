// One pooled PostgreSQL connection inside a transaction, with fewer round trips: node-postgres in
// pipeline mode sends a statement without waiting for the previous answer, so statements whose
// answer can wait (the transaction's opening, an audit row) are queued and travel in the same write
// as the next statement that needs an answer, or as the COMMIT. Order on the connection is program
// order; only the waiting is shared. A chart read is then: [BEGIN + clinic settings + the chart]
// and [audit insert + COMMIT], two round trips instead of five.
import type pg from 'pg';
import type { DeferredQuery, RawQuery, Statement } from './database-internals.js';

type Send = () => Promise<unknown>;

/** What drizzle's session calls on its client. */
export interface QueryClient {
  query(config: unknown, values?: unknown): Promise<unknown>;
}

export interface PipelinedConnection {
  /** For drizzle: each statement waits for the queued ones to succeed, then goes alone. */
  readonly drizzleClient: QueryClient;
  readonly query: RawQuery;
  readonly defer: DeferredQuery;
  /** Queues a statement without parameters (the transaction's opening). */
  queue(text: string): void;
  /** Sends the queued statements and COMMIT together; fails if any of them failed. */
  commit(): Promise<void>;
}

const ignore = () => undefined;

interface Corkable {
  cork(): void;
  uncork(): void;
}

function streamOf(client: pg.PoolClient): Corkable | undefined {
  const stream = (client as unknown as { connection?: { stream?: Partial<Corkable> } }).connection?.stream;
  return stream?.cork && stream.uncork ? (stream as Corkable) : undefined;
}

export function pipelinedConnection(client: pg.PoolClient): PipelinedConnection {
  let queued: Send[] = [];
  const stream = streamOf(client);

  /** Sends the queued statements then `last` in one write; `last`'s answer once all queued succeeded. */
  async function withQueued<T>(last: () => Promise<T>): Promise<T> {
    if (queued.length === 0) return last();
    const before = queued;
    queued = [];
    stream?.cork();
    let sent: Promise<unknown>[];
    let answer: Promise<T>;
    try {
      sent = before.map((send) => send());
      answer = last();
    } finally {
      stream?.uncork();
    }
    // Mark every answer handled now: a later one may fail while an earlier one is awaited.
    for (const promise of sent) promise.catch(ignore);
    answer.catch(ignore);
    for (const promise of sent) await promise;
    return answer;
  }

  /** The queued statements, answered, before anything that may write runs behind them. */
  const settleQueued = () => withQueued(() => Promise.resolve());

  const send = async <R>(statement: Statement, values: readonly unknown[]): Promise<R[]> =>
    (
      await client.query<R & pg.QueryResultRow>({
        name: statement.name,
        text: statement.text,
        values: [...values],
      })
    ).rows;

  return {
    drizzleClient: {
      query: async (config, values) => {
        await settleQueued();
        return client.query(config as pg.QueryConfig, values as unknown[]);
      },
    },
    query: async <R>(statement: Statement, values: readonly unknown[]) => {
      // A read may run behind statements not yet answered: if they failed, it fails too (the
      // transaction is aborted) or, were BEGIN itself to fail, its rows are dropped unread.
      if (statement.readOnly) return withQueued(() => send<R>(statement, values));
      await settleQueued();
      return send<R>(statement, values);
    },
    defer: (statement, values) => {
      queued.push(() => send(statement, values));
    },
    queue: (text) => {
      queued.push(() => client.query(text));
    },
    commit: async () => {
      await withQueued(() => client.query('commit'));
    },
  };
}
