// Builds the CDS Hooks request for a visit from the stored chart and plan, so that the web app, the
// API and an EHR all get the same answer from the same engine (issue 3, item 3).
//
// What is unknown stays unknown (SCREENING.md section 4, "Absent prefetch keys"): allergies never
// reviewed and never recorded, or medicines never reconciled and never recorded, leave their
// prefetch key out, so the screen reports missing data instead of an all-clear. Recorded entries
// are always sent, even before a review: a known allergy is never hidden from the checks.
import type { Bundle, BundleEntry, MedicationRequest, Resource, ServiceRequest } from '@medplum/fhirtypes';
import { catalogue } from '@knotwork/core';
import type { Chart, PlannedProductInput, PlannedSiteInput } from './chart.js';
import {
  administrationResource,
  allergyResource,
  conditionResource,
  medicineResource,
  observationResource,
  patientResource,
} from './chart-to-fhir.js';
import { coding, lateralityExtension, SYSTEMS } from './fhir-systems.js';

export interface CdsHooksRequest {
  readonly hook: 'order-sign';
  readonly hookInstance: string;
  readonly context: { readonly userId: string; readonly patientId: string; readonly draftOrders: Bundle };
  readonly prefetch: Readonly<Record<string, Resource | null>>;
}

function searchset(resources: readonly Resource[]): Bundle {
  return { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource): BundleEntry => ({ resource })) };
}

export function buildScreeningRequest(options: {
  readonly chart: Chart;
  readonly sites: readonly PlannedSiteInput[];
  readonly products: readonly PlannedProductInput[];
  /** `Practitioner/<id>` of the clinician screening. */
  readonly userId: string;
  readonly hookInstance: string;
}): CdsHooksRequest {
  const { chart, sites, products } = options;
  const patient = chart.patient;
  const subject = { reference: `Patient/${patient.id}` };
  const order: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: 'tpi',
    status: 'draft',
    intent: 'order',
    subject,
    code: { coding: [coding(SYSTEMS.procedure, 'trigger-point-injection', 'Trigger point injection')] },
    bodySite: sites.map((s) => ({
      coding: [coding(SYSTEMS.muscle, s.muscle, catalogue.muscles.find((m) => m.code === s.muscle)?.display)],
      extension: [lateralityExtension(s.side)],
    })),
  };
  const lines: MedicationRequest[] = products.map((p, i) => ({
    resourceType: 'MedicationRequest',
    id: `line-${i + 1}`,
    status: 'draft',
    intent: 'order',
    subject,
    medicationCodeableConcept: {
      coding: [
        coding(SYSTEMS.injectate, p.injectate, catalogue.injectates.find((x) => x.code === p.injectate)?.display),
      ],
    },
    dosageInstruction: [
      { doseAndRate: [{ doseQuantity: { value: p.volumeMl, unit: 'mL', system: SYSTEMS.ucum, code: 'mL' } }] },
    ],
  }));

  const prefetch: Record<string, Resource | null> = {
    patient: patientResource(patient),
    conditions: searchset(chart.conditions.map((c) => conditionResource(patient, c))),
    observations: searchset(chart.observations.map((o) => observationResource(patient, o))),
    medicationAdministrations: searchset(chart.administrations.map((a) => administrationResource(patient, a))),
  };
  if (chart.allergiesReviewedAt !== null || chart.allergies.length > 0) {
    prefetch['allergies'] = searchset(chart.allergies.map((a) => allergyResource(patient, a)));
  }
  if (chart.medicationsReconciledAt !== null || chart.medicines.length > 0) {
    prefetch['medications'] = searchset(chart.medicines.map((m) => medicineResource(patient, m)));
  }
  return {
    hook: 'order-sign',
    hookInstance: options.hookInstance,
    context: {
      userId: options.userId,
      patientId: patient.id,
      draftOrders: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: order }, ...lines.map((resource): BundleEntry => ({ resource }))],
      },
    },
    prefetch,
  };
}
