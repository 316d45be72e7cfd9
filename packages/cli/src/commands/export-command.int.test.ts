// `knotwork export --ndjson DIR` as a user runs it, on an embedded database in a temporary folder
// holding the demo clinic: the NDJSON files and manifest it writes, and its refusals (no folder
// given, a folder that already holds an export, no database).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../io.js';
import { main } from '../main.js';

const AS_OF = Date.parse('2026-11-27T10:00:00Z');
const root = mkdtempSync(join(tmpdir(), 'knotwork-cli-export-'));
const data = join(root, 'data');
const out = join(root, 'export');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CommandIo = {
    stdout: (t) => stdout.push(t),
    stderr: (t) => stderr.push(t),
    readFile: () => Promise.reject(new Error('not used')),
    readStdin: () => Promise.resolve(''),
    now: () => AS_OF,
  };
  const code = await main(args, io);
  return { code, out: stdout.join(''), err: stderr.join('') };
}

describe('knotwork export --ndjson', () => {
  beforeAll(async () => {
    const { openDatabase, migrateDatabase, seedDemoClinic } = await import('@knotwork/server');
    const database = await openDatabase({ dataDir: data });
    await migrateDatabase(database);
    await seedDemoClinic(database, { now: AS_OF });
    await database.close();
  }, 60_000);

  it('writes the clinic as NDJSON files, one resource a line, with a manifest, readable by the owner only', async () => {
    const r = await run('export', '--ndjson', out, '--data-dir', data);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^exported \d+ patients \(\d+ resources\) to /);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      output: { type: string; url: string; count: number }[];
    };
    expect(manifest.output.map((o) => o.type)).toContain('Patient');
    for (const o of manifest.output) {
      const lines = readFileSync(join(out, o.url), 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(o.count);
      for (const line of lines) expect((JSON.parse(line) as { resourceType: string }).resourceType).toBe(o.type);
      expect(statSync(join(out, o.url)).mode & 0o077).toBe(0);
    }
  });

  it('refuses a folder that already holds an export, and says why', async () => {
    const r = await run('export', '--ndjson', out, '--data-dir', data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already holds an export/);
  });

  it('needs --ndjson DIR and a database', async () => {
    expect((await run('export', '--data-dir', data)).err).toMatch(/--ndjson DIR/);
    const none = await run('export', '--ndjson', join(root, 'other'), '--data-dir', join(root, 'nowhere'));
    expect([none.code, existsSync(join(root, 'other'))]).toEqual([2, false]);
    expect(none.err).toMatch(/no Knotwork database/);
  });
});
