// The FHIR export suite on PGlite (one fresh database for the file).
import { afterAll } from 'vitest';
import { openTestPglite } from '../spec/test-databases.js';
import { describeClinicExport } from './spec/clinic-export-suite.js';

const opened = await openTestPglite();
afterAll(() => opened.dispose());

describeClinicExport('PGlite', () => opened.database);
