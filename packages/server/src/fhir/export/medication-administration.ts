// MedicationAdministration: one per product given at each site of a signed note (reference.json
// terminology.fhir_r4_mapping "each injectate given" [FHIR_R4]): the product as a contained
// Medication (catalogue injectate code, RxNorm ingredient where the catalogue has one, strength in
// mg/mL, the lot and its expiry), partOf its Procedure, dosage.site the muscle with the laterality
// extension, dosage.route SNOMED 78421000 intramuscular [SNOMED_SRC], dosage.dose in mL and the mg
// in dosage.text. Injections given elsewhere (chart-to-fhir.ts) follow, as recorded.
import type { Medication, MedicationAdministration } from '@medplum/fhirtypes';
import { catalogue } from '@knotwork/core';
import type { StoredAdministration } from '../../app/visits/procedure-ports.js';
import { administrationResource } from '../chart-to-fhir.js';
import { coding, SYSTEMS } from '../fhir-systems.js';
import { INTRAMUSCULAR, muscleSite } from './export-systems.js';
import { iso, type PatientRecord } from './patient-record.js';

const INGREDIENTS = catalogue.ingredients as Record<string, { readonly rxnorm: readonly string[] } | undefined>;

function medication(a: StoredAdministration): Medication {
  const product = catalogue.injectates.find((i) => i.code === a.injectate);
  const rxnorm = product ? INGREDIENTS[product.ingredient]?.rxnorm[0] : undefined;
  const mgPerMl = product?.mgPerMl ?? null;
  return {
    resourceType: 'Medication',
    id: 'product',
    code: { coding: [coding(SYSTEMS.injectate, a.injectate, product?.display)], text: a.productText },
    ...(product
      ? {
          ingredient: [
            {
              itemCodeableConcept: {
                coding: rxnorm ? [coding(SYSTEMS.rxnorm, rxnorm, product.ingredient)] : [],
                text: product.ingredient,
              },
              isActive: true,
              ...(mgPerMl !== null
                ? {
                    strength: {
                      numerator: { value: mgPerMl, unit: 'mg', system: SYSTEMS.ucum, code: 'mg' },
                      denominator: { value: 1, unit: 'mL', system: SYSTEMS.ucum, code: 'mL' },
                    },
                  }
                : {}),
            },
          ],
        }
      : {}),
    ...(a.lot !== null || a.expiry !== null
      ? {
          batch: {
            ...(a.lot !== null ? { lotNumber: a.lot } : {}),
            ...(a.expiry !== null ? { expirationDate: a.expiry } : {}),
          },
        }
      : {}),
  };
}

/** "2 mL (20 mg)": the mL given and, where the product has a strength, the mg. */
export function doseText(a: Pick<StoredAdministration, 'injectate' | 'volumeMl' | 'productText'>): string {
  const mgPerMl = catalogue.injectates.find((i) => i.code === a.injectate)?.mgPerMl ?? null;
  const mg = mgPerMl === null ? '' : ` (${Math.round(a.volumeMl * mgPerMl * 1000) / 1000} mg)`;
  return `${a.volumeMl} mL${mg} of ${a.productText}`;
}

export function exportAdministrations(record: PatientRecord): MedicationAdministration[] {
  const { patient } = record.chart;
  const subject = { reference: `Patient/${patient.id}` };
  const own = record.visits.flatMap((v) =>
    v.administrations.map((a): MedicationAdministration => ({
      resourceType: 'MedicationAdministration',
      id: a.id,
      contained: [medication(a)],
      status: 'completed',
      medicationReference: { reference: '#product', display: a.productText },
      subject,
      context: { reference: `Encounter/${v.visit.id}` },
      effectiveDateTime: iso(a.administeredAt),
      ...(a.administeredBy ? { performer: [{ actor: { reference: `Practitioner/${a.administeredBy}` } }] } : {}),
      ...(a.noteId ? { partOf: [{ reference: `Procedure/${a.noteId}` }] } : {}),
      dosage: {
        text: doseText(a),
        site: muscleSite(a.muscle, a.side),
        route: INTRAMUSCULAR,
        dose: { value: a.volumeMl, unit: 'mL', system: SYSTEMS.ucum, code: 'mL' },
      },
    })),
  );
  // Injections given elsewhere carry a revision; our own (from signed notes) are exported above.
  const elsewhere = record.chart.administrations
    .filter((a) => a.revision !== undefined)
    .map((a) => administrationResource(patient, a));
  return [...own, ...elsewhere];
}
