// The discharge sheet as a document: what the core's dischargeSheet says for the visit's sites and
// drugs prints, with each item's reason and sources, the most urgent warning signs first.
import { writeFileSync } from 'node:fs';
import { dischargeSheet } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { dischargePdf, type DischargeDocument } from './discharge-pdf.js';
import { readPdf } from './spec/read-pdf.js';

const SHEET = dischargeSheet({
  sites: [
    { muscle: 'trapezius-upper', side: 'left' },
    { muscle: 'gluteus-medius-minimus', side: 'right' },
  ],
  drugs: ['lidocaine-1pct', 'triamcinolone-40'],
  diabetic: true,
  observationMinutes: 20,
});

const DOC: DischargeDocument = {
  patient: { name: 'Ada Okafor', birthDate: null, identifier: null },
  visitId: 'visit-1',
  visitStartedAt: Date.parse('2026-11-27T09:30:00Z'),
  basis: 'given',
  sites: [
    { display: 'Trapezius, upper fibres', side: 'left' },
    { display: 'Gluteus medius and minimus', side: 'right' },
  ],
  drugs: ['Lidocaine 1% (10 mg/mL), preservative-free', 'Triamcinolone acetonide 40 mg/mL suspension'],
  sheet: SHEET,
  printedAt: Date.parse('2026-11-27T10:30:00Z'),
};

describe('dischargePdf', () => {
  it('prints every item of the sheet with its reason and sources, emergencies first', async () => {
    const bytes = await dischargePdf(DOC);
    if (process.env['KNOTWORK_PDF_OUT']) writeFileSync(`${process.env['KNOTWORK_PDF_OUT']}/discharge.pdf`, bytes);
    const { text } = await readPdf(bytes);
    const items = [...SHEET.checklist, ...SHEET.aftercare, ...SHEET.warningSigns, ...SHEET.expect];
    expect(items.map((i) => i.id)).toEqual(
      expect.arrayContaining(['breathing-chest', 'pneumothorax', 'glucose', 'neuro']),
    );
    for (const item of items) {
      expect(text, item.id).toContain(item.text);
      if (item.because) expect(text, item.id).toContain(item.because);
      for (const source of item.sources) expect(text).toContain(source);
    }
    for (const sign of SHEET.warningSigns) expect(text).toContain(sign.action);
    for (const fact of [
      'Ada Okafor',
      'not recorded',
      'Stay in the clinic for 20 minutes',
      'Trapezius, upper fibres (left)',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain('Call emergency services now if you have');
    const table = text.slice(text.indexOf('When to get help'));
    expect(table.indexOf('Emergency')).toBeLessThan(table.indexOf('Same day'));
    expect(table.indexOf('Same day')).toBeLessThan(table.indexOf('Routine'));
  });
});
