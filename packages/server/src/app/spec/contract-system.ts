// What is found before the clinic is known: users, sessions, CDS clients; and the audit log, in
// the clinic's transaction (committed with the work or not at all) or as system.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../audit-event.js';
import type { SessionRecord } from '../auth/auth-ports.js';
import { newPatient } from './contract-patients.js';
import { NOW } from './contract-records.js';
import type { GetSubject } from './repository-contract.js';

const event = (action: string, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  clinicId: null,
  actor: null,
  actorKind: 'system',
  action,
  entity: null,
  patientId: null,
  at: NOW,
  from: '192.0.2.1',
  outcome: 'success',
  ...extra,
});

export function describeSystemContract(get: GetSubject): void {
  describe('users', () => {
    it('finds a user by email whatever its case, and by id', async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const email = `Nurse.Jo.${randomUUID().slice(0, 8)}@Example.org`;
      const user = await seedUser(clinicId, { email, role: 'nurse', displayName: 'Jo' });
      expect(user).toMatchObject({ clinicId, email, role: 'nurse', active: true, failedLogins: 0, lockedUntil: null });
      expect(await repos.system.users.findByEmail(email.toLowerCase())).toEqual(user);
      expect(await repos.system.users.findByEmail(email.toUpperCase())).toEqual(user);
      expect(await repos.system.users.findById(user.id)).toEqual(user);
      expect(await repos.system.users.findByEmail('nobody@example.org')).toBeUndefined();
      expect(await repos.system.users.findById(randomUUID())).toBeUndefined();
      expect(await repos.system.users.findById('u1')).toBeUndefined();
    });

    it('records failed sign-ins with a lockout, and a sign-in clears them', async () => {
      const { repos, seedClinic, seedUser } = get();
      const user = await seedUser(await seedClinic());
      await repos.system.users.recordFailedLogin(user.id, 3, NOW + 60_000);
      expect(await repos.system.users.findById(user.id)).toMatchObject({ failedLogins: 3, lockedUntil: NOW + 60_000 });
      await repos.system.users.recordLogin(user.id, NOW);
      expect(await repos.system.users.findById(user.id)).toEqual(user);
    });
  });

  describe('sessions', () => {
    it('creates, finds by token hash, touches and deletes sessions', async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const [a, b] = [await seedUser(clinicId), await seedUser(clinicId)];
      const session = (userId: string): SessionRecord => ({
        id: randomUUID(),
        userId,
        clinicId,
        tokenHash: randomUUID().replaceAll('-', ''),
        csrfToken: randomUUID(),
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: NOW + 3_600_000,
      });
      const [a1, a2, b1] = [session(a.id), session(a.id), session(b.id)];
      for (const s of [a1, a2, b1]) await repos.system.sessions.create(s);
      const { sessions } = repos.system;
      expect(await sessions.findByTokenHash(a1.tokenHash)).toEqual(a1);
      await sessions.touch(a1.id, NOW + 5_000);
      expect(await sessions.findByTokenHash(a1.tokenHash)).toEqual({ ...a1, lastSeenAt: NOW + 5_000 });
      await sessions.deleteForUser(a.id);
      expect(await sessions.findByTokenHash(a1.tokenHash)).toBeUndefined();
      expect(await sessions.findByTokenHash(a2.tokenHash)).toBeUndefined();
      expect(await sessions.findByTokenHash(b1.tokenHash)).toEqual(b1);
      await sessions.delete(b1.id);
      expect(await sessions.findByTokenHash(b1.tokenHash)).toBeUndefined();
      await sessions.delete('not-a-session');
    });

    it('finds a session with its user in one read where the store can', async () => {
      const { repos, seedClinic, seedUser } = get();
      const { sessions, users } = repos.system;
      if (!sessions.findWithUser) return;
      const user = await seedUser(await seedClinic());
      const s: SessionRecord = {
        id: randomUUID(),
        userId: user.id,
        clinicId: user.clinicId,
        tokenHash: randomUUID().replaceAll('-', ''),
        csrfToken: randomUUID(),
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: NOW + 3_600_000,
      };
      await sessions.create(s);
      expect(await sessions.findWithUser(s.tokenHash)).toEqual({ session: s, user: await users.findById(user.id) });
      expect(await sessions.findWithUser('no-such-hash')).toBeUndefined();
    });
  });

  describe('CDS clients', () => {
    it('finds a registered EHR by its issuer', async () => {
      const { repos, seedClinic, seedCdsClient } = get();
      const clinicId = await seedClinic();
      const issuer = `https://ehr-${randomUUID()}.example`;
      const client = {
        issuer,
        clinicId,
        jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', kid: 'k1', alg: 'ES384' }] },
        active: true,
      };
      await seedCdsClient(client);
      expect(await repos.system.cdsClients.find(issuer)).toEqual(client);
      expect(await repos.system.cdsClients.find(`${issuer}/other`)).toBeUndefined();
    });
  });

  describe('audit', () => {
    it("writes a clinic's events in its transaction, under its own clinic whatever the event says", async () => {
      const { repos, seedClinic, auditTrail } = get();
      const [clinicId, other] = [await seedClinic(), await seedClinic()];
      const action = `test.${randomUUID()}`;
      await repos.inClinic(clinicId, (r) =>
        r.audit.record(event(action, { clinicId: other, detail: { n: 1, list: ['a'] } })),
      );
      expect((await auditTrail()).filter((e) => e.action === action)).toEqual([
        event(action, { clinicId, detail: { n: 1, list: ['a'] } }),
      ]);
    });

    it('keeps no write and no audit event of work that fails', async () => {
      const { repos, seedClinic, auditTrail } = get();
      const clinicId = await seedClinic();
      const action = `test.${randomUUID()}`;
      const failing = repos.inClinic(clinicId, async (r) => {
        await r.patients.create(newPatient('Rolledback', ['Ron']));
        await r.audit.record(event(action));
        throw new Error('the work failed');
      });
      await expect(failing).rejects.toThrow('the work failed');
      expect((await repos.inClinic(clinicId, (r) => r.patients.search({ limit: 10 }))).items).toEqual([]);
      expect((await auditTrail()).filter((e) => e.action === action)).toEqual([]);
    });

    it('audits a read (readInClinic) by the time it resolves, and keeps nothing of a read that fails', async () => {
      const { repos, seedClinic, auditTrail } = get();
      const clinicId = await seedClinic();
      const action = `test.${randomUUID()}`;
      const reads = await Promise.all(
        [1, 2, 3].map((n) =>
          repos.readInClinic(clinicId, async (r) => {
            await r.audit.record(event(action, { detail: { n } }));
            return (await r.patients.search({ limit: 10 })).items.length;
          }),
        ),
      );
      expect(reads).toEqual([0, 0, 0]);
      const trail = (await auditTrail()).filter((e) => e.action === action);
      expect(trail.map((e) => e.detail).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([
        { n: 1 },
        { n: 2 },
        { n: 3 },
      ]);
      expect(trail.every((e) => e.clinicId === clinicId)).toBe(true);

      const failed = `test.${randomUUID()}`;
      const failing = repos.readInClinic(clinicId, async (r) => {
        await r.audit.record(event(failed));
        throw new Error('the read failed');
      });
      await expect(failing).rejects.toThrow('the read failed');
      expect((await auditTrail()).filter((e) => e.action === failed)).toEqual([]);
    });

    it('writes events without a clinic as system', async () => {
      const { repos, auditTrail } = get();
      const action = `test.${randomUUID()}`;
      await repos.system.audit.record(event(action, { actorKind: 'anonymous', outcome: 'denied' }));
      expect((await auditTrail()).filter((e) => e.action === action)).toEqual([
        event(action, { actorKind: 'anonymous', outcome: 'denied' }),
      ]);
    });
  });
}
