// POST /fhir/R4 (issue 5, item 3): an EHR's transaction or collection Bundle creates or updates
// patients and their charts through the record use cases, in the caller's one clinic transaction.
// First everything is read and checked (fhir/import: shapes, codes, references; here: dates after
// the clinical now, catalogue observation units, patients matched twice); any issue refuses the
// whole Bundle with an OperationOutcome and nothing is written but the audit row of the refusal.
// Then patients are matched on identifier system+value and chart entries on their match key
// (fhir/import/match-keys.ts); what is unchanged is not written again, so a repeat import changes
// nothing. A write that fails after that throws, and the transaction takes every write back.
import { parseFhirTime } from '@knotwork/core';
import { auditAs, type Actor } from '../actor.js';
import { createPatient } from '../patients/create-patient.js';
import { updatePatient } from '../patients/update-patient.js';
import type { ClinicRepositories, NewPatient, PatientSummary } from '../ports.js';
import { addRecord } from '../records/add-record.js';
import { changeRecord } from '../records/change-record.js';
import { observationValueIssues } from '../records/check-observation.js';
import { compiledCatalogue } from '../records/compiled-catalogue.js';
import {
  inputOf,
  isEnteredInError,
  RECORD_KINDS,
  type RecordInput,
  type StoredEntry,
} from '../records/record-ports.js';
import type { ImportedEntry, ImportedPatient, ImportIssue, ImportPlan } from '../../fhir/import/import-types.js';
import { readImportBundle } from '../../fhir/import/read-import-bundle.js';
import type { ImportLink } from './import-link-ports.js';

/** What happened to each resource of the Bundle, by its location, in Bundle order. */
export interface ImportOutcome {
  readonly path: string;
  readonly resourceType: string;
  readonly id: string;
  readonly result: 'created' | 'updated' | 'unchanged' | 'kept-entered-in-error';
}

export type ImportResult =
  | { readonly ok: true; readonly outcomes: readonly ImportOutcome[]; readonly type: ImportPlan['type'] }
  | { readonly ok: false; readonly issues: readonly ImportIssue[] };

/** A write refused after the checks (a concurrent change): thrown so that the transaction rolls back. */
export class ImportWriteError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'ImportWriteError';
  }
}

/** A few minutes of difference between the EHR's clock and ours are not "the future" (as record-checks). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** What the Bundle's content says that only the server can judge: future dates, catalogue units. */
function serverIssues(plan: ImportPlan, now: number): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const e of plan.entries) {
    const time = e.datedAt && parseFhirTime(e.datedAt.value);
    if (e.datedAt && time !== undefined && time > now + CLOCK_SKEW_MS) {
      const message = `${e.datedAt.value} is after now (${new Date(now).toISOString()})`;
      issues.push({ expression: e.datedAt.expression, code: 'business-rule', message });
    }
    // Observations the screen reads (weight, INR ...) must be in a unit it reads; others are kept as sent.
    if (e.kind === 'observation' && compiledCatalogue.observationKindByLoinc.has(e.content.loinc)) {
      for (const i of observationValueIssues(e.content)) {
        const field =
          'quantity' in e.content.value
            ? i.path[1] === 'unit'
              ? 'valueQuantity.code'
              : 'valueQuantity.value'
            : 'value[x]';
        issues.push({ expression: `${e.path}.${field}`, code: 'value', message: i.message });
      }
    }
  }
  return issues;
}

const sameSystemValue = (a: { system: string; value: string }, b: { system: string; value: string }) =>
  a.system === b.system && a.value === b.value;

/** The clinic's patient each imported patient is (by identifier system+value), or an issue. */
async function matchPatients(plan: ImportPlan, repos: Pick<ClinicRepositories, 'patients'>) {
  const issues: ImportIssue[] = [];
  const matches: (PatientSummary | undefined)[] = [];
  for (const p of plan.patients) {
    const found = new Map<string, PatientSummary>();
    for (const identifier of p.identifiers) {
      const { items } = await repos.patients.search({ identifier: identifier.value, limit: 50 });
      for (const s of items) if (s.identifiers.some((i) => sameSystemValue(i, identifier))) found.set(s.id, s);
    }
    if (found.size > 1) {
      const ids = [...found.keys()].join(', ');
      issues.push({
        expression: `${p.path}.identifier`,
        code: 'business-rule',
        message: `the identifiers name different patients here (${ids})`,
      });
    }
    matches.push([...found.values()][0]);
  }
  return { issues, matches };
}

/** The patient as stored after the import: the EHR's demographics, every identifier of both. */
function mergedPatient(p: ImportedPatient, current: PatientSummary | undefined): NewPatient {
  const identifiers = [...(current?.identifiers ?? [])];
  for (const i of p.identifiers) if (!identifiers.some((x) => sameSystemValue(x, i))) identifiers.push(i);
  return { identifiers, family: p.family, given: p.given, birthDate: p.birthDate, sex: p.sex };
}

function samePatient(a: NewPatient, b: PatientSummary): boolean {
  const ids = (x: readonly { system: string; value: string }[]) =>
    x
      .map((i) => `${i.system}|${i.value}`)
      .sort()
      .join('\n');
  return (
    ids(a.identifiers) === ids(b.identifiers) &&
    a.family === b.family &&
    a.given.join(' ') === b.given.join(' ') &&
    a.birthDate === b.birthDate &&
    (a.sex ?? 'unknown') === (b.sex ?? 'unknown')
  );
}

