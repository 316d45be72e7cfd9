import { describe, expect, it } from 'vitest';
import { createAuditBatcher, MAX_BATCH_ROWS } from './audit-batcher.js';

/** A writer whose batches are recorded and finished by the test, one at a time. */
function controlledWriter() {
  const batches: number[][] = [];
  const finish: ((error?: Error) => void)[] = [];
  const write = (rows: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push([...rows]);
      finish.push((error) => (error ? reject(error) : resolve()));
    });
  return { batches, finish, write };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('the audit batcher (group commit of reads’ audit rows)', () => {
  it('writes the first rows at once and gathers those that arrive meanwhile into the next batch', async () => {
    const writer = controlledWriter();
    const batcher = createAuditBatcher(writer.write);
    const done: string[] = [];
    const first = batcher.append([1]).then(() => done.push('first'));
    const second = batcher.append([2, 3]).then(() => done.push('second'));
    const third = batcher.append([4]).then(() => done.push('third'));
    await settled();
    expect(writer.batches).toEqual([[1]]);
    expect(done).toEqual([]);

    writer.finish[0]?.();
    await first;
    await settled();
    expect(writer.batches).toEqual([[1], [2, 3, 4]]);
    expect(done).toEqual(['first']);

    writer.finish[1]?.();
    await Promise.all([second, third]);
    expect(done).toEqual(['first', 'second', 'third']);
    await batcher.idle();
  });

  it('rejects every append of a failed batch, and only those; the next batch is still written', async () => {
    const writer = controlledWriter();
    const batcher = createAuditBatcher(writer.write);
    const first = batcher.append([1]);
    const second = batcher.append([2]);
    const third = batcher.append([3]);
    await settled();
    writer.finish[0]?.();
    await first;
    await settled();
    writer.finish[1]?.(new Error('disk full'));
    await expect(second).rejects.toThrow('disk full');
    await expect(third).rejects.toThrow('disk full');

    const fourth = batcher.append([4]);
    await settled();
    expect(writer.batches).toEqual([[1], [2, 3], [4]]);
    writer.finish[2]?.();
    await expect(fourth).resolves.toBeUndefined();
  });

  it('never waits for nothing and keeps batches within the row limit', async () => {
    const writer = controlledWriter();
    const batcher = createAuditBatcher(writer.write);
    await expect(batcher.append([])).resolves.toBeUndefined();
    expect(writer.batches).toEqual([]);

    const big = Array.from({ length: MAX_BATCH_ROWS - 1 }, (_, i) => i);
    const head = batcher.append([-1]);
    const a = batcher.append(big);
    const b = batcher.append([7, 8]);
    await settled();
    writer.finish[0]?.();
    await head;
    await settled();
    expect(writer.batches[1]).toHaveLength(MAX_BATCH_ROWS - 1);
    writer.finish[1]?.();
    await a;
    await settled();
    expect(writer.batches[2]).toEqual([7, 8]);
    writer.finish[2]?.();
    await b;
    await batcher.idle();
  });
});
