// The signed consent as a printable document (issue 4: "Consent ... stored; a printable PDF"): the
// form exactly as it was stored with the signature (procedure, sites and sides, drugs, benefits and
// their limits, the risks grouped as shown with why the plan put each there, alternatives,
// declarations, sources by id), the signer, the signature as given (typed or drawn), when, the
// witness, and the form and wording versions in every page's footer.
import type { ConsentForm, RiskGroup, Side } from '@knotwork/core';
import { humanTime, PdfWriter, type PatientHeader } from './pdf-layout.js';

export interface ConsentDocument {
  readonly clinicName?: string | null;
  readonly patient: PatientHeader;
  readonly consentId: string;
  readonly form: ConsentForm;
  readonly signerKind: 'patient' | 'representative';
  readonly signerName: string;
  readonly signerRelationship: string | null;
  readonly signatureKind: 'typed-name' | 'image';
  readonly signatureData: string;
  readonly signedAt: number;
  /** The witness's display name, or their id when it is not known. */
  readonly witnessedBy: string;
  readonly printedAt: number;
}

const SIDE: Record<Side, string> = { left: 'left', right: 'right', both: 'both sides' };
const GROUPS: readonly { group: RiskGroup; title: string }[] = [
  { group: 'common', title: 'Common' },
  { group: 'serious', title: 'Rare but serious' },
  { group: 'steroid', title: 'With a steroid' },
];
const DRUG_KIND = { 'local-anaesthetic': 'local anaesthetic', corticosteroid: 'corticosteroid', saline: 'saline' };

export function consentPdf(c: ConsentDocument): Promise<Buffer> {
  const { form } = c;
  const w = new PdfWriter({
    title: 'Consent to trigger point injection',
    subtitle: `Signed ${humanTime(c.signedAt)}`,
    clinicName: c.clinicName ?? null,
    patient: c.patient,
    footer: `Consent ${c.consentId} · form ${form.version} · wording ${form.wordingVersion}`,
    printedAt: c.printedAt,
  });

  w.section('The procedure');
  w.paragraph(form.procedure);
  w.subheading('Sites');
  for (const s of form.sites) w.bullet(`${s.display} (${SIDE[s.side]})${s.thoracic ? ': over the lung' : ''}`);
  w.subheading('Medicines');
  for (const d of form.drugs) w.bullet(`${d.display}, ${d.volumeMl} mL (${DRUG_KIND[d.kind]})`);

  w.section('Benefits');
  for (const b of form.benefits) w.bullet(b);
  w.subheading('Limits of the benefit');
  for (const l of form.limitations) w.bullet(l);

  w.section('Risks');
  for (const { group, title } of GROUPS) {
    const risks = form.risks.filter((r) => r.group === group);
    if (risks.length === 0) continue;
    w.subheading(title);
    for (const r of risks) {
      w.bullet(r.text, [
        ...(r.because ? [{ text: `Because ${r.because}` }] : []),
        { text: `${r.id} · ${r.sources.join(', ')}`, muted: true },
      ]);
    }
  }

  w.section('Alternatives');
  for (const a of form.alternatives) w.bullet(a);
  w.section('What you agreed to tell us');
  for (const d of form.declarations) w.bullet(d);

  w.section('Signature', 150);
  const relationship = c.signerRelationship ? `, ${c.signerRelationship} of the patient` : '';
  w.fields([
    ['Signed by', c.signerKind === 'patient' ? `${c.signerName} (the patient)` : `${c.signerName}${relationship}`],
    ['Signed at', `${humanTime(c.signedAt)} (${new Date(c.signedAt).toISOString()})`],
    ['Witnessed by', c.witnessedBy],
    ['Signature', c.signatureKind === 'image' ? 'drawn' : 'typed name'],
  ]);
  w.signature(c.signatureKind, c.signatureData, `Signature of ${c.signerName}`);
  w.sources(form.sources, 'Sources of this form');
  return w.finish();
}
