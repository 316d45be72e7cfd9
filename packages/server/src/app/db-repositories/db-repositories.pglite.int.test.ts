// The repository contract, and what only a database shows, on PGlite (one database for the file).
import { afterAll } from 'vitest';
import { databaseSubject } from '../spec/database-subject.js';
import { describeDatabaseEntries } from '../spec/database-entries.js';
import { describeDatabaseOnly } from '../spec/database-only.js';
import { describeRepositoryContract } from '../spec/repository-contract.js';
import { openTestPglite } from '../spec/test-databases.js';

const opened = await openTestPglite();
afterAll(() => opened.dispose());

describeRepositoryContract('PGlite', () => Promise.resolve(databaseSubject(opened.database)));
describeDatabaseOnly('PGlite', () => opened.database);
describeDatabaseEntries('PGlite', () => opened.database);
