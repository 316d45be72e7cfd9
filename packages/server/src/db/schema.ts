// The one drizzle schema for PGlite and PostgreSQL (issue 3, item 2), split by area under schema/.
// Row-level security, the application role, the signed-note trigger and the audit grants are in
// the hand-written migration (migrations/0001_*.sql): drizzle cannot express them.
export * from './schema/clinics.js';
export * from './schema/patients.js';
export * from './schema/record.js';
export * from './schema/procedures.js';
export * from './schema/follow-up.js';
export * from './schema/audit.js';
export * from './schema/fhir-imports.js';
