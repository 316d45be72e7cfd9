// The administration use cases on the in-memory twin: each audits its outcome in the clinic's
// transaction, failures included, and changes nothing it refuses.
import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../auth/auth-ports.js';
import { memoryRepositories } from '../memory-repositories.js';
import { createApiToken } from './create-api-token.js';
import { createClinicUser, newUserProblem } from './create-clinic-user.js';
import { readAuditLog } from './read-audit-log.js';
import { resetPassword } from './reset-password.js';
import { revokeApiToken } from './revoke-api-token.js';
import { setUserActive } from './set-user-active.js';

const AT = Date.parse('2026-11-27T10:00:00Z');
const actor = { userId: 'u-admin', clinicId: 'c1', from: '10.0.0.1' };

function rig() {
  const repos = memoryRepositories();
  const user = (id: string, role: UserRecord['role']): UserRecord => ({
    id,
    clinicId: 'c1',
    email: `${id}@c1.example`,
    displayName: id,
    role,
    passwordHash: 'h',
    active: true,
    failedLogins: 3,
    lockedUntil: AT + 1,
    totpSecret: null,
    mustChangePassword: false,
  });
  repos.users.set('u-admin', user('u-admin', 'clinic-admin'));
  repos.users.set('u-nurse', user('u-nurse', 'nurse'));
  const run = <T>(work: (r: Parameters<Parameters<typeof repos.inClinic>[1]>[0]) => Promise<T>) =>
    repos.inClinic('c1', work);
  return { repos, run };
}

describe('accounts', () => {
  it('checks a new account before hashing, refuses the demo domain, creates and audits', async () => {
    expect(newUserProblem({ email: 'x', password: 'a long enough password' })?.issues?.[0]?.path).toBe('email');
    expect(newUserProblem({ email: 'a@b.example', password: 'short' })?.issues?.[0]?.path).toBe('password');
    const { repos, run } = rig();
    const input = {
      displayName: 'N',
      role: 'nurse' as const,
      passwordHash: 'h',
      mustChangePassword: true,
      actor,
      at: AT,
    };
    const demo = await run((r) => createClinicUser({ ...input, email: 'x@demo.knotwork.dev' }, r));
    expect(demo).toMatchObject({ ok: false, code: 'validation-failed' });
    const made = await run((r) => createClinicUser({ ...input, email: ' New@C1.example ' }, r));
    expect(made).toMatchObject({ ok: true, user: { email: 'new@c1.example', mustChangePassword: true } });
    expect(repos.audit.map((e) => [e.action, e.outcome])).toEqual([
      ['user.create', 'failed'],
      ['user.create', 'success'],
    ]);
  });

  it('deactivates (ending sessions), not oneself; a reset sets must-change and unlocks', async () => {
    const { repos, run } = rig();
    expect(await run((r) => setUserActive({ userId: 'u-admin', active: false, actor, at: AT }, r))).toMatchObject({
      code: 'conflict',
    });
    expect(await run((r) => setUserActive({ userId: 'u-nurse', active: false, actor, at: AT }, r))).toMatchObject({
      ok: true,
    });
    expect(repos.users.get('u-nurse')?.active).toBe(false);
    await run((r) => resetPassword({ userId: 'u-nurse', passwordHash: 'h2', actor, at: AT }, r));
    expect(repos.users.get('u-nurse')).toMatchObject({
      passwordHash: 'h2',
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
    });
    expect(await run((r) => resetPassword({ userId: 'nobody', passwordHash: 'h', actor, at: AT }, r))).toMatchObject({
      code: 'not-found',
    });
  });
});

describe('API tokens and the audit log', () => {
  it('issues a kwt_ token stored by hash, refuses a past expiry, revokes; reading the log is audited', async () => {
    const { repos, run } = rig();
    const past = await run((r) =>
      createApiToken({ name: 't', scopes: ['charts:read'], expiresAt: AT, actor, at: AT }, r),
    );
    expect(past).toMatchObject({ ok: false, code: 'validation-failed' });
    const made = await run((r) =>
      createApiToken({ name: ' t ', scopes: ['patients:read', 'charts:read'], expiresAt: null, actor, at: AT }, r),
    );
    if (!made.ok) throw new Error('not made');
    expect(made.token).toMatch(/^kwt_[\w-]{43}$/);
    expect(made.record).toMatchObject({ name: 't', scopes: ['charts:read', 'patients:read'], createdBy: 'u-admin' });
    expect(JSON.stringify([...repos.apiTokens.values(), repos.audit])).not.toContain(made.token);
    const revoked = await run((r) => revokeApiToken({ tokenId: made.record.id, actor, at: AT + 1 }, r));
    expect(revoked).toMatchObject({ ok: true, record: { revokedAt: AT + 1, revokedBy: 'u-admin' } });
    const page = await run((r) => readAuditLog({ query: { limit: 2 }, actor, at: AT }, r));
    expect(page.items.map((e) => e.action)).toEqual(['api-token.revoke', 'api-token.create']);
    expect(repos.audit.at(-1)).toMatchObject({ action: 'audit.read', detail: { filters: [], limit: 2, returned: 2 } });
  });
});
