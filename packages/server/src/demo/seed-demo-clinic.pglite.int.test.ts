// Demo seeding and the account commands on PGlite (one fresh database for the file).
import { afterAll } from 'vitest';
import { openTestPglite } from '../app/spec/test-databases.js';
import { describeAccounts, describeDemoSeeding } from './spec/seeding-suite.js';

const opened = await openTestPglite();
afterAll(() => opened.dispose());

describeDemoSeeding('PGlite', () => opened.database);
describeAccounts('PGlite', () => opened.database);
