// Procedure coding of one TPI session: exactly one CPT procedure code, optional imaging guidance,
// HCPCS drug lines, and the ICD-10-CM indications linked to every line. Pure: problems come back as
// issues with a path, never thrown, and nothing unreadable is counted upward.
// REFERENCE.md 4.2: 20552 for 1 or 2 muscles, 20553 for 3 or more, one per session, counted by
// distinct muscles (muscle-count.ts) [CPTA][RHEUMCODING][HPHC]; 20560/20561 the same for needle
// insertion without injection, which Medicare TPI LCDs do not cover [HCPCS_SRC][LCD_L34211];
// 76942/77002/77021 guidance is reportable [CPTA] but not covered by Medicare [LCD_L34211].
// REFERENCE.md 4.3: HCPCS drug lines (drug-lines.ts, hcpcs-table.ts). REFERENCE.md 1.2: indications
// (diagnosis-links.ts).
import { catalogue } from '../catalogue/catalogue.js';
import {
  IMAGING_GUIDANCE,
  type CodingIssue,
  type CodingLine,
  type CodingOptions,
  type CodingSourceId,
  type ImagingGuidance,
  type ProcedureCoding,
} from './coding-types.js';
import { linkDiagnoses } from './diagnosis-links.js';
import { codeDrugs } from './drug-lines.js';
import { countMuscles, type MuscleCount } from './muscle-count.js';

export * from './coding-types.js';
export { HCPCS_SYSTEM } from './hcpcs-table.js';

export const CPT_SYSTEM = 'http://www.ama-assn.org/go/cpt';

interface ProcedureKind {
  readonly few: { readonly code: string; readonly display: string };
  readonly many: { readonly code: string; readonly display: string };
  readonly verb: string;
  readonly sources: readonly CodingSourceId[];
}

const INJECTION: ProcedureKind = {
  few: { code: '20552', display: 'Injection(s); single or multiple trigger point(s), 1 or 2 muscle(s)' },
  many: { code: '20553', display: 'Injection(s); single or multiple trigger point(s), 3 or more muscles' },
  verb: 'injected',
  sources: ['CPTA', 'RHEUMCODING', 'HPHC'],
};

const NEEDLING: ProcedureKind = {
  few: { code: '20560', display: 'Needle insertion(s) without injection(s); 1 or 2 muscle(s)' },
  many: { code: '20561', display: 'Needle insertion(s) without injection(s); 3 or more muscles' },
  verb: 'needled without injection',
  sources: ['HCPCS_SRC', 'LCD_L34211'],
};

const GUIDANCE: Readonly<Record<ImagingGuidance, { code: string; display: string; medicare: string }>> = {
  ultrasound: {
    code: '76942',
    display: 'Ultrasonic guidance for needle placement, imaging supervision and interpretation',
    medicare: 'ultrasound is called investigational',
  },
  fluoroscopy: {
    code: '77002',
    display: 'Fluoroscopic guidance for needle placement',
    medicare: 'fluoroscopy is called not reasonable and necessary',
  },
  mri: {
    code: '77021',
    display: 'Magnetic resonance guidance for needle placement, radiological supervision and interpretation',
    medicare: 'MR guidance is called not reasonable and necessary',
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function procedureLine(kind: ProcedureKind, count: MuscleCount, diagnoses: readonly string[]): CodingLine {
  const { code, display } = count.muscles.length >= 3 ? kind.many : kind.few;
  const list = count.muscles.map((m) => `${m.display} ${m.side}`).join(', ');
  const points = count.points === undefined ? '' : `, ${plural(count.points, 'trigger point')}`;
  const needling = kind === NEEDLING ? '; no injectate given; Medicare TPI LCDs do not cover dry needling' : '';
  return {
    system: CPT_SYSTEM,
    code,
    display,
    units: 1,
    reason:
      `${code}: ${plural(count.muscles.length, 'muscle')} ${kind.verb} (${list}); ` +
      `${plural(count.siteCount, 'site')}${points}${needling}`,
    sources: kind.sources,
    diagnoses,
  };
}

function guidanceLine(guidance: ImagingGuidance, diagnoses: readonly string[]): CodingLine {
  const g = GUIDANCE[guidance];
  return {
    system: CPT_SYSTEM,
    code: g.code,
    display: g.display,
    units: 1,
    reason:
      `${g.code}: ${guidance === 'mri' ? 'MR' : guidance} guidance for needle placement, reportable per CPT Assistant; ` +
      `Medicare LCD L34211 does not cover imaging guidance for TPI (${g.medicare})`,
    sources: ['CPTA', 'LCD_L34211'],
    diagnoses,
  };
}

export function codeProcedure(options: CodingOptions): ProcedureCoding {
  const { sites, drugs, diagnoses, guidance, data = catalogue } = options;
  const links = linkDiagnoses(diagnoses, data);
  const count = countMuscles(sites, data);
  const drugCoding = codeDrugs(drugs, data, links.linked);
  const issues: CodingIssue[] = [...count.issues, ...drugCoding.issues, ...links.issues];

  const validGuidance = guidance !== undefined && (IMAGING_GUIDANCE as readonly unknown[]).includes(guidance);
  if (guidance !== undefined && !validGuidance) {
    issues.push({
      code: 'unknown-guidance',
      path: 'guidance',
      message: `guidance must be ultrasound, fluoroscopy or mri, not "${String(guidance)}"; no guidance code`,
    });
  }
  const andGuidance = validGuidance ? ' (and so no guidance code)' : '';

  let procedure: CodingLine | null = null;
  if (count.muscles.length === 0) {
    issues.push({
      code: 'no-muscle',
      path: 'sites',
      message: `no recognised site: no procedure code${andGuidance}`,
    });
  } else if (drugCoding.injected === undefined) {
    issues.push({
      code: 'injection-undetermined',
      path: 'drugs',
      message: `no readable volume says whether anything was injected (20552/20553) or not (20560/20561): no procedure code${andGuidance}`,
    });
  } else {
    procedure = procedureLine(drugCoding.injected ? INJECTION : NEEDLING, count, links.linked);
  }

  return {
    procedure,
    guidance: procedure && validGuidance ? guidanceLine(guidance, links.linked) : null,
    hcpcs: drugCoding.lines,
    muscles: count.muscles,
    diagnoses: links.linked,
    notes: drugCoding.notes,
    issues,
  };
}
