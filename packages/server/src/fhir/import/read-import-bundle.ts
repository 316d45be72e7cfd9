// An EHR's Bundle read for import (issue 5, item 3): a transaction or collection of Patient,
// Condition, AllergyIntolerance, MedicationStatement, MedicationRequest and Observation resources,
// each chart entry pointing at a Patient of the same Bundle. Every problem found is an issue with
// its location (`Bundle.entry[2].resource.code`), all of them at once, and any issue refuses the
// whole Bundle: the caller writes nothing of it. Pure: no clock, no storage.
import { readFhir } from '@knotwork/core';
import type { ImportedEntry, ImportedPatient, ImportIssue, ReadImportResult } from './import-types.js';
import {
  isFhirDate,
  readAllergy,
  readCondition,
  readMedicine,
  readObservation,
  type ReadContext,
} from './read-resources.js';

const { arr, obj, str } = readFhir;
type Json = readFhir.Json;

const READERS: Readonly<Record<string, (resource: Json, ctx: ReadContext) => ImportedEntry | undefined>> = {
  Condition: readCondition,
  AllergyIntolerance: readAllergy,
  MedicationStatement: readMedicine,
  MedicationRequest: readMedicine,
  Observation: readObservation,
};

export const IMPORTED_RESOURCE_TYPES = ['Patient', ...Object.keys(READERS)] as const;

const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

function readPatient(resource: Json, path: string, fullUrl: string | undefined, issue: (i: ImportIssue) => void) {
  const identifiers: { system: string; value: string }[] = [];
  arr(resource['identifier']).forEach((raw, i) => {
    const system = str(obj(raw)?.['system']);
    const value = str(obj(raw)?.['value']);
    if (system && value) identifiers.push({ system, value });
    else
      issue({
        expression: `${path}.identifier[${i}]`,
        code: 'required',
        message: 'an identifier needs a system and a value',
      });
  });
  if (arr(resource['identifier']).length === 0) {
    // A patient is matched on its identifiers: without one, a repeat import would make a second patient.
    issue({
      expression: `${path}.identifier`,
      code: 'required',
      message: 'a patient needs an identifier (system and value) to be matched on',
    });
  }
  const name = obj(arr(resource['name'])[0]);
  const family = str(name?.['family'])?.trim();
  if (!family)
    issue({ expression: `${path}.name[0].family`, code: 'required', message: 'a patient needs a family name' });
  const given = arr(name?.['given'])
    .map(str)
    .filter((g): g is string => g !== undefined && g.trim() !== '');
  const birthDate = resource['birthDate'] === undefined ? null : str(resource['birthDate']);
  if (birthDate === undefined || (birthDate !== null && !isFhirDate(birthDate)) || (birthDate?.length ?? 10) !== 10) {
    issue({
      expression: `${path}.birthDate`,
      code: 'value',
      message: `${JSON.stringify(resource['birthDate'])} is not a full date (YYYY-MM-DD)`,
    });
  }
  const gender = resource['gender'] === undefined ? null : str(resource['gender']);
  const sex = gender === null ? null : GENDERS.find((g) => g === gender);
  if (sex === undefined) {
    issue({
      expression: `${path}.gender`,
      code: 'value',
      message: `${JSON.stringify(resource['gender'])} is not one of ${GENDERS.join(', ')}`,
    });
  }
  const id = str(resource['id']);
  const patient: ImportedPatient = {
    path,
    aliases: [...(fullUrl ? [fullUrl] : []), ...(id ? [`Patient/${id}`] : [])],
    identifiers,
    family: family ?? '',
    given,
    birthDate: birthDate ?? null,
    sex: sex ?? null,
  };
  return patient;
}

export function readImportBundle(bundle: unknown): ReadImportResult {
  const issues: ImportIssue[] = [];
  const issue = (i: ImportIssue) => void issues.push(i);
  const root = obj(bundle);
  if (root?.['resourceType'] !== 'Bundle') {
    return {
      ok: false,
      issues: [{ expression: 'Bundle.resourceType', code: 'invalid', message: 'expected a Bundle' }],
    };
  }
  const type = str(root['type']);
  if (type !== 'transaction' && type !== 'collection') {
    issue({
      expression: 'Bundle.type',
      code: 'value',
      message: `${JSON.stringify(root['type'])}: send a transaction or a collection`,
    });
  }
  const raw = arr(root['entry']);
  if (raw.length === 0) issue({ expression: 'Bundle.entry', code: 'required', message: 'the Bundle has no entries' });

  // Patients first, so that entries may come before the Patient they point at.
  const patients: ImportedPatient[] = [];
  const resources: { resource: Json; path: string }[] = [];
  raw.forEach((e, i) => {
    const entry = obj(e);
    const path = `Bundle.entry[${i}].resource`;
    const resource = obj(entry?.['resource']);
    if (!resource) return issue({ expression: path, code: 'required', message: 'the entry has no resource' });
    const kind = str(resource['resourceType']);
    if (kind === 'Patient') patients.push(readPatient(resource, path, str(entry?.['fullUrl']), issue));
    else if (kind !== undefined && kind in READERS) resources.push({ resource, path });
    else
      issue({
        expression: `${path}.resourceType`,
        code: 'not-supported',
        message: `${JSON.stringify(kind ?? null)}: the import takes ${IMPORTED_RESOURCE_TYPES.join(', ')}`,
      });
  });
  patients.forEach((p, i) => {
    for (const [j, q] of patients.slice(0, i).entries()) {
      if (p.identifiers.some((a) => q.identifiers.some((b) => a.system === b.system && a.value === b.value))) {
        issue({
          expression: `${p.path}.identifier`,
          code: 'duplicate',
          message: `the same patient as ${patients[j]?.path ?? ''}`,
        });
      }
    }
  });

  const patientOf = (reference: unknown, expression: string): number | undefined => {
    const ref = str(obj(reference)?.['reference']);
    if (ref === undefined) {
      issue({ expression, code: 'required', message: 'a reference to the Patient of this Bundle is required' });
      return undefined;
    }
    const at = patients.findIndex((p) => p.aliases.includes(ref));
    if (at < 0) {
      issue({
        expression: `${expression}.reference`,
        code: 'not-found',
        message: `${ref} is no Patient of this Bundle`,
      });
      return undefined;
    }
    return at;
  };

  const entries: ImportedEntry[] = [];
  const keys = new Map<string, string>();
  for (const { resource, path } of resources) {
    const read = READERS[str(resource['resourceType']) ?? ''];
    const entry = read?.(resource, { path, issue, patientOf });
    if (!entry) continue;
    const key = `${entry.patient}\u0000${entry.kind}\u0000${entry.matchKey}`;
    const earlier = keys.get(key);
    if (earlier !== undefined) {
      issue({
        expression: path,
        code: 'duplicate',
        message: `the same ${entry.kind} as ${earlier} (identifier, or code and time)`,
      });
      continue;
    }
    keys.set(key, path);
    entries.push(entry);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { type: type === 'transaction' ? 'transaction' : 'collection', patients, entries } };
}
