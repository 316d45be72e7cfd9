import { describe, expect, it } from 'vitest';
import { sourcesData } from '../catalogue/sources-data.js';
import { dischargeSheet } from './discharge-sheet.js';

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
const lumbar = {
  sites: [{ muscle: 'quadratus-lumborum', side: 'left' as const }],
  drugs: ['lidocaine-1pct'],
  diabetic: false,
  observationMinutes: 30,
};

describe('dischargeSheet (REFERENCE 5.3, 6.1-6.3)', () => {
  it('checks breathing and warns of a collapsed lung only after a thoracic site', () => {
    const neck = dischargeSheet({ ...lumbar, sites: [{ muscle: 'trapezius-upper', side: 'both' }] });
    expect(ids(neck.checklist)[0]).toBe('breathing-chest');
    expect(neck.warningSigns[0]).toMatchObject({ id: 'pneumothorax', urgency: 'emergency' });
    expect(neck.warningSigns[0]?.because).toContain('Trapezius, upper fibres');
    const low = dischargeSheet(lumbar);
    expect(ids(low.checklist)).not.toContain('breathing-chest');
    expect(ids(low.warningSigns)).not.toContain('pneumothorax');
  });

  it('names the neurological warning after a paraspinal or gluteal site, and LAST signs with a local anaesthetic', () => {
    const low = dischargeSheet(lumbar);
    expect(ids(low.warningSigns)).toEqual(['anaphylaxis', 'faint', 'last', 'neuro', 'infection']);
    const saline = dischargeSheet({
      ...lumbar,
      sites: [{ muscle: 'deltoid', side: 'right' }],
      drugs: ['saline-0.9pct'],
    });
    expect(ids(saline.warningSigns)).toEqual(['anaphylaxis', 'faint', 'infection']);
    expect(ids(saline.checklist)).not.toContain('last-signs');
  });

  it('adds glucose checks only for a patient with diabetes who had a steroid', () => {
    const steroid = { ...lumbar, drugs: ['lidocaine-1pct', 'triamcinolone-40'] };
    expect(ids(dischargeSheet(steroid).aftercare)).not.toContain('glucose');
    const diabetic = dischargeSheet({ ...steroid, diabetic: true });
    expect(ids(diabetic.aftercare)).toContain('glucose');
    expect(ids(diabetic.warningSigns)).toContain('glucose');
  });

  it('carries the observation time and cites only known sources', () => {
    const sheet = dischargeSheet({
      ...lumbar,
      sites: [{ muscle: 'pectoralis', side: 'left' }],
      diabetic: true,
      drugs: ['lidocaine-1pct', 'dexamethasone-4'],
    });
    expect(sheet.observationMinutes).toBe(30);
    for (const item of [...sheet.checklist, ...sheet.aftercare, ...sheet.warningSigns, ...sheet.expect]) {
      for (const s of item.sources) expect(Object.keys(sourcesData), `${item.id}: ${s}`).toContain(s);
    }
  });
});
