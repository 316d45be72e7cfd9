import { beforeAll, describe, expect, it } from 'vitest';
import { memoryAuditSink } from '../../audit-event.js';
import type { Clock } from '../../clock.js';
import { DEFAULT_SESSION_POLICY, type UserRecord } from './auth-ports.js';
import { memorySessionStore, memoryUserStore } from './memory-auth-stores.js';
import { hashPassword } from './passwords.js';
import { checkSession, signIn, TOUCH_EVERY_MS } from './sign-in.js';
import { newTotpSecret, totpCode } from './totp.js';

const PASSWORD = 'quiet trapezius morning';
let hash = '';
beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
});

function setup(change: Partial<UserRecord> = {}) {
  let now = Date.parse('2026-11-27T10:00:00Z');
  const clock: Clock = { now: () => now, fixedAt: undefined };
  const user: UserRecord = {
    id: 'u1',
    clinicId: 'c1',
    email: 'dr.lee@clinic.example',
    displayName: 'Dr Lee',
    role: 'clinician',
    passwordHash: hash,
    active: true,
    failedLogins: 0,
    lockedUntil: null,
    totpSecret: null,
    mustChangePassword: false,
    ...change,
  };
  const users = memoryUserStore([user]);
  const sessions = memorySessionStore();
  const audit = memoryAuditSink();
  let ids = 0;
  const deps = { users, sessions, clock, audit, newId: () => `s${++ids}` };
  return { deps, users, sessions, audit, advance: (ms: number) => (now += ms), now: () => now };
}

describe('sign-in', () => {
  it('opens a session for the right password; the store keeps only a hash of the token', async () => {
    const t = setup();
    const r = await signIn({ email: ' Dr.Lee@clinic.example ', password: PASSWORD, from: '127.0.0.1' }, t.deps);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const stored = [...t.sessions.sessions.values()][0];
    expect(stored?.tokenHash).not.toBe(r.token);
    expect(JSON.stringify(stored)).not.toContain(r.token);
    expect(t.audit.events.at(-1)).toMatchObject({
      action: 'auth.sign-in',
      outcome: 'success',
      actor: 'u1',
      from: '127.0.0.1',
    });
  });

  it('answers a wrong password and an unknown email alike, and audits both', async () => {
    const t = setup();
    expect(await signIn({ email: 'dr.lee@clinic.example', password: 'wrong password!', from: null }, t.deps)).toEqual({
      ok: false,
      code: 'invalid-credentials',
    });
    expect(await signIn({ email: 'nobody@clinic.example', password: PASSWORD, from: null }, t.deps)).toEqual({
      ok: false,
      code: 'invalid-credentials',
    });
    expect(t.audit.events.map((e) => e.outcome)).toEqual(['denied', 'denied']);
  });

  it('locks the account after 5 failures, refuses even the right password while locked, then lets it in', async () => {
    const t = setup();
    for (let i = 0; i < DEFAULT_SESSION_POLICY.maxFailedLogins - 1; i++) {
      expect(
        (await signIn({ email: 'dr.lee@clinic.example', password: `wrong ${i} password`, from: null }, t.deps)).ok,
      ).toBe(false);
    }
    expect(await signIn({ email: 'dr.lee@clinic.example', password: 'wrong again!!', from: null }, t.deps)).toEqual({
      ok: false,
      code: 'account-locked',
    });
    expect(await signIn({ email: 'dr.lee@clinic.example', password: PASSWORD, from: null }, t.deps)).toEqual({
      ok: false,
      code: 'account-locked',
    });
    t.advance(DEFAULT_SESSION_POLICY.lockoutMs);
    expect((await signIn({ email: 'dr.lee@clinic.example', password: PASSWORD, from: null }, t.deps)).ok).toBe(true);
    expect(t.users.users.get('u1')?.failedLogins).toBe(0);
  });

  it('refuses a deactivated account', async () => {
    const t = setup({ active: false });
    expect(await signIn({ email: 'dr.lee@clinic.example', password: PASSWORD, from: null }, t.deps)).toEqual({
      ok: false,
      code: 'invalid-credentials',
    });
  });

  it('asks for the TOTP code when the second factor is on, and checks it', async () => {
    const secret = newTotpSecret();
    const t = setup({ totpSecret: secret });
    expect(await signIn({ email: 'dr.lee@clinic.example', password: PASSWORD, from: null }, t.deps)).toEqual({
      ok: false,
      code: 'totp-required',
    });
    expect(
      await signIn({ email: 'dr.lee@clinic.example', password: PASSWORD, totp: '000000', from: null }, t.deps),
    ).toMatchObject({ ok: false });
    const r = await signIn(
      { email: 'dr.lee@clinic.example', password: PASSWORD, totp: totpCode(secret, t.now()), from: null },
      t.deps,
    );
    expect(r.ok).toBe(true);
  });
});

describe('sessions', () => {
  async function signedIn() {
    const t = setup();
    const r = await signIn({ email: 'dr.lee@clinic.example', password: PASSWORD, from: null }, t.deps);
    if (!r.ok) throw new Error('sign-in failed');
    return { ...t, token: r.token };
  }

  it('a request within the idle time keeps the session alive, sliding the idle timer', async () => {
    const t = await signedIn();
    t.advance(DEFAULT_SESSION_POLICY.idleMs - 1);
    expect((await checkSession(t.token, t.deps)).ok).toBe(true);
    t.advance(DEFAULT_SESSION_POLICY.idleMs - 1);
    expect((await checkSession(t.token, t.deps)).ok).toBe(true);
  });

  it('expires after the idle time, and after the absolute time however active', async () => {
    const idle = await signedIn();
    idle.advance(DEFAULT_SESSION_POLICY.idleMs);
    expect(await checkSession(idle.token, idle.deps)).toEqual({ ok: false, code: 'session-expired' });
    expect(idle.sessions.sessions.size).toBe(0);

    const busy = await signedIn();
    const step = DEFAULT_SESSION_POLICY.idleMs / 2;
    let elapsed = 0;
    for (; elapsed + step < DEFAULT_SESSION_POLICY.absoluteMs; elapsed += step) {
      busy.advance(step);
      expect((await checkSession(busy.token, busy.deps)).ok).toBe(true);
    }
    busy.advance(DEFAULT_SESSION_POLICY.absoluteMs - elapsed);
    expect(await checkSession(busy.token, busy.deps)).toEqual({ ok: false, code: 'session-expired' });
  });

  it('writes the last-seen time at most once a minute', async () => {
    const t = await signedIn();
    const lastSeen = () => [...t.sessions.sessions.values()][0]?.lastSeenAt;
    const start = lastSeen();
    t.advance(TOUCH_EVERY_MS - 1);
    await checkSession(t.token, t.deps);
    expect(lastSeen()).toBe(start);
    t.advance(1);
    await checkSession(t.token, t.deps);
    expect(lastSeen()).toBe(t.now());
  });

  it('ends when the account is deactivated, and an unknown token is no session', async () => {
    const t = await signedIn();
    const u = t.users.users.get('u1');
    if (u) t.users.users.set('u1', { ...u, active: false });
    expect(await checkSession(t.token, t.deps)).toEqual({ ok: false, code: 'account-inactive' });
    expect(await checkSession('kws_forged', t.deps)).toEqual({ ok: false, code: 'no-session' });
  });
});
