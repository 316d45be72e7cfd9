// One server per data folder (issue 3, item 1): PGlite is a single process's database, and two
// processes writing one folder would corrupt it. The lock is a file holding the owner's pid,
// created with O_EXCL so that exactly one opener wins.
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'knotwork.lock';

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  readonly code = 'data-dir-locked';
  constructor(
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Knotwork server (pid ${pid ?? 'not yet written'}); ` +
        `stop that one first, or point this one at another folder (KNOTWORK_DATA_DIR). ` +
        `The lock is ${join(dataDir, LOCK_FILE_NAME)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Folders locked by this process: a lock file with our own pid is ours only if listed here. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(path, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function createExclusive(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the lock on `dataDir` (which must exist) or throws DataDirLockedError naming the holder.
 * A lock left by a process that is no longer alive is taken over. So is one holding our own pid
 * that this process did not take: in a container the server is often pid 1 on every start.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE_NAME);
  if (heldHere.has(path)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(path)) {
      heldHere.add(path);
      return { path, release: () => releaseLock(path) };
    }
    const pid = await readHolder(path);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
    // An opener that has just created the file may not have written its pid yet.
    if (pid === undefined && (await ageMs(path)) < FRESH_MS) throw new DataDirLockedError(dataDir, undefined);
    // Stale (dead holder, our pid from an earlier life, or empty and old): remove and race again.
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  throw new DataDirLockedError(dataDir, await readHolder(path));
}

const FRESH_MS = 5_000;

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

async function releaseLock(path: string): Promise<void> {
  if (!heldHere.delete(path)) return;
  if ((await readHolder(path)) !== process.pid) return; // taken over meanwhile: not ours to remove
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
