import { describe, expect, it } from 'vitest';
import { lastChecklist, lipidEmulsionDoses } from './lipid-emulsion.js';

describe('lipidEmulsionDoses (REFERENCE 5.2, ASRA 2020)', () => {
  it('gives the fixed doses over 70 kg', () => {
    const d = lipidEmulsionDoses(82);
    expect(d.band).toBe('over-70-kg');
    expect(d.bolus).toContain('100 mL');
    expect(d.infusion).toBe('200-250 mL over 15-20 min');
    expect(d.upperLimitMl).toBe(984);
  });

  it('gives weight-based doses at 70 kg and under', () => {
    expect(lipidEmulsionDoses(70)).toMatchObject({ band: 'up-to-70-kg', upperLimitMl: 840 });
    const d = lipidEmulsionDoses(52);
    expect(d.bolus).toMatch(/^78 mL/);
    expect(d.infusion).toMatch(/^13 mL\/min/);
  });

  it('never guesses a band without a weight', () => {
    const d = lipidEmulsionDoses(null);
    expect(d.band).toBe('unknown');
    expect(d.upperLimitMl).toBeNull();
    expect(d.notes[0]).toBe('No weight is recorded for this patient.');
    expect(lipidEmulsionDoses(0).band).toBe('unknown');
  });

  it('comes with the recognition stages, the management steps and the sources', () => {
    const c = lastChecklist(60);
    expect(c.steps[0]).toBe('stop injecting local anaesthetic');
    expect(c.recognition.map((r) => r.stage)).toHaveLength(4);
    expect(c.sources).toContain('ASRA_LAST2020');
  });
});
