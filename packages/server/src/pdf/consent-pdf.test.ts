// The consent document: every fact of the stored form and the signature prints, a drawn signature
// is embedded as an image, and the text is set in the embedded DejaVu font.
import { writeFileSync } from 'node:fs';
import { consentForm, type ConsentForm } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { consentPdf, type ConsentDocument } from './consent-pdf.js';
import { readPdf } from './spec/read-pdf.js';
import { SIGNATURE_PNG } from './spec/signature-png.js';

function formOf(plan: Parameters<typeof consentForm>[0]): ConsentForm {
  const made = consentForm(plan);
  if (!made.ok) throw new Error('fixture plan');
  return made.form;
}

const FORM = formOf({
  sites: [
    { muscle: 'trapezius-upper', side: 'left' },
    { muscle: 'gluteus-medius-minimus', side: 'both' },
  ],
  products: [
    { injectate: 'lidocaine-1pct', volumeMl: 2 },
    { injectate: 'triamcinolone-40', volumeMl: 1 },
  ],
});

const SIGNED: ConsentDocument = {
  patient: { name: 'Zoë Ñúñez-Okafor', birthDate: '1971-03-09', identifier: 'KW-1002' },
  consentId: '0b7f3c2e-5d1a-4c8e-9f3b-2a6d8e1c4f70',
  form: FORM,
  signerKind: 'representative',
  signerName: 'Grace Byron',
  signerRelationship: 'daughter',
  signatureKind: 'typed-name',
  signatureData: 'Grace Byron',
  signedAt: Date.parse('2026-11-27T09:41:00Z'),
  witnessedBy: 'Nurse Ito',
  printedAt: Date.parse('2026-11-27T10:00:00Z'),
};

describe('consentPdf', () => {
  it('prints the form as stored, the signer, when, the witness and the versions', async () => {
    const bytes = await consentPdf(SIGNED);
    if (process.env['KNOTWORK_PDF_OUT']) writeFileSync(`${process.env['KNOTWORK_PDF_OUT']}/consent.pdf`, bytes);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    const facts = [
      'Zoë Ñúñez-Okafor',
      '9 March 1971',
      'KW-1002',
      FORM.procedure,
      'Trapezius, upper fibres (left)',
      '(both sides)',
      'Lidocaine',
      ...FORM.benefits,
      ...FORM.limitations,
      ...FORM.alternatives,
      ...FORM.declarations,
      'Grace Byron, daughter of the patient',
      '27 November 2026, 09:41 UTC',
      '2026-11-27T09:41:00.000Z',
      'Nurse Ito',
      'Consent 0b7f3c2e-5d1a-4c8e-9f3b-2a6d8e1c4f70',
      FORM.version,
      FORM.wordingVersion,
      ...FORM.sources,
    ];
    for (const risk of FORM.risks) {
      facts.push(risk.text, risk.id, ...(risk.because ? [`Because ${risk.because}`] : []));
    }
    for (const fact of facts) expect(pdf.text, fact).toContain(fact);
    expect(pdf.text).toContain('Rare but serious');
    expect(pdf.text).toContain('With a steroid');
    expect(FORM.risks.map((r) => r.id)).toEqual(expect.arrayContaining(['pneumothorax', 'steroid-skin']));
    expect(pdf.text).toMatch(/Page 1 of \d/);
    expect(pdf.images).toBe(0);
    expect(pdf.fonts.join()).toContain('DejaVu');
  });

  it('embeds a drawn signature as an image, and names an unreadable one instead of failing', async () => {
    const drawn = await readPdf(
      await consentPdf({ ...SIGNED, signatureKind: 'image', signatureData: `data:image/png;base64,${SIGNATURE_PNG}` }),
    );
    expect(drawn.images).toBe(1);
    expect(drawn.text).toContain('drawn');
    const broken = await readPdf(
      await consentPdf({ ...SIGNED, signatureKind: 'image', signatureData: 'data:image/png;base64,iVBORw0KGgo=' }),
    );
    expect(broken.images).toBe(0);
    expect(broken.text).toContain('the drawn signature could not be read');
  });
});
