// writeSyntheticClinic(database, { patients, seed, clinicName }): a new clinic of synthetic
// patients (generate-synthetic-clinic.ts), written fast for demos, load tests and the FHIR export
// benchmark (2,000 and 20,000 patients on PostgreSQL). Rows go in as multi-row INSERTs through the
// schema, a batch of patients per withClinic transaction, so row-level security and the same-clinic
// foreign keys hold as for any write; one audit row per batch (`demo.synthetic.write`) names the
// patients it wrote. The clinic gets one clinician account that cannot sign in (no password), the
// author of the visits and signed notes. Deterministic for a seed: the same rows, ids included.
import { randomUUID } from 'node:crypto';
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { clinicAuditSink } from '../../app/db-repositories/audit.js';
import { schema, type Database, type KnotworkTx } from '../../db/index.js';
import { syntheticPatient, type SyntheticPatient } from './generate-synthetic-clinic.js';

export interface SyntheticClinicOptions {
  readonly patients: number;
  readonly seed: number;
  readonly clinicName: string;
  /** The clinical "now" (epoch ms); visits fall in the two years before it. Default 2026-11-27T10:00Z. */
  readonly asOf?: number;
  /** Patients per transaction (default 500). */
  readonly batch?: number;
  /** Called after each batch with the number written so far. */
  readonly progress?: (written: number) => void;
}

export interface SyntheticClinicResult {
  readonly clinicId: string;
  readonly clinicianId: string;
  readonly patients: number;
  readonly visits: number;
  readonly rows: number;
}

const DEFAULT_AS_OF = Date.parse('2026-11-27T10:00:00Z');
/** Rows per INSERT (one JSON parameter each): bounds the statement's size, not its parameters. */
const ROWS_PER_INSERT = 5000;
/** Not an argon2 hash: no password verifies against it, so the account cannot sign in. */
const NO_PASSWORD = '!synthetic-no-login';
const HOUR = 3_600_000;

const SEVERITY = {
  post_injection_soreness: 'mild',
  vasovagal: 'mild',
  bruising_haematoma: 'mild',
  infection: 'moderate',
  pneumothorax: 'severe',
} as const;
const ACTION = {
  post_injection_soreness: 'Reassured; ice and gentle movement; paracetamol as needed',
  vasovagal: 'Supine, legs raised; observed until recovered',
  bruising_haematoma: 'Pressure applied; reviewed at follow-up',
  infection: 'Reviewed; antibiotics started; follow-up in 48 h',
  pneumothorax: 'Sent to the emergency department for chest imaging',
} as const;

/**
 * One statement per ROWS_PER_INSERT rows: the rows as one JSON array parameter, unpacked by
 * json_populate_recordset into the table's own column types. Building a 5,000-row VALUES list with
 * drizzle's query builder costs more CPU than PostgreSQL's whole insert; this keeps the writer
 * bound by the database. Columns a row leaves out take their defaults (every row has the same keys).
 */
