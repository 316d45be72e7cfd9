// Patient search: a name prefix of the family or any given name (case-insensitive, through the
// text_pattern_ops index of patient_search_names), an identifier value exactly, a birth date
// exactly; ordered by family, given names and id, paged by keyset (the cursor is the last row's
// key, opaque).
import { and, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { patientIdentifiers, patients, patientSearchNames } from '../../db/schema.js';
import type { PatientQuery, PatientSummary } from '../ports.js';
import { InvalidCursorError } from './invalid-cursor.js';
import { identifiersOf, summaryOf } from './patient-rows.js';
import { isUuid } from './rows.js';

type Key = readonly [family: string, given: string, id: string];

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Key {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(value) || value.length !== 3) throw new InvalidCursorError();
  const [family, given, id] = value as unknown[];
  if (typeof family !== 'string' || typeof given !== 'string' || typeof id !== 'string' || !isUuid(id))
    throw new InvalidCursorError();
  return [family, given, id];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (d: string) => ISO_DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

// Code-point order whatever the database collation, so pages are the same on every server.
const familyKey = sql<string>`lower(${patients.familyName}) collate "C"`;
const givenKey = sql<string>`lower(${patients.givenNames}) collate "C"`;

export async function searchPatients(
  tx: KnotworkTx,
  clinicId: string,
  query: PatientQuery,
): Promise<{ readonly items: readonly PatientSummary[]; readonly next: string | null }> {
  const where: SQL[] = [eq(patients.clinicId, clinicId)];
  const name = query.name?.trim();
  if (name) {
    // A range rather than LIKE: under row-level security only leakproof operators may use an
    // index, and LIKE is not (the pattern operators ~>=~ and ~<~ are). U+10FFFF sorts after
    // every character, so the range holds exactly the names that start with the prefix.
    const named = tx
      .select({ patientId: patientSearchNames.patientId })
      .from(patientSearchNames)
      .where(
        and(
          eq(patientSearchNames.clinicId, clinicId),
          sql`${patientSearchNames.name} ~>=~ lower(${name})`,
          sql`${patientSearchNames.name} ~<~ (lower(${name}) || chr(1114111))`,
        ),
      );
    where.push(inArray(patients.id, named));
  }
  if (query.identifier) {
    const identifier = tx
      .select({ one: sql`1` })
      .from(patientIdentifiers)
      .where(
        and(
          eq(patientIdentifiers.clinicId, patients.clinicId),
          eq(patientIdentifiers.patientId, patients.id),
          eq(patientIdentifiers.value, query.identifier),
        ),
      );
    where.push(exists(identifier));
  }
  if (query.birthDate) {
    // Not a calendar date: no patient was born on it.
    if (!isDate(query.birthDate)) return { items: [], next: null };
    where.push(eq(patients.birthDate, query.birthDate));
  }
  if (query.cursor) {
    const [family, given, id] = decodeCursor(query.cursor);
    where.push(sql`(${familyKey}, ${givenKey}, ${patients.id}) > (${family}, ${given}, ${id}::uuid)`);
  }
  const rows = await tx
    .select({ patient: patients, family: familyKey, given: givenKey })
    .from(patients)
    .where(and(...where))
    .orderBy(familyKey, givenKey, patients.id)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const identifiers = await identifiersOf(
    tx,
    clinicId,
    page.map((r) => r.patient.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => summaryOf(r.patient, identifiers.get(r.patient.id) ?? [])),
    next: rows.length > query.limit && last ? encodeCursor([last.family, last.given, last.patient.id]) : null,
  };
}
