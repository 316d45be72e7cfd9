// FhirExportReader on the database. An owner is one select by primary key in the entity's table;
// a page of patients' charts is the chart reader's statement for many patients at once
// (charts.ts), their visit records six selects by patient (the tables' (clinic, patient) indexes),
// grouped in memory and mapped by the stores' own row mappers. Each statement
// names the clinic besides row-level security.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import {
  administrations,
  allergies,
  complications,
  conditions,
  consents,
  earlierAdministrations,
  medicines,
  observations,
  procedureNotes,
  visitBaselines,
  visits,
} from '../../db/schema.js';
import type { VisitRecord } from '../../fhir/export/patient-record.js';
import type { FhirExportReader, OwnedEntity } from '../fhir-export/fhir-export-ports.js';
import { baselineOf } from './baselines.js';
import { loadCharts } from './charts.js';
import { noteOf } from './notes.js';
import { administrationOf, complicationOf, consentOf } from './procedures.js';
import { isUuid } from './rows.js';
import { visitOf } from './visits.js';

const TABLES = {
  condition: conditions,
  allergy: allergies,
  medicine: medicines,
  observation: observations,
  'earlier-administration': earlierAdministrations,
  administration: administrations,
  consent: consents,
  visit: visits,
  note: procedureNotes,
  complication: complications,
} as const satisfies Record<OwnedEntity, unknown>;

function grouped<T extends { readonly visitId: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const row of rows) {
    if (row.visitId === null) continue;
    let list = by.get(row.visitId);
    if (!list) by.set(row.visitId, (list = []));
    list.push(row);
  }
  return by;
}

export function fhirExportReader(tx: KnotworkTx, clinicId: string): FhirExportReader {
  return {
    patientOf: async (entity, id) => {
      if (!isUuid(id)) return undefined;
      const table = TABLES[entity];
      const rows = await tx
        .select({ patientId: table.patientId })
        .from(table)
        .where(and(eq(table.clinicId, clinicId), eq(table.id, id)))
        .limit(1);
      return rows[0]?.patientId;
    },
    chartsOf: (patientIds) => loadCharts(tx, clinicId, patientIds),
    visitRecordsOf: async (patientIds) => {
      const ids = patientIds.filter(isUuid);
      const out = new Map<string, VisitRecord[]>(patientIds.map((id) => [id, []]));
      if (ids.length === 0) return out;
      const of = <
        T extends
          | typeof visits
          | typeof visitBaselines
          | typeof procedureNotes
          | typeof administrations
          | typeof complications
          | typeof consents,
      >(
        table: T,
      ) => and(eq(table.clinicId, clinicId), inArray(table.patientId, ids));
      // In the orders the stores read them (visits.ts, baselines.ts, notes.ts, procedures.ts).
      const visitRows = await tx
        .select()
        .from(visits)
        .where(of(visits))
        .orderBy(desc(visits.startedAt), desc(visits.createdAt));
      const baselines = await tx.select().from(visitBaselines).where(of(visitBaselines));
      const notes = await tx
        .select()
        .from(procedureNotes)
        .where(of(procedureNotes))
        .orderBy(asc(procedureNotes.version));
      const given = await tx
        .select()
        .from(administrations)
        .where(of(administrations))
        .orderBy(asc(administrations.administeredAt), asc(administrations.id));
      const events = await tx
        .select()
        .from(complications)
        .where(of(complications))
        .orderBy(asc(complications.recordedAt), asc(complications.id));
      const signed = await tx
        .select()
        .from(consents)
        .where(of(consents))
        .orderBy(asc(consents.signedAt), asc(consents.id));
      const baselineOfVisit = new Map(baselines.map((b) => [b.visitId, baselineOf(b)]));
      const notesOf = grouped(notes);
      const givenOf = grouped(given);
      const eventsOf = grouped(events);
      const signedOf = grouped(signed);
      for (const row of visitRows) {
        const visit = visitOf(row);
        out.get(visit.patientId)?.push({
          visit,
          baseline: baselineOfVisit.get(visit.id),
          notes: (notesOf.get(visit.id) ?? []).map(noteOf),
          administrations: (givenOf.get(visit.id) ?? []).map(administrationOf),
          complications: (eventsOf.get(visit.id) ?? []).map(complicationOf),
          consents: (signedOf.get(visit.id) ?? []).map(consentOf),
        });
      }
      return out;
    },
  };
}
