// A signed procedure note as a printable document (issue 4: "the signed note prints as a PDF"):
// the visit, the plan as the note captured it (sites and their trigger-point findings, products),
// the procedure record (time-out, per site needle, aspiration, twitch and tolerance, what was given
// with its lot and expiry), immediate complications, findings, pain afterwards, the coding when the
// core could compute it, and who signed which version when; an amendment says which version it
// amends and why. Only signed or amended versions print (the caller checks).
import {
  catalogue,
  complicationType,
  CPT_SYSTEM,
  TIME_OUT_ITEMS,
  TIME_OUT_WORDS,
  type ProcedureCoding,
  type Side,
} from '@knotwork/core';
import type { NoteContent } from '../app/visits/note-ports.js';
import type { TriggerPointFindings } from '../app/visits/plan-ports.js';
import { humanTime, PdfWriter, type PatientHeader } from './pdf-layout.js';

export interface NoteDocument {
  readonly clinicName?: string | null;
  readonly patient: PatientHeader;
  readonly noteId: string;
  /** When the visit started (ms). */
  readonly visitStartedAt: number;
  readonly version: number;
  readonly status: 'signed' | 'amended';
  readonly content: NoteContent;
  /** The signer's display name, or their id when it is not known. */
  readonly signedBy: string;
  readonly signedAt: number;
  /** For an amendment: the version it amends and the reason given. */
  readonly amendment: { readonly amendsVersion: number; readonly reason: string } | null;
  /** The coding of what was done, with the indications it links; null when it could not be computed. */
  readonly coding: ProcedureCoding | null;
  /** The patient's active conditions, as indications (ICD-10-CM code and display). */
  readonly indications: readonly { readonly icd10: string; readonly display: string }[];
  readonly printedAt: number;
}

const SIDE: Record<Side, string> = { left: 'left', right: 'right', both: 'both' };
const FINDINGS: Record<keyof TriggerPointFindings, string> = {
  tautBand: 'taut band',
  localTwitch: 'local twitch',
  referredPain: 'referred pain',
  jumpSign: 'jump sign',
};
const muscleName = new Map<string, string>(catalogue.muscles.map((m) => [m.code, m.display]));
const productName = new Map<string, string>(catalogue.injectates.map((i) => [i.code, i.display]));
const muscle = (code: string) => muscleName.get(code) ?? code;
const product = (code: string) => productName.get(code) ?? code;
const orDash = (v: string | number | null) => (v === null || v === '' ? '-' : String(v));
const yesNo = (v: boolean | null) => (v === null ? '-' : v ? 'yes' : 'no');
const volume = (ml: number) => `${ml} mL`;

