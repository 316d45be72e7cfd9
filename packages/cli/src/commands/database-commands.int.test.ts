// The database commands as a user runs them, on a fresh embedded database in a temporary folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../io.js';
import { main } from '../main.js';

const dataDir = mkdtempSync(join(tmpdir(), 'knotwork-cli-db-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const fake: CommandIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')),
    readStdin: () => Promise.resolve(stdin),
    now: () => Date.parse('2026-11-27T10:00:00Z'),
  };
  return { fake, out: () => out.join(''), err: () => err.join('') };
}

describe('knotwork migrate, user add, cds-client add, audit verify', () => {
  it('migrates an empty folder', async () => {
    const t = io();
    expect(await main(['migrate', '--data-dir', dataDir], t.fake), t.err()).toBe(0);
    expect(t.out()).toContain(`migrated ${dataDir}`);
  });

  it('adds a user to a new clinic, with a password from standard input', async () => {
    const t = io('quiet trapezius morning\n');
    const args = [
      'user',
      'add',
      '--data-dir',
      dataDir,
      '--email',
      'Dr.Lee@clinic.example',
      '--name',
      'Dr Lee',
      '--role',
      'clinician',
      '--clinic',
      'Harbour Pain Clinic',
      '--password-stdin',
    ];
    expect(await main(args, t.fake), t.err()).toBe(0);
    expect(t.out()).toContain('created clinic Harbour Pain Clinic');
    expect(t.out()).toContain('created clinician dr.lee@clinic.example');
  });

  it.each([
    [['--role', 'surgeon'], '--role must be clinician, nurse or clinic-admin'],
    [['--role', 'nurse', '--email', 'dr.lee@clinic.example'], 'exists already'],
    [['--role', 'nurse', '--email', 'x@demo.knotwork.dev'], 'demo'],
  ])('refuses %j with a clear message', async (change, words) => {
    const base: Record<string, string> = {
      '--email': 'new@clinic.example',
      '--name': 'New',
      '--role': 'nurse',
      '--clinic': 'Harbour Pain Clinic',
    };
    for (let i = 0; i < change.length; i += 2) base[change[i] as string] = change[i + 1] as string;
    const t = io('another long passphrase\n');
    const args = ['user', 'add', '--data-dir', dataDir, '--password-stdin', ...Object.entries(base).flat()];
    expect(await main(args, t.fake)).toBe(2);
    expect(t.err()).toContain(words);
  });

  it('generates and prints a password when none is given', async () => {
    const t = io();
    const args = [
      'user',
      'add',
      '--data-dir',
      dataDir,
      '--email',
      'nurse@clinic.example',
      '--name',
      'Nurse Ode',
      '--role',
      'nurse',
      '--clinic',
      'Harbour Pain Clinic',
    ];
    expect(await main(args, t.fake), t.err()).toBe(0);
    expect(t.out()).toMatch(/password \(shown once; keep it safe\): \S{20}/);
  });

  it('registers an EHR client from a JWKS file, refusing a private key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
    const file = join(dataDir, 'ehr.jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] }));
    const ok = io();
    expect(
      await main(
        [
          'cds-client',
          'add',
          '--data-dir',
          dataDir,
          '--clinic',
          'Harbour Pain Clinic',
          '--issuer',
          'https://ehr.example.org',
          '--jwks',
          file,
        ],
        ok.fake,
      ),
      ok.err(),
    ).toBe(0);
    writeFileSync(file, JSON.stringify({ keys: [await exportJWK(privateKey)] }));
    const bad = io();
    expect(
      await main(
        [
          'cds-client',
          'add',
          '--data-dir',
          dataDir,
          '--clinic',
          'Harbour Pain Clinic',
          '--issuer',
          'https://other.example.org',
          '--jwks',
          file,
        ],
        bad.fake,
      ),
    ).toBe(2);
    expect(bad.err()).toMatch(/private/i);
  });

  it('verifies the audit chain the commands wrote', async () => {
    const t = io();
    expect(await main(['audit', 'verify', '--data-dir', dataDir], t.fake), t.err()).toBe(0);
    expect(t.out()).toMatch(/audit chain whole: [1-9]\d* rows/);
  });
});
