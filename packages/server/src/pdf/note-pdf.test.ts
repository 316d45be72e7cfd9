// The signed note as a document: the plan, the time-out, every site and what was given there (lot,
// expiry), complications, findings, pain, the coding with its reasons and links, who signed when;
// an amendment names the version it amends and why.
import { writeFileSync } from 'node:fs';
import { codeProcedure } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import type { NoteContent } from '../app/visits/note-ports.js';
import { notePdf, type NoteDocument } from './note-pdf.js';
import { readPdf } from './spec/read-pdf.js';

const CONTENT: NoteContent = {
  plan: {
    revision: 3,
    sites: [
      {
        muscle: 'trapezius-upper',
        side: 'left',
        findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: false },
      },
      {
        muscle: 'levator-scapulae',
        side: 'both',
        findings: { tautBand: true, localTwitch: false, referredPain: true, jumpSign: true },
      },
    ],
    products: [
      { injectate: 'lidocaine-1pct', volumeMl: 4 },
      { injectate: 'triamcinolone-40', volumeMl: 1 },
    ],
  },
  findings: 'Two taut bands in the left upper trapezius; twitch on needling.',
  painNrs: 2,
  timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
  sites: [
    {
      muscle: 'trapezius-upper',
      side: 'left',
      needle: { gauge: 25, lengthMm: 38 },
      aspiration: 'negative',
      twitch: true,
      tolerance: 'well',
      administrations: [
        { injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'LX2291', expiry: '2027-06' },
        { injectate: 'triamcinolone-40', volumeMl: 1, lot: 'TA-7731', expiry: '2027-01-31' },
      ],
    },
    {
      muscle: 'levator-scapulae',
      side: 'both',
      needle: { gauge: 27, lengthMm: 32 },
      aspiration: 'negative',
      twitch: false,
      tolerance: 'moderate',
      administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'LX2292', expiry: '2027-08' }],
    },
  ],
  complications: [
    {
      type: 'vasovagal',
      severity: 'mild',
      onset: '2026-11-27T09:58:00Z',
      action: 'Supine, legs raised; recovered in 2 minutes',
      note: null,
    },
  ],
};

const CODING = codeProcedure({
  sites: CONTENT.sites.map((s) => ({ muscle: s.muscle, side: s.side })),
  drugs: CONTENT.sites.flatMap((s) => s.administrations.map((a) => ({ injectate: a.injectate, volumeMl: a.volumeMl }))),
  diagnoses: ['M79.18'],
});

const SIGNED: NoteDocument = {
  patient: { name: 'Ada Okafor', birthDate: '1980-02-29', identifier: 'KW-1002' },
  noteId: 'note-1',
  visitStartedAt: Date.parse('2026-11-27T09:30:00Z'),
  version: 1,
  status: 'signed',
  content: CONTENT,
  signedBy: 'Dr Lee',
  signedAt: Date.parse('2026-11-27T10:05:00Z'),
  amendment: null,
  coding: CODING,
  indications: [{ icd10: 'M79.18', display: 'Myalgia, other site' }],
  printedAt: Date.parse('2026-11-27T10:10:00Z'),
};

describe('notePdf', () => {
  it('prints the plan, the record of each site with lots and expiries, complications, coding and the signature', async () => {
    const bytes = await notePdf(SIGNED);
    if (process.env['KNOTWORK_PDF_OUT']) writeFileSync(`${process.env['KNOTWORK_PDF_OUT']}/note.pdf`, bytes);
    const { text } = await readPdf(bytes);
    expect(CODING.procedure?.code).toBe('20553');
    for (const fact of [
      'Ada Okafor',
      '29 February 1980',
      'Visit of 27 November 2026, 09:30 UTC',
      'Trapezius, upper fibres',
      'Levator scapulae',
      'taut band, local twitch',
      'taut band, referred pain, jump sign',
      'patient identity confirmed',
      'consent confirmed',
      '25 G × 38 mm',
      'LX2291',
      'LX2292',
      'TA-7731',
      '2027-06',
      '2027-01-31',
      'Lidocaine 1% (10 mg/mL), preservative-free',
      'Triamcinolone acetonide 40 mg/mL suspension',
      'Two taut bands in the left upper trapezius',
      '2 / 10 (NRS)',
      'Supine, legs raised; recovered in 2 minutes',
      'CPT 20553',
      CODING.procedure?.reason ?? '?',
      ...CODING.hcpcs.map((l) => `HCPCS ${l.code}`),
      ...CODING.hcpcs.map((l) => l.reason),
      'M79.18 Myalgia, other site',
      'Dr Lee',
      '2026-11-27T10:05:00.000Z',
      'version 1 (signed)',
      'Note note-1',
      'plan revision 3',
    ]) {
      expect(text, fact).toContain(fact);
    }
    expect(CODING.hcpcs.length).toBeGreaterThan(0);
    expect(text).not.toContain('NOT confirmed');
    expect(text).not.toContain('Amendment');
  });

  it('says which version an amendment amends and why', async () => {
    const { text } = await readPdf(
      await notePdf({
        ...SIGNED,
        version: 2,
        status: 'amended',
        amendment: { amendsVersion: 1, reason: 'Wrong side recorded for site 1' },
      }),
    );
    expect(text).toContain('Amendment: version 2 amends version 1');
    expect(text).toContain('amends version 1');
    expect(text).toContain('Wrong side recorded for site 1');
    expect(text).toContain('version 2 (amended)');
  });
});
