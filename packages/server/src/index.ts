export * from './clock.js';
export * from './audit-event.js';
export * from './http/index.js';
export * from './db/index.js';
export * from './demo/index.js';
export { databaseRepositories, databasePolicyFor, storeCdsScreen } from './app/db-repositories/index.js';
export { startServer, type RunningServer, type ServerOptions } from './start-server.js';
export * from './backup/index.js';
export { outcomesDashboard } from './app/follow-ups/outcomes.js';
