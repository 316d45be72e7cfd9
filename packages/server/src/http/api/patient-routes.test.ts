// Patients over HTTP: create (201, Location, ETag), read (ETag, 304), replace under If-Match (428,
// 412 with nothing changed, 200 with the new ETag), paginated search, validation paths, audit rows,
// and clinic isolation.
import { describe, expect, it } from 'vitest';
import { ALLERGIC_ID, buildClinicApp, OTHER_CLINIC_ID, type ClinicRig, type Session } from '../spec/clinic-app.js';
import { CLINIC, problemOf } from '../spec/test-app.js';

const ada = {
  identifiers: [{ system: 'urn:knotwork:mrn', value: 'KW-2001' }],
  family: 'Lovelace',
  given: ['Ada', 'Augusta'],
  birthDate: '1815-12-10',
  sex: 'female',
};

async function signedIn(): Promise<{ rig: ClinicRig; nurse: Session }> {
  const rig = await buildClinicApp();
  return { rig, nurse: await rig.signIn('nurse') };
}

describe('POST /api/patients', () => {
  it('creates a patient: 201 with Location, ETag "1" and the record, audited', async () => {
    const { rig, nurse } = await signedIn();
    const r = await rig.as(nurse, 'POST', '/api/patients', ada);
    expect(r.statusCode).toBe(201);
    const body = r.json<{ id: string }>();
    expect(body).toEqual({ ...ada, id: expect.any(String) as unknown, revision: 1 });
    expect(r.headers.location).toBe(`/api/patients/${body.id}`);
    expect(r.headers.etag).toBe('"1"');
    expect(rig.repos.audit.at(-1)).toMatchObject({
      clinicId: CLINIC,
      actor: 'u-nurse',
      action: 'patient.create',
      entity: `Patient/${body.id}`,
      patientId: body.id,
      outcome: 'success',
      from: '127.0.0.1',
    });
  });

  it('names each bad field, refuses unknown fields, and writes nothing', async () => {
    const { rig, nurse } = await signedIn();
    const before = rig.repos.snapshot();
    const r = await rig.as(nurse, 'POST', '/api/patients', {
      identifiers: [{ system: 'urn:x', value: '' }],
      family: 42,
      birthDate: '10/12/1815',
      sex: 'f',
    });
    expect(r.statusCode).toBe(400);
    expect(
      problemOf(r)
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['$.birthDate', '$.family', '$.identifiers[0].value', '$.sex']);
    const extra = await rig.as(nurse, 'POST', '/api/patients', { ...ada, ssn: '123' });
    expect(problemOf(extra).errors).toEqual([expect.objectContaining({ path: '$', code: 'unrecognized_keys' })]);
    expect(problemOf(extra).errors?.[0]?.message).toContain('ssn');
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'patient.create',
      actor: 'u-nurse',
      outcome: 'failed',
      detail: { code: 'validation-failed', route: 'POST /api/patients' },
    });
  });
});

describe('GET /api/patients/:id', () => {
  it('answers the patient with its ETag, and 304 when If-None-Match names it', async () => {
    const { rig, nurse } = await signedIn();
    const r = await rig.as(nurse, 'GET', `/api/patients/${ALLERGIC_ID}`);
    expect([r.statusCode, r.headers.etag]).toEqual([200, '"1"']);
    expect(r.json()).toMatchObject({ id: ALLERGIC_ID, family: 'Hartley', revision: 1 });
    const cached = await rig.as(nurse, 'GET', `/api/patients/${ALLERGIC_ID}`, undefined, {
      headers: { 'if-none-match': '"1"' },
    });
    expect([cached.statusCode, cached.body, cached.headers.etag]).toEqual([304, '', '"1"']);
    const changed = await rig.as(nurse, 'GET', `/api/patients/${ALLERGIC_ID}`, undefined, {
      headers: { 'if-none-match': '"0"' },
    });
    expect(changed.statusCode).toBe(200);
    expect(rig.repos.audit.filter((e) => e.action === 'patient.read').map((e) => e.patientId)).toEqual([
      ALLERGIC_ID,
      ALLERGIC_ID,
      ALLERGIC_ID,
    ]);
  });

  it('does not find another clinic’s patient, even by its id, and refuses an id that is no UUID', async () => {
    const { rig, nurse } = await signedIn();
    const other = await rig.as(nurse, 'GET', `/api/patients/${OTHER_CLINIC_ID}`);
    expect([other.statusCode, problemOf(other).code]).toEqual([404, 'not-found']);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'patient.read', outcome: 'failed', clinicId: CLINIC });
    const bad = await rig.as(nurse, 'GET', '/api/patients/KW-1002');
    expect([bad.statusCode, problemOf(bad).errors?.[0]?.path]).toEqual([400, 'params.id']);
  });
});

