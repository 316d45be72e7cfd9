// The repositories on PGlite or PostgreSQL, and the pieces the HTTP edge and the seeders use.
export { clinicRepositories, databaseRepositories, systemRepositories } from './database-repositories.js';
export type { DatabaseRepositoriesOptions } from './options.js';
export { InvalidCursorError } from './invalid-cursor.js';
export { readPolicy, StoredPolicyInvalidError } from './policies.js';
export { StoredAftercareInvalidError } from './aftercare-settings.js';
export { storeCdsScreen } from './screens.js';
export { writeChart, type WriteChartOptions } from './write-chart.js';
export { databasePolicyFor } from './policy-for.js';
