// ImportLinkStore on the database (fhir_import_links): one row per imported resource, keyed by
// patient, kind and match key; saving again points the key at the entry with the code as sent.
import { eq, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { fhirImportLinks } from '../../db/schema.js';
import type { ImportLinkStore } from '../fhir-import/import-link-ports.js';
import { isUuid } from './rows.js';

export function importLinkStore(tx: KnotworkTx, clinicId: string): ImportLinkStore {
  return {
    ofPatient: async (patientId) => {
      if (!isUuid(patientId)) return [];
      const rows = await tx.select().from(fhirImportLinks).where(eq(fhirImportLinks.patientId, patientId));
      return rows.map((r) => ({ kind: r.kind, matchKey: r.matchKey, entryId: r.entryId, sourceCode: r.sourceCode }));
    },
    save: async (patientId, link, at) => {
      const values = { entryId: link.entryId, sourceCode: link.sourceCode, importedAt: new Date(at) };
      await tx
        .insert(fhirImportLinks)
        .values({ clinicId, patientId, kind: link.kind, matchKey: link.matchKey, ...values })
        .onConflictDoUpdate({
          target: [fhirImportLinks.clinicId, fhirImportLinks.patientId, fhirImportLinks.kind, fhirImportLinks.matchKey],
          set: {
            entryId: sql`excluded.entry_id`,
            sourceCode: sql`excluded.source_code`,
            importedAt: sql`excluded.imported_at`,
          },
        });
    },
  };
}