async function insertAll(tx: KnotworkTx, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first);
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`no column ${k}`);
    return column.name;
  });
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const json = JSON.stringify(
      rows
        .slice(i, i + ROWS_PER_INSERT)
        .map((r) => Object.fromEntries(keys.map((k, c): [string, unknown] => [names[c] ?? k, r[k]]))),
    );
    await tx.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${json}::json)`,
    );
  }
}

/** A batch of patients as the rows of each table, in foreign-key order. */
function rowsOf(batch: readonly SyntheticPatient[], clinicId: string, clinicianId: string) {
  const t = {
    patients: [] as Record<string, unknown>[],
    identifiers: [] as Record<string, unknown>[],
    names: [] as Record<string, unknown>[],
    conditions: [] as Record<string, unknown>[],
    allergies: [] as Record<string, unknown>[],
    medicines: [] as Record<string, unknown>[],
    visits: [] as Record<string, unknown>[],
    observations: [] as Record<string, unknown>[],
    notes: [] as Record<string, unknown>[],
    administrations: [] as Record<string, unknown>[],
    complications: [] as Record<string, unknown>[],
  };
  const base = { clinicId };
  for (const p of batch) {
    const reviewed = new Date(p.visits[0]?.at ?? p.medicines[0]?.assertedAt ?? DEFAULT_AS_OF);
    t.patients.push({
      ...base,
      id: p.id,
      familyName: p.family,
      givenNames: p.given,
      birthDate: p.birthDate,
      gender: p.sex,
      allergiesReviewedAt: reviewed,
      allergiesReviewedBy: clinicianId,
      medicationsReconciledAt: reviewed,
      medicationsReconciledBy: clinicianId,
    });
    t.identifiers.push({
      ...base,
      patientId: p.id,
      system: 'https://knotwork.dev/fhir/synthetic-mrn',
      value: p.mrn,
      typeCode: 'MR',
    });
    for (const name of new Set([p.family.toLowerCase(), p.given.toLowerCase()]))
      t.names.push({ ...base, patientId: p.id, name });
    for (const c of p.conditions)
      t.conditions.push({
        ...base,
        id: c.id,
        patientId: p.id,
        code: c.code,
        display: c.display,
        clinicalStatus: 'active',
        verificationStatus: 'confirmed',
        onset: c.onset,
        recordedBy: clinicianId,
      });
    for (const a of p.allergies)
      t.allergies.push({
        ...base,
        id: a.id,
        patientId: p.id,
        substanceKind: a.kind,
        substanceCode: a.code,
        substanceText: a.text,
        type: 'allergy',
        clinicalStatus: 'active',
        verificationStatus: 'confirmed',
        recordedBy: clinicianId,
      });
    for (const m of p.medicines)
      t.medicines.push({
        ...base,
        id: m.id,
        patientId: p.id,
        kind: 'statement',
        rxnormCode: m.rxnorm,
        text: m.text,
        status: 'active',
        assertedAt: new Date(m.assertedAt),
        recordedBy: clinicianId,
      });
    for (const v of p.visits) {
      const at = new Date(v.at);
      const end = new Date(v.at + HOUR / 2);
      t.visits.push({
        ...base,
        id: v.id,
        patientId: p.id,
        status: 'finished',
        scheduledAt: at,
        startedAt: at,
        endedAt: end,
        clinicianId,
        reason: p.conditions[0]?.display ?? null,
        createdBy: clinicianId,
      });
      const immediate = v.complications.filter((c) => c === 'vasovagal');
      const content = {
        plan: {
          sites: v.sites.map((s) => ({
            muscle: s.muscle,
            side: s.side,
            findings: { tautBand: true, localTwitch: true, referredPain: true, jumpSign: false },
          })),
          products: [{ injectate: 'lidocaine-1pct', volumeMl: v.sites.reduce((n, s) => n + s.volumeMl, 0) }],
          revision: 1,
        },
        findings: 'Taut bands with tender nodules and referred pain at each planned site.',
        painNrs: v.painAfter,
        timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
        sites: v.sites.map((s) => ({
          muscle: s.muscle,
          side: s.side,
          needle: { gauge: 25, lengthMm: 38 },
          aspiration: 'negative',
          twitch: true,
          tolerance: 'well',
          administrations: [{ injectate: 'lidocaine-1pct', volumeMl: s.volumeMl, lot: s.lot, expiry: '2027-12' }],
        })),
        complications: immediate.map((type) => ({
          type,
          severity: SEVERITY[type],
          onset: end.toISOString(),
          action: ACTION[type],
          note: null,
        })),
      };
      t.notes.push({
        ...base,
        id: v.noteId,
        patientId: p.id,
        visitId: v.id,
        version: 1,
        status: 'signed',
        content,
        createdBy: clinicianId,
        signedBy: clinicianId,
        signedAt: end,
      });
      for (const s of v.sites) {
        t.administrations.push({
          ...base,
          patientId: p.id,
          visitId: v.id,
          noteId: v.noteId,
          muscleCode: s.muscle,
          side: s.side,
          productCode: 'lidocaine-1pct',
          productText: 'Lidocaine 1% (10 mg/mL), preservative-free',
          volumeMl: s.volumeMl,
          lot: s.lot,
          expiry: '2027-12',
          administeredAt: at,
          administeredBy: clinicianId,
        });
      }
      for (const c of v.complications) {
        // Vasovagal reactions happen in the room (in the note); the others are told at follow-up.
        const inNote = c === 'vasovagal';
        const onset = new Date(v.at + (inNote ? HOUR / 4 : c === 'post_injection_soreness' ? 4 * HOUR : 48 * HOUR));
        t.complications.push({
          ...base,
          patientId: p.id,
          visitId: v.id,
          noteId: inNote ? v.noteId : null,
          typeCode: c,
          reportedBy: inNote ? 'clinician' : 'patient',
          severity: SEVERITY[c],
          onsetAt: onset,
          action: ACTION[c],
          recordedAt: new Date(Math.max(onset.getTime(), end.getTime())),
          recordedBy: clinicianId,
        });
      }
    }
    for (const o of p.observations) {
      t.observations.push({
        ...base,
        id: o.id,
        patientId: p.id,
        visitId: o.visitId,
        loincCode: o.loinc,
        display: o.display,
        valueNumber: o.value,
        unit: o.unit,
        effectiveAt: new Date(o.at),
        status: 'final',
        recordedBy: clinicianId,
      });
    }
  }
  return t;
}

export async function writeSyntheticClinic(
  database: Database,
  options: SyntheticClinicOptions,
): Promise<SyntheticClinicResult> {
  const { patients, seed, clinicName } = options;
  if (!Number.isInteger(patients) || patients < 0)
    throw new RangeError(`patients: ${patients} is not a whole number >= 0`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed: ${seed} is not a whole number`);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const batchSize = options.batch ?? 500;
  const { clinicId, clinicianId } = await database.asSystem(async (tx) => {
    const [clinic] = await tx.insert(schema.clinics).values({ name: clinicName }).returning({ id: schema.clinics.id });
    if (!clinic) throw new Error('no clinic row');
    const [user] = await tx
      .insert(schema.users)
      .values({
        clinicId: clinic.id,
        email: `clinician.${randomUUID()}@synthetic.knotwork.dev`,
        displayName: 'Synthetic Clinician',
        role: 'clinician',
        passwordHash: NO_PASSWORD,
      })
      .returning({ id: schema.users.id });
    if (!user) throw new Error('no user row');
    return { clinicId: clinic.id, clinicianId: user.id };
  });
  let visits = 0;
  let rows = 0;
  for (let start = 0; start < patients; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, patients - start) }, (_, i) =>
      syntheticPatient(start + i, { seed, asOf, idSpace: clinicId }),
    );
    const t = rowsOf(batch, clinicId, clinicianId);
    await database.withClinic(clinicId, async (tx) => {
      await insertAll(tx, schema.patients, t.patients);
      await insertAll(tx, schema.patientIdentifiers, t.identifiers);
      await insertAll(tx, schema.patientSearchNames, t.names);
      await insertAll(tx, schema.conditions, t.conditions);
      await insertAll(tx, schema.allergies, t.allergies);
      await insertAll(tx, schema.medicines, t.medicines);
      await insertAll(tx, schema.visits, t.visits);
      await insertAll(tx, schema.observations, t.observations);
      await insertAll(tx, schema.procedureNotes, t.notes);
      await insertAll(tx, schema.administrations, t.administrations);
      await insertAll(tx, schema.complications, t.complications);
      await clinicAuditSink(tx, clinicId).record({
        clinicId,
        actor: clinicianId,
        actorKind: 'user',
        action: 'demo.synthetic.write',
        entity: null,
        patientId: null,
        // When it was written (the rows' own times follow asOf).
        at: Date.now(),
        from: null,
        outcome: 'success',
        detail: { seed, first: start + 1, patients: batch.length, ids: batch.map((p) => p.id) },
      });
    });
    visits += t.visits.length;
    rows += Object.values(t).reduce((n, list) => n + list.length, 0);
    options.progress?.(start + batch.length);
  }
  return { clinicId, clinicianId, patients, visits, rows };
}
