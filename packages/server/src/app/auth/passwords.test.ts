import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { newToken, sameSecret, tokenHash } from './session-token.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it.each([
    ['short', 'at least 12'],
    ['aaaaaaaaaaaaaaaa', 'different characters'],
    ['nurse.jones-2026!', 'email name'],
  ])('refuses %j: %s', (password, words) => {
    expect(passwordProblem(password, { email: 'nurse.jones@clinic.example' })).toContain(words);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('quiet trapezius morning', { email: 'dr.lee@clinic.example' })).toBeUndefined();
  });
});

describe('tokens', () => {
  it('are long, random, and stored only as a hash', () => {
    const a = newToken('kw_');
    expect(a).toMatch(/^kw_[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(newToken());
    expect(tokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(a)).not.toContain(a);
    expect(sameSecret(tokenHash(a), tokenHash(a))).toBe(true);
    expect(sameSecret(tokenHash(a), tokenHash(`${a}x`))).toBe(false);
  });
});