export function notePdf(n: NoteDocument): Promise<Buffer> {
  const { content } = n;
  const w = new PdfWriter({
    title: 'Trigger point injection: procedure note',
    subtitle: `Visit of ${humanTime(n.visitStartedAt)} · version ${n.version}, ${n.status === 'amended' ? `amendment of version ${n.amendment?.amendsVersion ?? n.version - 1}` : 'signed'}`,
    clinicName: n.clinicName ?? null,
    patient: n.patient,
    footer: `Note ${n.noteId} · version ${n.version} (${n.status}) · plan revision ${content.plan.revision}`,
    printedAt: n.printedAt,
  });

  if (n.amendment) {
    w.callout(
      `Amendment: version ${n.version} amends version ${n.amendment.amendsVersion}`,
      `Reason: ${n.amendment.reason}`,
      '#8a4b08',
    );
  }

  w.section('Plan');
  w.table(
    [
      { header: 'Site', width: 4 },
      { header: 'Side', width: 1.4 },
      { header: 'Trigger-point findings', width: 4 },
    ],
    content.plan.sites.map((s) => {
      const found = (Object.keys(FINDINGS) as (keyof TriggerPointFindings)[]).filter((k) => s.findings[k]);
      return [
        muscle(s.muscle),
        SIDE[s.side],
        found.length ? found.map((k) => FINDINGS[k]).join(', ') : 'none recorded',
      ];
    }),
  );
  w.fields([
    [
      'Products planned',
      content.plan.products.map((p) => `${product(p.injectate)}, ${volume(p.volumeMl)}`).join('; ') || 'none',
    ],
  ]);

  w.section('Time-out');
  for (const item of TIME_OUT_ITEMS) {
    const done = content.timeOut[item];
    w.bullet(`${TIME_OUT_WORDS[item]}${done ? '' : ': NOT confirmed'}`, [], done ? '✓' : '✗');
  }

  w.section('Procedure');
  w.table(
    [
      { header: 'Site', width: 4 },
      { header: 'Needle', width: 2.2 },
      { header: 'Aspiration', width: 1.6 },
      { header: 'Local twitch', width: 1.4 },
      { header: 'Tolerance', width: 1.4 },
    ],
    content.sites.map((s) => [
      `${muscle(s.muscle)} (${SIDE[s.side]})`,
      s.needle.gauge === null && s.needle.lengthMm === null
        ? '-'
        : `${orDash(s.needle.gauge)} G × ${orDash(s.needle.lengthMm)} mm`,
      orDash(s.aspiration),
      yesNo(s.twitch),
      orDash(s.tolerance),
    ]),
  );
  w.subheading('Given');
  const given = content.sites.flatMap((s) =>
    s.administrations.map((a) => [
      `${muscle(s.muscle)} (${SIDE[s.side]})`,
      product(a.injectate),
      volume(a.volumeMl),
      orDash(a.lot),
      orDash(a.expiry),
    ]),
  );
  if (given.length === 0) w.paragraph('Nothing injected (needling only).');
  else
    w.table(
      [
        { header: 'Site', width: 3 },
        { header: 'Product', width: 4 },
        { header: 'Volume', width: 1.2 },
        { header: 'Lot', width: 1.6 },
        { header: 'Expiry', width: 1.4 },
      ],
      given,
    );

  w.section('Complications');
  if (content.complications.length === 0) w.paragraph('None during or just after the procedure.');
  else
    w.table(
      [
        { header: 'Complication', width: 3 },
        { header: 'Severity', width: 1.3 },
        { header: 'Onset', width: 2.4 },
        { header: 'Action taken', width: 4 },
      ],
      content.complications.map((c) => [
        `${complicationType(c.type)?.label ?? c.type}${c.note ? `\n${c.note}` : ''}`,
        c.severity,
        c.onset,
        c.action,
      ]),
    );

  w.section('Findings and outcome');
  w.fields([
    ['Findings', content.findings.trim() || 'none recorded'],
    ['Pain after the procedure', content.painNrs === null ? 'not recorded' : `${content.painNrs} / 10 (NRS)`],
  ]);

  codingSection(w, n);

  w.section('Signature', 80);
  w.fields([
    ['Signed by', n.signedBy],
    ['Signed at', `${humanTime(n.signedAt)} (${new Date(n.signedAt).toISOString()})`],
    ['Version', `${n.version} (${n.status})`],
    ...(n.amendment
      ? ([
          ['Amends', `version ${n.amendment.amendsVersion}`],
          ['Reason', n.amendment.reason],
        ] as const)
      : []),
  ]);
  return w.finish();
}

function codingSection(w: PdfWriter, n: NoteDocument) {
  w.section('Coding');
  w.fields([
    [
      'Indications (ICD-10-CM)',
      n.indications.length
        ? n.indications.map((c) => `${c.icd10} ${c.display}`).join('; ')
        : 'none active in the chart',
    ],
  ]);
  const coding = n.coding;
  if (!coding) {
    w.paragraph('The coding could not be computed for this note.', { color: '#5c6670' });
    return;
  }
  const lines = [coding.procedure, coding.guidance, ...coding.hcpcs].filter((l) => l !== null);
  if (lines.length > 0) {
    w.table(
      [
        { header: 'Code', width: 1.4 },
        { header: 'Units', width: 0.9 },
        { header: 'What and why', width: 6 },
        { header: 'ICD-10-CM', width: 1.8 },
      ],
      lines.map((l) => [
        `${l.system === CPT_SYSTEM ? 'CPT' : 'HCPCS'} ${l.code}`,
        String(l.units),
        `${l.display}\n${l.reason}`,
        l.diagnoses.join(', ') || '-',
      ]),
    );
  }
  for (const note of coding.notes) w.bullet(note.message, [{ text: note.sources.join(', '), muted: true }]);
  if (coding.issues.length > 0) {
    w.callout('For the coder', coding.issues.map((i) => `${i.message} (${i.path})`).join('\n'), '#8a4b08');
  }
  const sources = [...new Set(lines.flatMap((l) => l.sources))];
  w.sources(sources);
}
