// `knotwork demo`: its help, a clear error naming the option for bad input, and a small clinic
// written into an embedded database in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../io.js';
import { demoCommand } from './demo-command.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: () => Promise.reject(new Error('no files')),
    readStdin: () => Promise.resolve(''),
    now: () => Date.now(),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'knotwork-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('knotwork demo', () => {
  it('prints its help', async () => {
    const t = fakeIo();
    expect(await demoCommand(['--help'], t.io)).toBe(0);
    expect(t.out()).toContain('--patients N');
  });

  it.each([
    [[], '--patients N'],
    [['--patients', 'ten'], '--patients "ten"'],
    [['--patients', '0'], '--patients "0"'],
    [['--patients', '5', '--seed', '1.5'], '--seed "1.5"'],
    [['--patients', '5', '--clinic', ' '], '--clinic'],
    [['--patient', '5'], "Unknown option '--patient'"],
  ])('refuses %j, naming the option', async (argv, words) => {
    const t = fakeIo();
    expect(await demoCommand(argv, t.io)).toBe(2);
    expect(t.err()).toContain(words);
  });

  it('writes a small clinic into an embedded database', async () => {
    const t = fakeIo();
    const code = await demoCommand(
      ['--patients', '12', '--seed', '3', '--clinic', 'Demo test', '--data-dir', dir],
      t.io,
    );
    expect(t.err()).toBe('');
    expect(code).toBe(0);
    expect(t.out()).toMatch(/created clinic "Demo test" \([0-9a-f-]{36}\): 12 patients, \d+ visits/);
    // Opening, migrating and closing a file-backed PGlite takes tens of seconds on a busy machine.
  }, 180_000);
});
