// The repository contract's subject on a real database (PGlite or PostgreSQL): the repositories,
// and seeding that writes rows as the seeders and `knotwork user add` do.
import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { AuditEvent } from '../../audit-event.js';
import { schema, type Database } from '../../db/index.js';
import { databaseRepositories, writeChart } from '../db-repositories/index.js';
import { userRecordOf } from '../db-repositories/users.js';
import type { RepositorySubject } from './repository-contract.js';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

/** The test file opens and disposes the database (other suites share it); `close` leaves it open. */
export function databaseSubject(database: Database): RepositorySubject {
  return {
    repos: databaseRepositories(database),
    seedClinic: (name = 'Contract clinic') =>
      database.asSystem(async (tx) => {
        const [row] = await tx.insert(schema.clinics).values({ name }).returning({ id: schema.clinics.id });
        if (!row) throw new Error('no clinic');
        return row.id;
      }),
    seedUser: (clinicId, user = {}) =>
      database.asSystem(async (tx) => {
        const [row] = await tx
          .insert(schema.users)
          .values({
            clinicId,
            email: user.email ?? `user.${randomUUID()}@contract.example`,
            displayName: user.displayName ?? 'Contract User',
            role: user.role ?? 'clinician',
            passwordHash: user.passwordHash ?? HASH,
          })
          .returning();
        if (!row) throw new Error('no user');
        return userRecordOf(row);
      }),
    seedCdsClient: async (client) => {
      await database.asSystem((tx) => tx.insert(schema.cdsClients).values({ ...client, name: `EHR ${client.issuer}` }));
    },
    seedChart: (clinicId, chart) => database.withClinic(clinicId, (tx) => writeChart(tx, clinicId, chart)),
    auditTrail: async () => {
      const rows = await database.db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id));
      return rows.map((r): AuditEvent => ({
        clinicId: r.clinicId,
        actor: r.actor,
        actorKind: r.actorKind,
        action: r.action,
        entity: r.entity,
        patientId: r.patientId,
        at: r.at.getTime(),
        from: r.fromAddress,
        outcome: r.outcome,
        ...(r.detail === null ? {} : { detail: r.detail as Record<string, unknown> }),
      }));
    },
    close: () => Promise.resolve(),
  };
}
