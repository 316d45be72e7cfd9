// Group commit for the audit rows of reads (docs/adr/0006). A read of patient data writes nothing
// but its audit row; giving each read its own write transaction made the WAL flush, the commit and
// the transaction's bookkeeping the largest part of a chart read on PostgreSQL. Reads instead run
// in a READ ONLY transaction and hand their audit rows here: the rows of every read that arrives
// while a batch is being written go together in the next one, one transaction for the lot.
//
// append() resolves only once its rows are committed, and rejects if their batch failed: the route
// sends nothing before the read's audit row is durable, as when the row rode in the read's own
// transaction. Batches are written one at a time, in arrival order.

/** Writes the rows in one transaction; throws if it did not commit. */
export type AuditBatchWriter<Row> = (rows: readonly Row[]) => Promise<void>;

export interface AuditBatcher<Row> {
  /** Resolves when `rows` are committed (with other requests' rows), rejects if their batch failed. */
  append(rows: readonly Row[]): Promise<void>;
  /** Resolves when nothing is waiting or being written. */
  idle(): Promise<void>;
}

interface Waiting<Row> {
  readonly rows: readonly Row[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** At most this many rows in one batch; the rest wait for the next. */
export const MAX_BATCH_ROWS = 1000;

export function createAuditBatcher<Row>(write: AuditBatchWriter<Row>): AuditBatcher<Row> {
  let waiting: Waiting<Row>[] = [];
  let running: Promise<void> | undefined;

  /** The next batch: whole appends, in arrival order, up to MAX_BATCH_ROWS rows (at least one append). */
  function nextBatch(): Waiting<Row>[] {
    let rows = 0;
    let count = 0;
    while (count < waiting.length) {
      const size = waiting[count]?.rows.length ?? 0;
      if (count > 0 && rows + size > MAX_BATCH_ROWS) break;
      rows += size;
      count += 1;
    }
    const batch = waiting.slice(0, count);
    waiting = waiting.slice(count);
    return batch;
  }

  async function run(): Promise<void> {
    while (waiting.length > 0) {
      const batch = nextBatch();
      try {
        await write(batch.flatMap((w) => w.rows));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    running = undefined;
  }

  return {
    append: (rows) => {
      if (rows.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ rows, resolve, reject });
        running ??= run();
      });
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
