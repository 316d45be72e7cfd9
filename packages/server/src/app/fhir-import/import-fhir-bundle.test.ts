// The FHIR import contract on the in-memory twin.
import { randomUUID } from 'node:crypto';
import type { UserRecord } from '../auth/auth-ports.js';
import { memoryRepositories } from '../memory-repositories.js';
import { describeFhirImportContract } from '../spec/contract-fhir-import.js';

const repos = memoryRepositories({ newId: randomUUID });
describeFhirImportContract('the in-memory twin', () => ({
  repos,
  seedClinic: () => Promise.resolve(randomUUID()),
  seedUser: (clinicId) => {
    const record: UserRecord = {
      id: randomUUID(),
      clinicId,
      email: `user.${randomUUID()}@import.example`,
      displayName: 'Import User',
      role: 'clinician',
      passwordHash: 'hash',
      active: true,
      failedLogins: 0,
      lockedUntil: null,
      totpSecret: null,
      mustChangePassword: false,
    };
    repos.users.set(record.id, record);
    return Promise.resolve(record);
  },
  seedCdsClient: () => Promise.resolve(),
  seedChart: (clinicId, chart) => {
    repos.addChart(clinicId, chart);
    return Promise.resolve(chart.patient.id);
  },
  auditTrail: () => Promise.resolve([...repos.audit]),
  close: () => Promise.resolve(),
}));
