// Patients between rows and PatientSummary: given names are stored as one space-separated column,
// identifiers in their own table (in a stable order), and the names a patient is found by in
// patient_search_names (the family name whole and each given name, lower-cased).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { patientIdentifiers, patientSearchNames, type patients } from '../../db/schema.js';
import type { NewPatient, PatientIdentifier, PatientSummary } from '../ports.js';

export type PatientRow = typeof patients.$inferSelect;

export function splitGiven(givenNames: string): string[] {
  return givenNames.split(/\s+/).filter((g) => g.length > 0);
}

/** One space between names: "Mary Ann" as one given name reads back as two, which search treats alike. */
export function joinGiven(given: readonly string[]): string {
  return given.flatMap(splitGiven).join(' ');
}

/** By system, then value (code unit order, as the in-memory twin sorts). */
export function compareIdentifiers(a: PatientIdentifier, b: PatientIdentifier): number {
  if (a.system !== b.system) return a.system < b.system ? -1 : 1;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return 0;
}

export function patientColumns(clinicId: string, p: NewPatient) {
  return {
    clinicId,
    familyName: p.family,
    givenNames: joinGiven(p.given),
    birthDate: p.birthDate,
    // The column is FHIR gender, never null: "not stated" is 'unknown'.
    gender: p.sex ?? 'unknown',
  } as const;
}

export function summaryOf(row: PatientRow, identifiers: readonly PatientIdentifier[]): PatientSummary {
  return {
    id: row.id,
    identifiers,
    family: row.familyName,
    given: splitGiven(row.givenNames),
    birthDate: row.birthDate,
    sex: row.gender,
    revision: row.revision,
  };
}

/** The identifiers of these patients, each list in a stable order. */
export async function identifiersOf(
  tx: KnotworkTx,
  clinicId: string,
  patientIds: readonly string[],
): Promise<Map<string, PatientIdentifier[]>> {
  const byPatient = new Map<string, PatientIdentifier[]>(patientIds.map((id) => [id, []]));
  if (patientIds.length === 0) return byPatient;
  const rows = await tx
    .select({
      patientId: patientIdentifiers.patientId,
      system: patientIdentifiers.system,
      value: patientIdentifiers.value,
    })
    .from(patientIdentifiers)
    .where(and(eq(patientIdentifiers.clinicId, clinicId), inArray(patientIdentifiers.patientId, [...patientIds])))
    .orderBy(asc(patientIdentifiers.patientId));
  for (const { patientId, system, value } of rows) byPatient.get(patientId)?.push({ system, value });
  for (const list of byPatient.values()) list.sort(compareIdentifiers);
  return byPatient;
}

export async function insertIdentifiers(
  tx: KnotworkTx,
  clinicId: string,
  patientId: string,
  identifiers: readonly PatientIdentifier[],
): Promise<void> {
  if (identifiers.length === 0) return;
  await tx
    .insert(patientIdentifiers)
    .values(identifiers.map((i) => ({ clinicId, patientId, system: i.system, value: i.value })));
}

/** Replaces the names the patient is found by; lower() in SQL, as the search lowers its prefix. */
export async function writeSearchNames(
  tx: KnotworkTx,
  clinicId: string,
  patientId: string,
  patient: { readonly family: string; readonly given: readonly string[] },
): Promise<void> {
  await tx
    .delete(patientSearchNames)
    .where(and(eq(patientSearchNames.clinicId, clinicId), eq(patientSearchNames.patientId, patientId)));
  const names = [patient.family.trim(), ...patient.given.flatMap(splitGiven)].filter((n) => n.length > 0);
  if (names.length === 0) return;
  await tx
    .insert(patientSearchNames)
    .values(names.map((name) => ({ clinicId, patientId, name: sql`lower(${name})` })))
    .onConflictDoNothing();
}