describe('PUT /api/patients/:id', () => {
  const change = { ...ada, family: 'King', identifiers: [] };

  it('requires If-Match: 428 without it, nothing changed', async () => {
    const { rig, nurse } = await signedIn();
    const before = rig.repos.snapshot();
    const cases: Record<string, string>[] = [{}, { 'if-match': '*' }];
    for (const headers of cases) {
      const r = await rig.as(nurse, 'PUT', `/api/patients/${ALLERGIC_ID}`, change, { headers });
      expect([r.statusCode, problemOf(r).code]).toEqual([428, 'precondition-required']);
    }
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'patient.update', outcome: 'failed' });
  });

  it('replaces the patient under the current ETag (200, new ETag); the old ETag is then 412 and changes nothing', async () => {
    const { rig, nurse } = await signedIn();
    const ok = await rig.as(nurse, 'PUT', `/api/patients/${ALLERGIC_ID}`, change, { headers: { 'if-match': '"1"' } });
    expect([ok.statusCode, ok.headers.etag]).toEqual([200, '"2"']);
    expect(ok.json()).toMatchObject({ id: ALLERGIC_ID, family: 'King', revision: 2 });
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'patient.update',
      outcome: 'success',
      detail: { revision: 2, changed: ['identifiers', 'family', 'given', 'birthDate', 'sex'] },
    });
    const before = rig.repos.snapshot();
    for (const ifMatch of ['"1"', 'W/"2"', '"1", "7"']) {
      const stale = await rig.as(
        nurse,
        'PUT',
        `/api/patients/${ALLERGIC_ID}`,
        { ...change, family: 'Lost' },
        {
          headers: { 'if-match': ifMatch },
        },
      );
      expect([stale.statusCode, problemOf(stale).code]).toEqual([412, 'precondition-failed']);
    }
    expect(rig.repos.snapshot()).toBe(before);
    const read = await rig.as(nurse, 'GET', `/api/patients/${ALLERGIC_ID}`);
    expect([read.json<{ family: string }>().family, read.headers.etag]).toEqual(['King', '"2"']);
    const list = await rig.as(nurse, 'PUT', `/api/patients/${ALLERGIC_ID}`, change, {
      headers: { 'if-match': '"1", "2"' },
    });
    expect(list.headers.etag).toBe('"3"');
  });

  it('refuses a malformed If-Match, a bad body, and an unknown patient', async () => {
    const { rig, nurse } = await signedIn();
    const garbage = await rig.as(nurse, 'PUT', `/api/patients/${ALLERGIC_ID}`, change, {
      headers: { 'if-match': '1' },
    });
    expect([garbage.statusCode, problemOf(garbage).errors?.[0]?.path]).toEqual([400, 'headers.if-match']);
    const body = await rig.as(
      nurse,
      'PUT',
      `/api/patients/${ALLERGIC_ID}`,
      { family: '' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(problemOf(body).errors?.map((e) => e.path)).toEqual(['$.family']);
    const missing = await rig.as(nurse, 'PUT', `/api/patients/${OTHER_CLINIC_ID}`, change, {
      headers: { 'if-match': '"1"' },
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('GET /api/patients', () => {
  async function seeded() {
    const t = await signedIn();
    for (let i = 0; i < 25; i++) {
      const given = [`Zed${String(i).padStart(2, '0')}`];
      const r = await t.rig.as(t.nurse, 'POST', '/api/patients', { family: 'Zeta', given, birthDate: '1990-01-01' });
      expect(r.statusCode).toBe(201);
    }
    return t;
  }

  it('pages with a next cursor until the last page; 20 by default', async () => {
    const { rig, nurse } = await seeded();
    const seen: string[] = [];
    let url: string | null = '/api/patients?name=zet&limit=10';
    const sizes: number[] = [];
    while (url) {
      const r = await rig.as(nurse, 'GET', url);
      expect(r.statusCode).toBe(200);
      const page = r.json<{ items: { given: string[] }[]; next: string | null }>();
      sizes.push(page.items.length);
      seen.push(...page.items.map((p) => p.given[0] ?? ''));
      url = page.next ? `/api/patients?name=zet&limit=10&cursor=${encodeURIComponent(page.next)}` : null;
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(25);
    const all = await rig.as(nurse, 'GET', '/api/patients');
    expect(all.json<{ items: unknown[] }>().items).toHaveLength(20);
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'patient.search',
      outcome: 'success',
      detail: { criteria: [], limit: 20 },
    });
  });

  it('finds by identifier and by birth date', async () => {
    const { rig, nurse } = await seeded();
    const byId = await rig.as(nurse, 'GET', '/api/patients?identifier=KW-1002');
    expect(byId.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([ALLERGIC_ID]);
    const byDate = await rig.as(nurse, 'GET', '/api/patients?birthDate=1990-01-01&limit=100');
    expect(byDate.json<{ items: unknown[]; next: null }>()).toMatchObject({ next: null });
    expect(byDate.json<{ items: unknown[] }>().items).toHaveLength(25);
  });

  it.each([
    ['limit=0', 'querystring.limit'],
    ['limit=101', 'querystring.limit'],
    ['limit=ten', 'querystring.limit'],
    ['birthDate=1990-13-45', 'querystring.birthDate'],
    ['name=', 'querystring.name'],
  ])('refuses %s naming %s', async (query, path) => {
    const { rig, nurse } = await signedIn();
    const r = await rig.as(nurse, 'GET', `/api/patients?${query}`);
    expect([r.statusCode, problemOf(r).errors?.map((e) => e.path)]).toEqual([400, [path]]);
  });

  it('refuses a cursor this server did not give, audited as failed', async () => {
    const { rig, nurse } = await signedIn();
    const r = await rig.as(nurse, 'GET', '/api/patients?cursor=bm90LWEtY3Vyc29y');
    expect([r.statusCode, problemOf(r).errors?.map((e) => e.path)]).toEqual([400, ['querystring.cursor']]);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'patient.search', outcome: 'failed' });
  });

  it('refuses an unknown query parameter', async () => {
    const { rig, nurse } = await signedIn();
    const r = await rig.as(nurse, 'GET', '/api/patients?nmae=Zeta');
    expect([r.statusCode, problemOf(r).errors?.[0]?.message]).toEqual([400, expect.stringContaining('nmae')]);
  });
});
