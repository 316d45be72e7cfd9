// The database contract on PGlite in a temporary data folder, and the folder's lock.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from './data-dir-lock.js';
import { openDatabase } from './open-database.js';
import { describeDatabaseContract } from './spec/database-contract.js';

const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-pglite-'));
const lockPath = join(dataDir, LOCK_FILE_NAME);
// A lock left by a server that died (the pid of a process that has exited): open takes it over.
await writeFile(lockPath, `${spawnSync(process.execPath, ['-e', '']).pid}\n`);
const database = await openDatabase({ dataDir });

afterAll(async () => {
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
});

describeDatabaseContract('PGlite', () => Promise.resolve({ database, dispose: () => Promise.resolve() }));

describe('the PGlite data folder lock', () => {
  it("took over a dead process's lock and holds it with our pid", async () => {
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`);
  });

  it('refuses a second open of the same folder, naming the folder and the holder', async () => {
    const second = openDatabase({ dataDir });
    await expect(second).rejects.toThrow(`The data folder ${dataDir} is in use by another Knotwork server`);
    await expect(second).rejects.toThrow(`(pid ${process.pid})`);
  });
});
