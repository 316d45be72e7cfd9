// Demo seeding and the account commands (`knotwork user add`, clinics, EHR clients).
export { demoPatients, type DemoPatient } from './demo-charts.js';
export {
  DEMO_CLINIC_NAME,
  DEMO_EMAIL_DOMAIN,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  isDemoEmail,
  type DemoLogin,
} from './demo-logins.js';
export { findDemoClinic, isDatabaseEmpty, seedDemoClinic, type SeededDemoClinic } from './seed-demo-clinic.js';
export { createClinic, type CreateClinicResult } from './create-clinic.js';
export { createUser, type CreateUserFailure, type CreateUserInput, type CreateUserResult } from './create-user.js';
export { findClinic, type ClinicRef } from './find-clinic.js';
export {
  jwksProblem,
  registerCdsClient,
  type RegisterCdsClientFailure,
  type RegisterCdsClientResult,
} from './register-cds-client.js';
export {
  writeSyntheticClinic,
  type SyntheticClinicOptions,
  type SyntheticClinicResult,
} from './synthetic/write-synthetic-clinic.js';
