// The HTTP edge's `policyFor(clinicId)` (http/deps.ts AppDeps): the clinic's current policy, read
// in a transaction of that clinic.
import type { ScreeningPolicy } from '@knotwork/core';
import type { Database } from '../../db/index.js';
import { readPolicy } from './policies.js';

export function databasePolicyFor(database: Database): (clinicId: string) => Promise<ScreeningPolicy> {
  return (clinicId) => database.withClinic(clinicId, (tx) => readPolicy(tx, clinicId));
}
