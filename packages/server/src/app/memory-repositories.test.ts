// The repository contract on the in-memory twin.
import { randomUUID } from 'node:crypto';
import type { UserRecord } from './auth/auth-ports.js';
import { memoryRepositories } from './memory-repositories.js';
import { describeRepositoryContract } from './spec/repository-contract.js';

describeRepositoryContract('the in-memory twin', () => {
  const repos = memoryRepositories({ newId: randomUUID });
  return Promise.resolve({
    repos,
    seedClinic: () => Promise.resolve(randomUUID()),
    seedUser: (clinicId, user = {}) => {
      const record: UserRecord = {
        id: randomUUID(),
        clinicId,
        email: user.email ?? `user.${randomUUID()}@contract.example`,
        displayName: user.displayName ?? 'Contract User',
        role: user.role ?? 'clinician',
        passwordHash: user.passwordHash ?? 'hash',
        active: true,
        failedLogins: 0,
        lockedUntil: null,
        totpSecret: null,
        mustChangePassword: false,
      };
      repos.users.set(record.id, record);
      return Promise.resolve(record);
    },
    seedCdsClient: (client) => {
      repos.cdsClients.set(client.issuer, client);
      return Promise.resolve();
    },
    seedChart: (clinicId, chart) => {
      repos.addChart(clinicId, chart);
      return Promise.resolve(chart.patient.id);
    },
    auditTrail: () => Promise.resolve([...repos.audit]),
    close: () => Promise.resolve(),
  });
});
