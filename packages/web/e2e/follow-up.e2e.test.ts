// After the injection, in a real browser against the real server (issue 6): a demo visit documented
// and signed through the API, the education page and its follow-up link opened on a phone-sized
// viewport (375x667) without an account, answered with a red flag, the urgent advice shown at once,
// and the clinician's app showing the urgent task in its banner, then acknowledging it. axe on each
// screen; screenshots as 6-*.png.
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, checkScreen, PASSWORD, screenshot, SKIP_REASON, startRig, type Rig } from './browser';

if (!browserTestsEnabled) console.warn(SKIP_REASON);

const PHONE = { width: 375, height: 667 };
const SITE = { muscle: 'trapezius-upper', side: 'left' };
const PLAN = {
  sites: [{ ...SITE, findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: false } }],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 2 }],
};
const NOTE = {
  painNrs: 2,
  timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
  sites: [
    {
      ...SITE,
      needle: { gauge: 25, lengthMm: 38 },
      aspiration: 'negative',
      twitch: true,
      tolerance: 'well',
      administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'LX2291', expiry: '2027-06' }],
    },
  ],
};

interface FollowUpLink {
  readonly label: string;
  readonly url: string;
}

/** Signs in as the clinician (the context keeps the cookie), documents and signs a visit of Ada Okafor. */
async function signedVisit(
  request: APIRequestContext,
  url: string,
): Promise<{ patientId: string; visitId: string; links: FollowUpLink[] }> {
  const signIn = await request.post(`${url}/api/session`, {
    data: { email: 'clinician@demo.knotwork.dev', password: PASSWORD },
  });
  expect(signIn.status()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const found = await request.get(`${url}/api/patients?name=okafor`);
  const ada = ((await found.json()) as { items: { id: string; given: string[] }[] }).items.find((p) =>
    p.given.includes('Ada'),
  );
  if (!ada) throw new Error('the demo clinic has no Ada Okafor');
  const form = await request.post(`${url}/api/consent-forms`, {
    headers,
    data: { sites: [SITE], products: PLAN.products },
  });
  expect(form.status(), await form.text()).toBe(200);
  const formVersion = ((await form.json()) as { version: string }).version;
  const documented = await request.post(`${url}/api/patients/${ada.id}/documented-visits`, {
    headers,
    data: {
      plan: PLAN,
      consent: {
        formVersion,
        signerKind: 'patient',
        signerName: 'Ada Okafor',
        signatureKind: 'typed-name',
        signatureData: 'Ada Okafor',
      },
      note: NOTE,
    },
  });
  expect(documented.status(), await documented.text()).toBe(201);
  const { visitId } = (await documented.json()) as { visitId: string };
  const discharge = await request.get(`${url}/api/visits/${visitId}/discharge`);
  expect(discharge.status(), await discharge.text()).toBe(200);
  const links = ((await discharge.json()) as { followUpLinks: FollowUpLink[] }).followUpLinks;
  return { patientId: ada.id, visitId, links };
}

async function choose(page: Page, group: string, option: string) {
  await page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

describe.skipIf(!browserTestsEnabled)('after the injection, on a phone and in the clinic', () => {
  let rig: Rig;
  let phone: Page;
  let links: FollowUpLink[] = [];
  let patientId = '';

  beforeAll(async () => {
    rig = await startRig();
    ({ links, patientId } = await signedVisit(rig.context.request, rig.url));
    phone = await rig.context.newPage();
    await phone.setViewportSize(PHONE);
    phone.on('pageerror', (error) => rig.errors.push(`page error: ${error.message}`));
    phone.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) rig.errors.push(m.text());
    });
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
  });

  const phoneScreen = (name: string) => checkScreen({ ...rig, page: phone }, `6-${name}`);

  it('signing the note made the follow-up links, the first due this evening', () => {
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(links[0]?.url).toMatch(/\/f\/[A-Za-z0-9_-]{43}$/);
  });

  it('shows the education page for the visit’s site and drug without an account', async () => {
    await phone.goto(`${rig.url}/learn?muscles=trapezius-upper&injectates=lidocaine-1pct`);
    await phone.getByRole('heading', { level: 1, name: 'Trigger point injections: what to know' }).waitFor();
    await phone.getByRole('region', { name: 'Your injection' }).waitFor();
    expect(await phone.getByRole('region', { name: 'When to get help' }).textContent()).toMatch(/Chest pain/);
    await phoneScreen('learn-phone');
    // Printed: the frame and the print button drop out, the warnings keep their borders.
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(false);
    await screenshot(phone, '6-learn-print');
    await phone.emulateMedia({ media: 'screen' });
  });

  it('answers the follow-up form with a red flag and is told at once what to do', async () => {
    const path = new URL(links[0]?.url ?? '').pathname;
    await phone.goto(`${rig.url}${path}`);
    await phone.getByRole('heading', { level: 1, name: 'How are you since your injection?' }).waitFor();
    await phoneScreen('form-phone');
    await choose(phone, 'How bad is your pain right now?', '3');
    await choose(phone, 'How much relief have you had since the injection?', '60%');
    const flags = phone.getByRole('region', { name: 'Important questions' });
    const questions = await flags.getByRole('group').all();
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      const name = (await q.getAttribute('id')) ?? '';
      await q.getByRole('radio', { name: name.includes('chest') ? 'Yes' : 'No', exact: true }).check();
    }
    await choose(
      phone,
      'Since the injection, how would you describe the change in your condition overall?',
      'A little improved',
    );
    await phoneScreen('form-answered-phone');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    const alert = phone.getByRole('alert');
    await alert.getByRole('heading', { level: 1, name: 'Get emergency help now' }).waitFor();
    expect(await alert.textContent()).toMatch(/emergency/i);
    await phoneScreen('urgent-phone');
  });

  it('a forged link gets the kind page', async () => {
    await phone.goto(`${rig.url}/f/${'x'.repeat(43)}`);
    await phone.getByRole('heading', { level: 1, name: 'This link has ended' }).waitFor();
    await phoneScreen('gone-phone');
  });

  it('the clinician sees the urgent task in the banner and acknowledges it', async () => {
    const { page } = rig;
    await page.goto(`${rig.url}/patients`);
    const banner = page.getByRole('region', { name: /1 urgent task/ });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Emergency.*Okafor/);
    await checkScreen(rig, '6-task-banner');
    await banner.getByRole('button', { name: /^Acknowledge/ }).click();
    await banner.getByText(/acknowledged/).waitFor();
    await checkScreen(rig, '6-task-acknowledged');
  });

  it('the chart page draws her pain over time with its table, and the dashboard the clinic’s rates', async () => {
    const { page } = rig;
    await page.goto(`${rig.url}/patients/${patientId}`);
    const card = page.getByRole('region', { name: 'Outcomes after injections' });
    await card
      .getByRole('img', { name: /^Pain over time\./ })
      .locator('svg.recharts-surface')
      .first()
      .waitFor();
    const summary = (await card.getByRole('img', { name: /^Pain over time\./ }).getAttribute('aria-label')) ?? '';
    expect(summary).toMatch(/latest 3 \(1 answer\)/);
    await card.getByText('Pain over time as a table').click();
    expect(await card.getByRole('table').getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await checkScreen(rig, '6-chart-outcomes');
    await page.getByRole('link', { name: 'Outcomes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();
    await page.locator('.outcome-figure svg.recharts-surface').first().waitFor();
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/api/dashboard/outcomes.csv',
    );
    await checkScreen(rig, '6-dashboard');
  });
});
