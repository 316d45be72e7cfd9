// The discharge sheet as a printable document (issue 4, discharge: "aftercare instructions for
// these sites and drugs, on screen and as a PDF"): the core's dischargeSheet for the visit, laid out
// for the patient to take home: what was done, the observation time and the checks before leaving,
// aftercare, the warning signs with what to do (most urgent first), what to expect; each item with
// why this visit has it and its sources.
import type { DischargeSheet, SheetItem, Side, Urgency } from '@knotwork/core';
import QRCode from 'qrcode';
import { humanTime, PdfWriter, type PatientHeader } from './pdf-layout.js';

export interface DischargeDocument {
  readonly clinicName?: string | null;
  readonly patient: PatientHeader;
  readonly visitId: string;
  readonly visitStartedAt: number;
  /** 'given': what the visit's note records as given; 'planned': the visit's plan, while nothing is recorded. */
  readonly basis: 'given' | 'planned';
  readonly sites: readonly { readonly display: string; readonly side: Side }[];
  readonly drugs: readonly string[];
  readonly sheet: DischargeSheet;
  readonly printedAt: number;
  /**
   * The signed note's follow-up links (none before signing). The first is printed as a QR code with
   * its address; the others as their dates (each opens its own form, sent or shown later).
   */
  readonly followUps?: readonly {
    readonly label: string;
    readonly dueAt: number;
    readonly expiresAt: number;
    readonly url: string;
  }[];
}

const SIDE: Record<Side, string> = { left: 'left', right: 'right', both: 'both sides' };
const URGENCY: Record<Urgency, { label: string; rank: number }> = {
  emergency: { label: 'Emergency', rank: 0 },
  urgent: { label: 'Urgent', rank: 1 },
  'same-day': { label: 'Same day', rank: 2 },
  routine: { label: 'Routine', rank: 3 },
};

const why = (item: SheetItem) => [
  ...(item.because ? [{ text: `Because: ${item.because}` }] : []),
  { text: item.sources.join(', '), muted: true },
];

export async function dischargePdf(d: DischargeDocument): Promise<Buffer> {
  const { sheet } = d;
  const w = new PdfWriter({
    title: 'After your trigger point injection',
    subtitle: `Visit of ${humanTime(d.visitStartedAt)}`,
    clinicName: d.clinicName ?? null,
    patient: d.patient,
    footer: `Discharge sheet · visit ${d.visitId} · ${d.basis === 'given' ? 'from what the note records as given' : 'from the plan (nothing recorded as given yet)'}`,
    printedAt: d.printedAt,
  });

  w.section(d.basis === 'given' ? 'What was done today' : 'What is planned today');
  w.fields([
    ['Injected muscles', d.sites.map((s) => `${s.display} (${SIDE[s.side]})`).join('; ') || 'none'],
    ['Medicines', d.drugs.join('; ') || 'none (needling only)'],
    ['Observation', `Stay in the clinic for ${sheet.observationMinutes} minutes after the injection.`],
  ]);

  const emergencies = sheet.warningSigns.filter((s) => s.urgency === 'emergency');
  if (emergencies.length > 0) {
    w.callout('Call emergency services now if you have', emergencies.map((s) => `• ${s.text}`).join('\n'), '#a4161a');
  }

  w.section('Before you leave (checked by the clinic)');
  for (const item of sheet.checklist) w.bullet(item.text, why(item), '☐');

  w.section('Looking after yourself');
  for (const item of sheet.aftercare) w.bullet(item.text, why(item));

  w.section('When to get help');
  const signs = [...sheet.warningSigns].sort((a, b) => URGENCY[a.urgency].rank - URGENCY[b.urgency].rank);
  w.table(
    [
      { header: 'How soon', width: 1.3 },
      { header: 'If you notice', width: 4.2 },
      { header: 'What to do', width: 3.5 },
    ],
    signs.map((s) => [
      URGENCY[s.urgency].label,
      `${s.text}${s.because ? `\n(because: ${s.because})` : ''}\n${s.sources.join(', ')}`,
      s.action,
    ]),
  );

  const links = d.followUps ?? [];
  if (links.length > 0) {
    // Patients have no email address in Knotwork: the sheet is how the links reach them, one QR
    // code per follow-up (the first is the one due soonest), each with its address to type.
    w.section('Tell us how you are doing', 200);
    w.paragraph(
      'At each time below, scan its code with your phone’s camera (or type its address). It takes two minutes and needs no account. These links are yours alone: do not share them. Each works from now until two weeks after its date.',
    );
    const { doc } = w;
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const perRow = 3;
    const cell = width / perRow;
    const size = 92;
    for (let row = 0; row * perRow < links.length; row++) {
      w.ensure(size + 48);
      const top = doc.y + 4;
      const items = links.slice(row * perRow, row * perRow + perRow);
      for (const [i, link] of items.entries()) {
        const x = left + i * cell;
        const png = await QRCode.toBuffer(link.url, { errorCorrectionLevel: 'M', margin: 1, width: 276 });
        doc.image(png, x, top, { width: size, height: size });
        doc
          .font('bold')
          .fontSize(9)
          .fillColor('#1a1a1a')
          .text(link.label, x, top + size + 3, { width: cell - 8 });
        doc
          .font('regular')
          .fontSize(8)
          .fillColor('#5c6670')
          .text(humanTime(link.dueAt), { width: cell - 8 })
          .fontSize(6)
          .text(link.url, { width: cell - 8 });
      }
      doc.x = left;
      doc.y = top + size + 46;
    }
  }

  w.section('What to expect');
  for (const item of sheet.expect) w.bullet(item.text, why(item));

  const sources = [
    ...new Set(
      [...sheet.checklist, ...sheet.aftercare, ...sheet.warningSigns, ...sheet.expect].flatMap((i) => i.sources),
    ),
  ];
  w.sources(sources, 'Sources of this sheet');
  return w.finish();
}
