import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from './data-dir-lock.js';

let dir: string;
let lockPath: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'knotwork-lock-'));
  lockPath = join(dir, LOCK_FILE_NAME);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (path: string) =>
  readFile(path, 'utf8').then(
    () => true,
    () => false,
  );

describe('acquireDataDirLock', () => {
  it('writes our pid, refuses a second taker in this process, and removes the file on release', async () => {
    const lock = await acquireDataDirLock(dir);
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`);
    const second = acquireDataDirLock(dir);
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(
      `The data folder ${dir} is in use by another Knotwork server (pid ${process.pid})`,
    );
    await lock.release();
    expect(await exists(lockPath)).toBe(false);
    await (await acquireDataDirLock(dir)).release();
  });

  it('refuses a folder held by another live process, naming its pid', async () => {
    await writeFile(lockPath, `${process.ppid}\n`);
    await expect(acquireDataDirLock(dir)).rejects.toMatchObject({
      code: 'data-dir-locked',
      dataDir: dir,
      pid: process.ppid,
    });
  });

  it('takes over the lock of a process that has exited', async () => {
    await writeFile(lockPath, `${spawnSync(process.execPath, ['-e', '']).pid}\n`);
    const lock = await acquireDataDirLock(dir);
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
  });

  it('takes over a lock with our own pid left by an earlier run (a container restarted as pid 1)', async () => {
    await writeFile(lockPath, `${process.pid}\n`);
    await (await acquireDataDirLock(dir)).release();
  });

  it('treats a fresh empty lock as held (its owner is writing the pid) and an old one as stale', async () => {
    await writeFile(lockPath, '');
    await expect(acquireDataDirLock(dir)).rejects.toThrow('(pid not yet written)');
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath, minuteAgo, minuteAgo);
    await (await acquireDataDirLock(dir)).release();
  });

  it('leaves a lock that another process took over in place when releasing', async () => {
    const lock = await acquireDataDirLock(dir);
    await writeFile(lockPath, `${process.ppid}\n`);
    await lock.release();
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.ppid}\n`);
  });
});
