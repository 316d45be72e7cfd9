// The repository contract (GUIDE.md habit 11): one suite that the in-memory twin, PGlite and
// PostgreSQL all pass, so that use cases tested against the twin behave the same on a database.
// Each test seeds clinics of its own, so one database serves the whole file.
import { afterAll, beforeAll, describe } from 'vitest';
import type { AuditEvent } from '../../audit-event.js';
import type { Chart } from '../../fhir/chart.js';
import type { CdsClient } from '../../http/deps.js';
import type { Role, UserRecord } from '../auth/auth-ports.js';
import type { Repositories } from '../ports.js';
import { describeAdminContract } from './contract-admin.js';
import { describeDocumentedVisitContract } from './contract-documented-visits.js';
import { describeEntryContract } from './contract-entries.js';
import { describeNoteContract } from './contract-notes.js';
import { describePatientContract } from './contract-patients.js';
import { describePlanContract } from './contract-plans.js';
import { describeProcedureContract } from './contract-procedures.js';
import { describeRecordContract } from './contract-records.js';
import { describeScreenContract } from './contract-screens.js';
import { describeSettingsContract } from './contract-settings.js';
import { describeSystemContract } from './contract-system.js';
import { describeIsolationContract } from './contract-isolation.js';
import { describeFollowUpContract } from './contract-follow-ups.js';

export interface SeedUser {
  readonly email?: string;
  readonly displayName?: string;
  readonly role?: Role;
  readonly passwordHash?: string;
}

export interface RepositorySubject {
  readonly repos: Repositories;
  /** A new, empty clinic. */
  readonly seedClinic: (name?: string) => Promise<string>;
  readonly seedUser: (clinicId: string, user?: SeedUser) => Promise<UserRecord>;
  readonly seedCdsClient: (client: CdsClient) => Promise<void>;
  /** Writes a whole chart into the clinic's record; returns the patient's id. */
  readonly seedChart: (clinicId: string, chart: Chart) => Promise<string>;
  /** Every audit event stored, oldest first. */
  readonly auditTrail: () => Promise<readonly AuditEvent[]>;
  readonly close: () => Promise<void>;
}

export type GetSubject = () => RepositorySubject;

export function describeRepositoryContract(name: string, open: () => Promise<RepositorySubject>): void {
  describe(`repository contract on ${name}`, () => {
    let subject: RepositorySubject | undefined;
    const get: GetSubject = () => {
      if (!subject) throw new Error(`${name} did not open`);
      return subject;
    };
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject?.close();
    });

    describePatientContract(get);
    describeRecordContract(get);
    describeEntryContract(get);
    describeScreenContract(get);
    describeProcedureContract(get);
    describePlanContract(get);
    describeNoteContract(get);
    describeDocumentedVisitContract(get);
    describeSettingsContract(get);
    describeSystemContract(get);
    describeAdminContract(get);
    describeIsolationContract(get);
    describeFollowUpContract(get);
  });
}
