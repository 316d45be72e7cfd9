import { describe, expect, it } from 'vitest';
import { buildClinicApp } from '../spec/clinic-app.js';

describe('GET /api/education', () => {
  it('answers the page for the sites and drugs without sign-in, naming unknown codes', async () => {
    const rig = await buildClinicApp();
    const r = await rig.app.inject({
      method: 'GET',
      url: '/api/education?muscles=trapezius-upper,rhomboids,nope&injectates=lidocaine-1pct,triamcinolone-40',
    });
    expect(r.statusCode).toBe(200);
    const page = r.json<{ sections: { id: string }[]; warningSigns: { id: string }[]; unknown: unknown }>();
    expect(page.sections.map((s) => s.id)).toContain('your-treatment');
    expect(page.warningSigns[0]?.id).toBe('pneumothorax');
    expect(page.unknown).toEqual({ muscles: ['nope'], injectates: [] });
  });

  it('answers the general page without a query, and 400 naming the field for a malformed code', async () => {
    const rig = await buildClinicApp();
    const general = await rig.app.inject({ method: 'GET', url: '/api/education' });
    expect(general.statusCode).toBe(200);
    const bad = await rig.app.inject({ method: 'GET', url: '/api/education?muscles=Trapezius%20Upper' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('muscles');
  });
});
