// Procedure: each visit's signed procedure note (its latest signed or amended version), coded CPT
// 20552/20553 by the core's codeProcedure on what was given at each site [CPTA] and always with
// Knotwork's procedure#trigger-point-injection; one bodySite per muscle and side with the
// laterality extension (SCREENING.md section 2); the signer as performer; the findings as note;
// the tolerance and post-procedure pain as outcome; the immediate complications (reference.json
// terminology.fhir_r4_mapping "TPI session" [FHIR_R4]). Drafts are not a record: not exported.
import type { Procedure } from '@medplum/fhirtypes';
import { codeProcedure } from '@knotwork/core';
import { coding, SYSTEMS } from '../fhir-systems.js';
import { complicationConcept, KNOTWORK_TPI, muscleSite } from './export-systems.js';
import { iso, signedNoteOf, type PatientRecord, type VisitRecord } from './patient-record.js';

function diagnosesOf(record: PatientRecord, v: VisitRecord): string[] {
  const active = record.chart.conditions
    .filter((c) => c.verificationStatus !== 'entered-in-error' && c.verificationStatus !== 'refuted')
    .filter((c) => c.clinicalStatus === 'active' || c.clinicalStatus === 'recurrence' || c.clinicalStatus === 'relapse')
    .map((c) => c.icd10);
  if (!v.baseline) return active;
  const first = v.baseline.indication.icd10;
  return [first, ...active.filter((c) => c.replace('.', '') !== first.replace('.', ''))];
}

export function exportProcedures(record: PatientRecord): Procedure[] {
  const subject = { reference: `Patient/${record.chart.patient.id}` };
  const out: Procedure[] = [];
  for (const v of record.visits) {
    const note = signedNoteOf(v);
    if (!note || note.signedAt === null || note.signedBy === null) continue;
    const { sites, findings, painNrs, complications } = note.content;
    const drugs = sites.flatMap((s) =>
      s.administrations.map((a) => ({ injectate: a.injectate, volumeMl: a.volumeMl })),
    );
    const coded = codeProcedure({
      sites: sites.map((s) => ({ muscle: s.muscle, side: s.side })),
      drugs,
      diagnoses: diagnosesOf(record, v),
    });
    const cpt = coded.procedure ? [coding(coded.procedure.system, coded.procedure.code, coded.procedure.display)] : [];
    const tolerance = sites.map((s) => s.tolerance).filter((t) => t !== null);
    const outcome = [
      ...(painNrs !== null ? [`pain ${painNrs}/10 after the procedure`] : []),
      ...(tolerance.length > 0 ? [`tolerated ${[...new Set(tolerance)].join(', ')}`] : []),
    ];
    out.push({
      resourceType: 'Procedure',
      id: note.id,
      status: 'completed',
      code: { coding: [...cpt, KNOTWORK_TPI], text: coded.procedure?.display ?? 'Trigger point injection' },
      subject,
      encounter: { reference: `Encounter/${v.visit.id}` },
      performedDateTime: iso(note.signedAt),
      recorder: { reference: `Practitioner/${note.signedBy}` },
      performer: [{ actor: { reference: `Practitioner/${note.signedBy}` } }],
      ...(coded.diagnoses.length > 0
        ? { reasonCode: coded.diagnoses.map((d) => ({ coding: [coding(SYSTEMS.icd10cm, d)] })) }
        : {}),
      ...(sites.length > 0 ? { bodySite: sites.map((s) => muscleSite(s.muscle, s.side)) } : {}),
      ...(outcome.length > 0 ? { outcome: { text: outcome.join('; ') } } : {}),
      ...(complications.length > 0 ? { complication: complications.map((c) => complicationConcept(c.type)) } : {}),
      ...(findings.trim() !== '' ? { note: [{ text: findings, time: iso(note.signedAt) }] } : {}),
      ...(sites.some((s) => s.needle.gauge !== null)
        ? {
            usedCode: [...new Set(sites.filter((s) => s.needle.gauge !== null).map((s) => needleText(s.needle)))].map(
              (text) => ({ text }),
            ),
          }
        : {}),
    });
  }
  return out;
}

const needleText = (n: { gauge: number | null; lengthMm: number | null }) =>
  `${n.gauge} G needle${n.lengthMm !== null ? `, ${n.lengthMm} mm` : ''}`;
