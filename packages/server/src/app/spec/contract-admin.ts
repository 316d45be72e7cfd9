// Clinic administration: accounts, API tokens and the audit log, in the clinic's transaction, and
// the token lookup as system. Each clinic sees and changes its own rows only.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../audit-event.js';
import type { AuditQuery } from '../admin/admin-ports.js';
import type { SessionRecord } from '../auth/auth-ports.js';
import { NOW } from './contract-records.js';
import type { GetSubject } from './repository-contract.js';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const email = () => `new.${randomUUID().slice(0, 8)}@Admin.example`;

export function describeAdminContract(get: GetSubject): void {
  describe('clinic accounts', () => {
    it('creates, lists and changes its own accounts; an email is one account across clinics', async () => {
      const { repos, seedClinic, seedUser } = get();
      const [clinicId, other] = [await seedClinic(), await seedClinic()];
      const theirs = await seedUser(other);
      const address = email();
      const n = {
        email: address,
        displayName: 'New',
        role: 'nurse' as const,
        passwordHash: HASH,
        mustChangePassword: true,
      };
      const created = await repos.inClinic(clinicId, (r) => r.users.create(n));
      if (created === 'duplicate-email') throw new Error('not created');
      expect(created).toMatchObject({
        clinicId,
        email: address,
        role: 'nurse',
        active: true,
        mustChangePassword: true,
      });
      expect(created).toMatchObject({ totpSecret: null, pendingTotpSecret: null, failedLogins: 0 });
      expect(await repos.inClinic(other, (r) => r.users.create({ ...n, email: address.toUpperCase() }))).toBe(
        'duplicate-email',
      );
      expect(await repos.inClinic(clinicId, (r) => r.users.create({ ...n, email: theirs.email }))).toBe(
        'duplicate-email',
      );
      const listed = await repos.inClinic(clinicId, (r) => r.users.list());
      expect(listed.map((u) => u.id)).toEqual([created.id]);
      expect(await repos.inClinic(other, (r) => r.users.get(created.id))).toBeUndefined();
      expect(await repos.inClinic(other, (r) => r.users.update(created.id, { active: false }))).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.users.get('not-a-user'))).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.users.isDemoClinic())).toBe(false);

      const off = await repos.inClinic(clinicId, (r) =>
        r.users.update(created.id, { active: false, passwordHash: 'h2' }),
      );
      expect(off).toMatchObject({ active: false, passwordHash: 'h2', mustChangePassword: true });
      expect(await repos.system.users.findById(created.id)).toMatchObject({ active: false });
      await repos.system.users.recordFailedLogin(created.id, 2, NOW + 60_000);
      const on = await repos.inClinic(clinicId, (r) => r.users.update(created.id, { active: true, unlock: true }));
      expect(on).toMatchObject({ active: true, failedLogins: 0, lockedUntil: null });
    });

    it('keeps a TOTP secret pending until it is enabled, and removes it', async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const user = await seedUser(clinicId);
      const totp = (t: { secret: string; enabled: boolean } | null) =>
        repos.inClinic(clinicId, (r) => r.users.update(user.id, { totp: t }));
      expect(await totp({ secret: 'JBSWY3DPEHPK3PXP', enabled: false })).toMatchObject({
        totpSecret: null,
        pendingTotpSecret: 'JBSWY3DPEHPK3PXP',
      });
      expect((await repos.system.users.findById(user.id))?.totpSecret).toBeNull();
      expect(await totp({ secret: 'JBSWY3DPEHPK3PXP', enabled: true })).toMatchObject({
        totpSecret: 'JBSWY3DPEHPK3PXP',
        pendingTotpSecret: null,
      });
      expect((await repos.system.users.findById(user.id))?.totpSecret).toBe('JBSWY3DPEHPK3PXP');
      expect(await totp(null)).toMatchObject({ totpSecret: null, pendingTotpSecret: null });
    });

    it("ends a user's sessions in the clinic's transaction, but the one kept", async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const [a, b] = [await seedUser(clinicId), await seedUser(clinicId)];
      const session = (userId: string): SessionRecord => ({
        id: randomUUID(),
        userId,
        clinicId,
        tokenHash: randomUUID(),
        csrfToken: randomUUID(),
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: NOW + 3_600_000,
      });
      const [a1, a2, a3, b1] = [session(a.id), session(a.id), session(a.id), session(b.id)];
      for (const s of [a1, a2, a3, b1]) await repos.system.sessions.create(s);
      expect(await repos.inClinic(clinicId, (r) => r.users.endSessions(a.id, a1.id))).toBe(2);
      expect(await repos.system.sessions.findByTokenHash(a1.tokenHash)).toEqual(a1);
      expect(await repos.system.sessions.findByTokenHash(a2.tokenHash)).toBeUndefined();
      expect(await repos.inClinic(await seedClinic(), (r) => r.users.endSessions(a.id))).toBe(0);
      expect(await repos.inClinic(clinicId, (r) => r.users.endSessions(a.id))).toBe(1);
      expect(await repos.system.sessions.findByTokenHash(b1.tokenHash)).toEqual(b1);
    });
  });

  describe('API tokens', () => {
    it('creates, lists (newest first), revokes once, and finds a token by its hash as system', async () => {
      const { repos, seedClinic, seedUser } = get();
      const [clinicId, other] = [await seedClinic(), await seedClinic()];
      const admin = await seedUser(clinicId, { role: 'clinic-admin' });
      const create = (name: string, at: number) =>
        repos.inClinic(clinicId, (r) =>
          r.apiTokens.create({
            name,
            tokenHash: randomUUID(),
            scopes: ['charts:read', 'patients:read'],
            createdBy: admin.id,
            createdAt: at,
            expiresAt: at + 86_400_000,
          }),
        );
      const first = await create('first', NOW);
      const second = await create('second', NOW + 1000);
      expect(first).toMatchObject({ clinicId, name: 'first', lastUsedAt: null, revokedAt: null, revokedBy: null });
      expect(first).toMatchObject({ scopes: ['charts:read', 'patients:read'], expiresAt: NOW + 86_400_000 });
      expect((await repos.inClinic(clinicId, (r) => r.apiTokens.list())).map((t) => t.id)).toEqual([
        second.id,
        first.id,
      ]);
      expect(await repos.inClinic(other, (r) => r.apiTokens.list())).toEqual([]);
      expect(await repos.inClinic(other, (r) => r.apiTokens.revoke(first.id, admin.id, NOW))).toBeUndefined();
      expect(await repos.system.apiTokens.findByHash(first.tokenHash)).toEqual(first);
      await repos.system.apiTokens.recordUse(first.id, NOW + 5000);
      const used = { ...first, lastUsedAt: NOW + 5000 };
      expect(await repos.system.apiTokens.findByHash(first.tokenHash)).toEqual(used);
      const revoked = await repos.inClinic(clinicId, (r) => r.apiTokens.revoke(first.id, admin.id, NOW + 6000));
      expect(revoked).toEqual({ ...used, revokedAt: NOW + 6000, revokedBy: admin.id });
      expect(await repos.inClinic(clinicId, (r) => r.apiTokens.revoke(first.id, admin.id, NOW + 9000))).toEqual(
        revoked,
      );
      expect(await repos.system.apiTokens.findByHash('no-such-hash')).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.apiTokens.revoke('nope', admin.id, NOW))).toBeUndefined();
    });
  });

  describe('reading the audit log', () => {
    it("pages through the clinic's own events, newest first, with filters", async () => {
      const { repos, seedClinic } = get();
      const [clinicId, other] = [await seedClinic(), await seedClinic()];
      const patientId = randomUUID();
      const event = (i: number, extra: Partial<AuditEvent> = {}): AuditEvent => ({
        clinicId,
        actor: i % 2 === 0 ? 'even' : 'odd',
        actorKind: 'user',
        action: i % 3 === 0 ? 'patient.read' : 'patient.search',
        entity: null,
        patientId: i === 4 ? patientId : null,
        at: NOW + i * 1000,
        from: '192.0.2.9',
        outcome: 'success',
        detail: { i },
        ...extra,
      });
      await repos.inClinic(clinicId, async (r) => {
        for (let i = 0; i < 7; i += 1) await r.audit.record(event(i));
      });
      await repos.inClinic(other, (r) => r.audit.record(event(99, { clinicId: other })));
      const page = (q: AuditQuery) => repos.inClinic(clinicId, (r) => r.auditLog.page(q));
      const is = (items: readonly { detail?: Readonly<Record<string, unknown>> }[]) =>
        items.map((e) => e.detail?.['i']);
      const one = await page({ limit: 3 });
      expect(is(one.items)).toEqual([6, 5, 4]);
      expect(one.items[0]).toMatchObject({ ...event(6), sealed: false, chainSeq: null });
      const two = await page({ limit: 3, cursor: one.next ?? '' });
      expect(is(two.items)).toEqual([3, 2, 1]);
      const three = await page({ limit: 3, cursor: two.next ?? '' });
      expect([is(three.items), three.next]).toEqual([[0], null]);
      expect(is((await page({ limit: 10, actor: 'even' })).items)).toEqual([6, 4, 2, 0]);
      expect(is((await page({ limit: 10, action: 'patient.read' })).items)).toEqual([6, 3, 0]);
      expect(is((await page({ limit: 10, patientId })).items)).toEqual([4]);
      expect(is((await page({ limit: 10, from: NOW + 2000, to: NOW + 5000 })).items)).toEqual([4, 3, 2]);
      expect((await page({ limit: 10, patientId: 'not-a-uuid' })).items).toEqual([]);
      await expect(page({ limit: 10, cursor: 'bm9wZQ' })).rejects.toThrow(/cursor/);
    });
  });
}
