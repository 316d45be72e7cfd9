// The ICD-10-CM codes Knotwork knows without the yearly CMS release: the TPI indications of
// REFERENCE.md 1.2 with their headers, the status flags of 2.x (Z79.01, Z79.02, Z88.4) and the
// complication codes of 5.1 marked verified or moderate there [ICD_SRC]. It is a short list, not the
// code set: a server with the CMS order file configured searches the whole release instead, and
// says which list it searched (never a silent "no match" for a code it simply does not have).
import type { Icd10cmEntry } from './icd10cm-order-file.js';

const billable = (code: string, title: string): Icd10cmEntry => ({ code, billable: true, title });
const header = (code: string, title: string): Icd10cmEntry => ({ code, billable: false, title });

export const BUILT_IN_ICD10CM: readonly Icd10cmEntry[] = [
  header('G44.2', 'Tension-type headache'),
  header('G44.20', 'Tension-type headache, unspecified'),
  billable('G44.201', 'Tension-type headache, unspecified, intractable'),
  billable('G44.209', 'Tension-type headache, unspecified, not intractable'),
  header('G44.21', 'Episodic tension-type headache'),
  billable('G44.211', 'Episodic tension-type headache, intractable'),
  billable('G44.219', 'Episodic tension-type headache, not intractable'),
  header('G44.22', 'Chronic tension-type headache'),
  billable('G44.221', 'Chronic tension-type headache, intractable'),
  billable('G44.229', 'Chronic tension-type headache, not intractable'),
  header('G89.2', 'Chronic pain, not elsewhere classified'),
  billable('G89.29', 'Other chronic pain'),
  billable('G89.4', 'Chronic pain syndrome'),
  billable('J95.811', 'Postprocedural pneumothorax'),
  billable('M25.511', 'Pain in right shoulder'),
  billable('M25.512', 'Pain in left shoulder'),
  billable('M54.2', 'Cervicalgia'),
  header('M54.5', 'Low back pain'),
  billable('M54.50', 'Low back pain, unspecified'),
  billable('M54.51', 'Vertebrogenic low back pain'),
  billable('M54.59', 'Other low back pain'),
  billable('M54.6', 'Pain in thoracic spine'),
  header('M62.83', 'Muscle spasm'),
  billable('M62.830', 'Muscle spasm of back'),
  billable('M62.838', 'Other muscle spasm'),
  header('M70.9', 'Unspecified soft tissue disorder related to use, overuse and pressure'),
  billable('M70.90', 'Unspecified soft tissue disorder related to use, overuse and pressure of unspecified site'),
  header('M79.1', 'Myalgia'),
  billable('M79.10', 'Myalgia, unspecified site'),
  billable('M79.11', 'Myalgia of mastication muscle'),
  billable('M79.12', 'Myalgia of auxiliary muscles, head and neck'),
  billable('M79.18', 'Myalgia, other site'),
  billable('M79.7', 'Fibromyalgia'),
  billable('R55', 'Syncope and collapse'),
  billable('S16.1XXA', 'Strain of muscle, fascia and tendon at neck level, initial encounter'),
  billable('S29.012A', 'Strain of muscle and tendon of back wall of thorax, initial encounter'),
  billable('S39.012A', 'Strain of muscle, fascia and tendon of lower back, initial encounter'),
  billable('T41.3X1A', 'Poisoning by local anesthetics, accidental (unintentional), initial encounter'),
  billable('T41.3X5A', 'Adverse effect of local anesthetics, initial encounter'),
  billable('X50.3XXA', 'Overexertion from repetitive movements, initial encounter'),
  billable('Z79.01', 'Long term (current) use of anticoagulants'),
  billable('Z79.02', 'Long term (current) use of antithrombotics/antiplatelets'),
  billable('Z88.4', 'Allergy status to anesthetic agent'),
];
