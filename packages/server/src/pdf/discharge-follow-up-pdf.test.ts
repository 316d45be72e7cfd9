// The discharge sheet with the signed note's follow-up links: one QR code per link, each with its
// label, date and address (patients have no email address in Knotwork: the sheet carries the links).
import { dischargeSheet } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { dischargePdf } from './discharge-pdf.js';
import { readPdf } from './spec/read-pdf.js';

const DUE = Date.parse('2026-11-27T16:30:00Z');
const link = (label: string, days: number, token: string) => ({
  label,
  dueAt: DUE + days * 86_400_000,
  expiresAt: DUE + (days + 14) * 86_400_000,
  url: `https://clinic.example/f/${token}`,
});

describe('dischargePdf with follow-up links', () => {
  it('prints a QR code and the address of each link', async () => {
    const followUps = [link('This evening', 0, 'a'.repeat(43)), link('Day 1', 1, 'b'.repeat(43))];
    const bytes = await dischargePdf({
      patient: { name: 'Ada Okafor', birthDate: null, identifier: null },
      visitId: 'visit-1',
      visitStartedAt: Date.parse('2026-11-27T09:30:00Z'),
      basis: 'given',
      sites: [{ display: 'Trapezius, upper fibres', side: 'left' }],
      drugs: ['Lidocaine 1%'],
      sheet: dischargeSheet({
        sites: [{ muscle: 'trapezius-upper', side: 'left' }],
        drugs: ['lidocaine-1pct'],
        diabetic: false,
        observationMinutes: 20,
      }),
      printedAt: Date.parse('2026-11-27T10:30:00Z'),
      followUps,
    });
    const { text } = await readPdf(bytes);
    expect(text).toContain('Tell us how you are doing');
    for (const l of followUps) {
      expect(text).toContain(l.label);
      expect(text.replace(/\s+/g, '')).toContain(l.url);
    }
    expect(bytes.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
