// The FHIR import contract on PGlite.
import { afterAll } from 'vitest';
import { databaseSubject } from '../spec/database-subject.js';
import { openTestPglite } from '../spec/test-databases.js';
import { describeFhirImportContract } from '../spec/contract-fhir-import.js';

const opened = await openTestPglite();
afterAll(() => opened.dispose());
const subject = databaseSubject(opened.database);
describeFhirImportContract('PGlite', () => subject);
