// `knotwork backup` and `knotwork restore` as a user runs them, on embedded databases in temporary
// folders: the demo clinic backed up, restored into a new folder (whose audit chain then verifies),
// and the refusals, each with its message: a folder in use, a file that exists, a clinic that does
// not, a database that is not empty, a file that is no backup. The round trip's row-by-row
// comparison is packages/server/src/backup/spec/backup-suite.ts.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../io.js';
import { main } from '../main.js';

const AS_OF = Date.parse('2026-11-27T10:00:00Z');
const root = mkdtempSync(join(tmpdir(), 'knotwork-cli-backup-'));
const source = join(root, 'source');
const target = join(root, 'target');
const file = join(root, 'clinic.knotwork-backup.gz');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const fake: CommandIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: () => Promise.reject(new Error('not used')),
    readStdin: () => Promise.resolve(''),
    now: () => AS_OF,
  };
  return { fake, out: () => out.join(''), err: () => err.join('') };
}

async function run(...args: string[]) {
  const t = io();
  const code = await main(args, t.fake);
  return { code, out: t.out(), err: t.err() };
}

describe('knotwork backup and restore', () => {
  beforeAll(async () => {
    const { openDatabase, migrateDatabase, seedDemoClinic } = await import('@knotwork/server');
    const database = await openDatabase({ dataDir: source });
    await migrateDatabase(database);
    await seedDemoClinic(database, { now: AS_OF });
    await database.close();
  }, 30_000);

  it('says in its help that the embedded database needs the server stopped', async () => {
    for (const command of ['backup', 'restore']) {
      const r = await run(command, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain('stop the server first');
    }
  });

  it('backs up every clinic to a file only its owner can read, and will not replace it', async () => {
    const r = await run('backup', file, '--data-dir', source);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/backed up all 1 clinic\(s\): "Knotwork Demo Clinic" to .*clinic\.knotwork-backup\.gz/);
    expect(r.out).toMatch(/SHA-256 of the content [0-9a-f]{64}/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await run('backup', file, '--data-dir', source);
    expect([again.code, again.err]).toEqual([2, expect.stringContaining('exists already') as string]);
  });

  it('restores it into a new folder, whose audit chain verifies', async () => {
    const r = await run('restore', file, '--data-dir', target);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/restored \d+ rows of "Knotwork Demo Clinic"/);
    expect(r.out).toContain('audit chain whole');
    const verify = await run('audit', 'verify', '--data-dir', target);
    expect(verify.code, verify.out).toBe(0);
    // Both ends are in the audit log: the backup in the source, the restore in the target.
    const { openDatabase, schema } = await import('@knotwork/server');
    for (const [dir, action] of [
      [source, 'clinic.backup'],
      [target, 'clinic.restore'],
    ]) {
      const database = await openDatabase({ dataDir: dir as string });
      try {
        const rows = await database.asSystem((tx) => tx.select().from(schema.auditLog));
        expect(
          rows.filter((r) => r.action === action),
          `${action} in ${dir}`,
        ).toMatchObject([{ actorKind: 'system', detail: { file, scope: 'all-clinics' } }]);
      } finally {
        await database.close();
      }
    }
  });

  it('refuses a database that already holds a clinic, naming it', async () => {
    const r = await run('restore', file, '--data-dir', target);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already holds clinic "Knotwork Demo Clinic"/);
  });

  it('refuses a folder in use, an unknown clinic, a missing database and a file that is no backup', async () => {
    const { openDatabase } = await import('@knotwork/server');
    const held = await openDatabase({ dataDir: source });
    try {
      const busy = await run('backup', join(root, 'busy.gz'), '--data-dir', source);
      expect(busy.code).toBe(1);
      expect(busy.err).toContain('in use by another Knotwork server');
    } finally {
      await held.close();
    }
    const unknown = await run('backup', join(root, 'x.gz'), '--clinic', 'Nowhere Clinic', '--data-dir', source);
    expect([unknown.code, unknown.err]).toEqual([
      2,
      expect.stringContaining('no clinic named "Nowhere Clinic"') as string,
    ]);
    const none = await run('backup', join(root, 'y.gz'), '--data-dir', join(root, 'nothing-here'));
    expect([none.code, none.err]).toEqual([2, expect.stringContaining('there is no Knotwork database') as string]);
    const text = join(root, 'notes.txt');
    writeFileSync(text, 'not a backup\n');
    const bad = await run('restore', text, '--data-dir', join(root, 'other'));
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('is not a Knotwork backup') as string]);
  });
});