/** JSON with sorted keys and no undefined: equal content, equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function sameContent(content: object, stored: StoredEntry<ImportedEntry['kind']>): boolean {
  const current: Record<string, unknown> = { ...inputOf(stored) };
  for (const key of Object.keys(current)) if (!(key in content) && current[key] === undefined) delete current[key];
  return canonical(content) === canonical(current);
}

async function writeEntry(
  e: ImportedEntry,
  patientId: string,
  link: ImportLink | undefined,
  context: { readonly actor: Actor; readonly at: number; readonly recordedAt: number },
  repos: ClinicRepositories,
): Promise<ImportOutcome> {
  // A prescription is kept as a medicine of the chart, which Knotwork emits as a MedicationStatement.
  const resourceType = RECORD_KINDS[e.kind].resource;
  const entry = e.content as RecordInput<typeof e.kind>;
  const saveLink = async (entryId: string) => {
    if (link?.entryId === entryId && canonical(link.sourceCode) === canonical(e.sourceCode)) return;
    await repos.importLinks.save(
      patientId,
      { kind: e.kind, matchKey: e.matchKey, entryId, sourceCode: e.sourceCode },
      context.at,
    );
  };
  const stored = link && (await repos.records.get(e.kind, patientId, link.entryId));
  if (stored) {
    await saveLink(stored.id);
    if (sameContent(e.content, stored)) return { path: e.path, resourceType, id: stored.id, result: 'unchanged' };
    // Retracted here (entered in error) by a clinician: the EHR's copy does not bring it back.
    if (isEnteredInError(stored)) return { path: e.path, resourceType, id: stored.id, result: 'kept-entered-in-error' };
    const changed = await changeRecord(
      {
        kind: e.kind,
        patientId,
        entryId: stored.id,
        ifRevisions: [stored.revision],
        entry,
        changedAt: context.recordedAt,
        actor: context.actor,
        at: context.at,
      },
      repos,
    );
    if (!changed.ok) throw new ImportWriteError(e.path, changed.detail);
    return { path: e.path, resourceType, id: stored.id, result: 'updated' };
  }
  const added = await addRecord(
    { kind: e.kind, patientId, entry, recordedAt: context.recordedAt, actor: context.actor, at: context.at },
    repos,
  );
  if (!added.ok) throw new ImportWriteError(e.path, added.detail);
  await saveLink(added.entry.id);
  return { path: e.path, resourceType, id: added.entry.id, result: 'created' };
}

export async function importFhirBundle(
  input: {
    readonly bundle: unknown;
    readonly actor: Actor;
    /** Real time, for the audit rows. */
    readonly at: number;
    /** The clinical "now" (epoch ms): the entries' recorded time, and the latest they may be dated. */
    readonly recordedAt: number;
  },
  repos: ClinicRepositories,
): Promise<ImportResult> {
  const { actor, at, recordedAt } = input;
  const audit = (outcome: 'success' | 'failed', detail: Record<string, unknown>) =>
    repos.audit.record(auditAs(actor, at, { action: 'fhir.import', entity: null, patientId: null, outcome, detail }));
  const read = readImportBundle(input.bundle);
  const checked = read.ok ? serverIssues(read.plan, recordedAt) : read.issues;
  const matched = read.ok && checked.length === 0 ? await matchPatients(read.plan, repos) : undefined;
  const issues = [...checked, ...(matched?.issues ?? [])];
  if (!read.ok || !matched || issues.length > 0) {
    await audit('failed', {
      reason: 'validation-failed',
      issues: issues.length,
      at: issues.slice(0, 20).map((i) => i.expression),
    });
    return { ok: false, issues };
  }
  const { plan } = read;
  const outcomes: ImportOutcome[] = [];
  const patientIds: string[] = [];
  for (const [n, p] of plan.patients.entries()) {
    const current = matched.matches[n];
    const wanted = mergedPatient(p, current);
    if (!current) {
      const created = await createPatient({ patient: wanted, actor, at }, repos);
      patientIds.push(created.id);
      outcomes.push({ path: p.path, resourceType: 'Patient', id: created.id, result: 'created' });
    } else if (samePatient(wanted, current)) {
      patientIds.push(current.id);
      outcomes.push({ path: p.path, resourceType: 'Patient', id: current.id, result: 'unchanged' });
    } else {
      const updated = await updatePatient(
        { patientId: current.id, ifRevisions: [current.revision], change: wanted, actor, at },
        repos,
      );
      if (!updated.ok) throw new ImportWriteError(p.path, updated.detail);
      patientIds.push(current.id);
      outcomes.push({ path: p.path, resourceType: 'Patient', id: current.id, result: 'updated' });
    }
  }
  const linksOf = new Map<string, Map<string, ImportLink>>();
  for (const e of plan.entries) {
    const patientId = patientIds[e.patient];
    if (patientId === undefined) throw new Error(`${e.path}: patient ${e.patient} was not written`);
    let links = linksOf.get(patientId);
    if (!links) {
      links = new Map((await repos.importLinks.ofPatient(patientId)).map((l) => [`${l.kind}\u0000${l.matchKey}`, l]));
      linksOf.set(patientId, links);
    }
    outcomes.push(
      await writeEntry(e, patientId, links.get(`${e.kind}\u0000${e.matchKey}`), { actor, at, recordedAt }, repos),
    );
  }
  const order = (path: string) => Number(/entry\[(\d+)\]/.exec(path)?.[1] ?? 0);
  outcomes.sort((a, b) => order(a.path) - order(b.path));
  const counts = Object.fromEntries(
    (['created', 'updated', 'unchanged', 'kept-entered-in-error'] as const).map((r) => [
      r,
      outcomes.filter((o) => o.result === r).length,
    ]),
  );
  await audit('success', { type: plan.type, patients: patientIds, ...counts });
  return { ok: true, outcomes, type: plan.type };
}
