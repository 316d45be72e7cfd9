import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { DEFAULT_POLICY, resolvePolicy } from './policy.js';

describe('screening policy', () => {
  it('defaults to the contract defaultPolicy, versioned as default', () => {
    expect(DEFAULT_POLICY.values).toEqual(catalogue.defaultPolicy);
    expect(DEFAULT_POLICY.version).toMatch(/^default-[0-9a-f]{12}$/);
  });

  it('an override gives a new version; the same values give the same version', () => {
    const a = resolvePolicy({ feverCelsius: 38.3 });
    const b = resolvePolicy({ feverCelsius: 38.3 });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.policy.values.feverCelsius).toBe(38.3);
    expect(a.policy.version).toMatch(/^clinic-/);
    expect(a.policy.version).toBe(b.policy.version);
    expect(a.policy.version).not.toBe(DEFAULT_POLICY.version);
  });

  it('restating the defaults is still the default version', () => {
    const r = resolvePolicy({ feverCelsius: 38.0, anticoagulantIndicator: 'warning' });
    expect(r.ok && r.policy.version).toBe(DEFAULT_POLICY.version);
  });

  it.each([
    [{ feverCelsius: '38' }, 'feverCelsius', 'wrong-type'],
    [{ feverCelsius: 45 }, 'feverCelsius', 'out-of-range'],
    [{ feverLookbackHours: 1.5 }, 'feverLookbackHours', 'wrong-type'],
    [{ doseWarnFraction: 0 }, 'doseWarnFraction', 'out-of-range'],
    [{ doseWarnFraction: 1.2 }, 'doseWarnFraction', 'out-of-range'],
    [{ anticoagulantIndicator: 'urgent' }, 'anticoagulantIndicator', 'not-allowed'],
    [{ laMaxSource: 'etg' }, 'laMaxSource', 'not-allowed'],
    [{ weightBasis: 'ideal' }, 'weightBasis', 'not-allowed'],
    [{ pneumothoraxInfoRisks: ['moderate', 'huge'] }, 'pneumothoraxInfoRisks[1]', 'not-allowed'],
    [{ pneumothoraxInfoRisks: 'moderate' }, 'pneumothoraxInfoRisks', 'wrong-type'],
    [{ pneumothoraxInfoRisks: ['high'] }, 'pneumothoraxInfoRisks', 'inconsistent'],
    [{ plateletsWarningBelow: 10 }, 'plateletsWarningBelow', 'inconsistent'],
    [{ feverCelsus: 38 }, 'feverCelsus', 'unknown-field'],
  ])('refuses %j naming %s', (overrides, path, code) => {
    const r = resolvePolicy(overrides);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ path, code }));
    for (const issue of r.issues) expect(issue.message).toContain(issue.path.replace(/\[\d+\]$/, ''));
  });

  it('reports every bad field at once', () => {
    const r = resolvePolicy({ feverCelsius: 'hot', doseWarnFraction: 3 });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['feverCelsius', 'doseWarnFraction']);
  });

  it('refuses a non-object', () => {
    expect(resolvePolicy([1]).ok).toBe(false);
    expect(resolvePolicy(null).ok).toBe(false);
  });
});
