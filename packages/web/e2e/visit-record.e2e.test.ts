// The visit record in a real browser against the real server: a visit of a patient with a clean
// screen set up through the API (plan, screen), then consent signed by typed name and by a drawn
// signature, the procedure note filled from the keyboard (an expired lot refused at its field, then
// corrected), the LAST checklist opened and closed with the keyboard, signing refused with what is
// open and then signed, amended with a reason (a new version), and discharge with the observation
// timer and checklist. axe on each screen at 1024x768; screenshots as 2x-*.png.
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, checkScreen, PASSWORD, SKIP_REASON, startRig, type Rig } from './browser';

if (!browserTestsEnabled) console.warn(SKIP_REASON);

const PLAN = {
  sites: [
    {
      muscle: 'trapezius-upper',
      side: 'left',
      findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: false },
    },
  ],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 2 }],
};

/** Signs in through the API (the browser context shares the cookie) and sets a screened visit up. */
async function screenedVisit(request: APIRequestContext, url: string): Promise<string> {
  const signIn = await request.post(`${url}/api/session`, {
    data: { email: 'clinician@demo.knotwork.dev', password: PASSWORD },
  });
  expect(signIn.status()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const found = await request.get(`${url}/api/patients?name=okafor`);
  const patients = (await found.json()) as { items: { id: string; given: string[] }[] };
  const ada = patients.items.find((p) => p.given.includes('Ada'));
  if (!ada) throw new Error('the demo clinic has no Ada Okafor');
  const visit = await request.post(`${url}/api/patients/${ada.id}/visits`, { headers });
  expect(visit.status()).toBe(201);
  const visitId = ((await visit.json()) as { id: string }).id;
  const plan = await request.put(`${url}/api/visits/${visitId}/plan`, {
    headers: { ...headers, 'if-none-match': '*' },
    data: PLAN,
  });
  expect(plan.status(), await plan.text()).toBe(201);
  const screen = await request.post(`${url}/api/visits/${visitId}/screens`, {
    headers,
    data: { sites: PLAN.sites.map(({ muscle, side }) => ({ muscle, side })), products: PLAN.products },
  });
  expect(screen.status(), await screen.text()).toBe(201);
  return visitId;
}

/** Ticks a checkbox or radio from the keyboard. */
async function keyboardCheck(page: Page, name: string | RegExp, role: 'checkbox' | 'radio' = 'checkbox') {
  const control = page.getByRole(role, { name, exact: typeof name === 'string' });
  await control.focus();
  await page.keyboard.press('Space');
  expect(await control.isChecked()).toBe(true);
}

async function keyboardFill(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe.skipIf(!browserTestsEnabled)('the visit record in the browser', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig();
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
  });

  const screen = (name: string, fullPage = true) => checkScreen(rig, `2x-${name}`, fullPage);

  const saved = (page: Page) =>
    expect.poll(() => page.locator('.save-status').first().textContent(), { timeout: 10_000 });

  it('consents, records, signs, amends and discharges a visit', { timeout: 300_000 }, async () => {
    const { page } = rig;
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400)
        console.warn('API', r.request().method(), r.url(), r.status());
    });
    const visitId = await screenedVisit(rig.context.request, rig.url);
    const step = (id: string) => `${rig.url}/visits/${visitId}/${id}`;

    // Consent: the form for the plan, signed by typed name, then again with a drawn signature.
    await page.goto(step('consent'));
    await page.getByRole('heading', { name: 'Consent', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Common risks' }).waitFor();
    await screen('01-consent-form');
    await keyboardFill(page, 'Typed signature', 'Ada Okafor');
    await page.getByRole('button', { name: 'Record consent' }).press('Enter');
    await page.getByText('Consent recorded: signed by Ada Okafor.').waitFor();
    await page
      .getByRole('link', { name: /Print \(PDF\).*consent signed by Ada Okafor/ })
      .first()
      .waitFor();

    await page.getByRole('radio', { name: 'Draw a signature' }).check();
    const canvas = page.getByRole('img', { name: /Signature: empty/ });
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no signature pad');
    await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 12; i += 1) {
      await page.mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.6 + 0.25 * Math.sin(i)), { steps: 2 });
    }
    await page.mouse.up();
    await page.getByRole('img', { name: 'Signature: signed' }).waitFor();
    await screen('02-consent-drawn');
    await page.getByRole('button', { name: 'Record consent' }).click();
    await expect.poll(() => page.getByText(/drawn signature/).count()).toBe(1);
    expect(await page.getByText(/typed name ·/).count()).toBe(1);
    await screen('03-consents-signed');

    // The LAST checklist from the header, by keyboard: opens, Escape closes, focus comes back.
    const last = page.getByRole('button', { name: 'LAST checklist' });
    await last.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /LAST/ });
    await dialog.getByText('20% lipid emulsion for this patient').waitFor();
    expect(await dialog.textContent()).toContain('Weight 68 kg');
    await screen('04-last-checklist', false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);

    // The procedure note: the time-out half done, then signing refused with what is open.
    await page.goto(step('procedure'));
    await page.getByRole('heading', { name: 'Procedure note', level: 2 }).waitFor();
    await keyboardCheck(page, 'Right patient, by two identifiers');
    await keyboardCheck(page, 'Right sites, marked');
    await saved(page).toContain('Saved');
    await page.goto(step('sign'));
    await page.getByRole('heading', { name: 'Codes' }).waitFor();
    await page.getByRole('button', { name: 'Sign note' }).click();
    const blocked = page.getByRole('alert').filter({ hasText: 'still open' });
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain('time-out not complete');
    await screen('05-signing-blocked');
    await blocked.getByRole('link', { name: 'Fix in Procedure note' }).first().click();

    // The rest of the note from the keyboard; an expired lot refused at its field, then corrected.
    await page.getByRole('heading', { name: 'Procedure note', level: 2 }).waitFor();
    await keyboardCheck(page, 'Right sides');
    await keyboardCheck(page, 'Allergies checked against what will be injected');
    await keyboardCheck(page, 'Consent signed for this plan');
    await keyboardFill(page, 'Needle gauge (G)', '27');
    await keyboardFill(page, 'Needle length (mm)', '30');
    await keyboardCheck(page, 'Negative', 'radio');
    await page.getByRole('group', { name: 'Local twitch response' }).getByRole('radio', { name: 'Yes' }).check();
    await keyboardCheck(page, 'Well', 'radio');
    await page.getByRole('button', { name: /Add what was given/ }).press('Enter');
    await keyboardFill(page, 'Volume (mL)', '2');
    await keyboardFill(page, 'Lot', 'LX42');
    await keyboardFill(page, /^Expiry/, '2025-10');
    const expiry = page.locator('#note-sites-0-administrations-0-expiry');
    await expect.poll(() => expiry.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await page.locator('.field-invalid').textContent()).toContain('expired');
    await screen('06-expired-lot-refused');
    await keyboardFill(page, /^Expiry/, '2027-03');
    await saved(page).toContain('Saved');
    expect(await expiry.getAttribute('aria-invalid')).toBeNull();
    await keyboardFill(page, 'Findings', 'Taut band in left upper trapezius; local twitch on needling.');
    await keyboardCheck(page, '2', 'radio');
    await saved(page).toContain('Saved');
    await screen('07-procedure-note');

    // Signed: locked, printable; amended with a reason, a new version listed.
    await page.getByRole('link', { name: /Next: Sign/ }).click();
    await page.getByRole('heading', { name: 'Codes' }).waitFor();
    expect(await page.getByText('20552').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByText('Version 1 signed.').waitFor();
    await page.getByRole('heading', { name: /version 1 \(locked\)/ }).waitFor();
    await page.getByRole('link', { name: /Print \(PDF\).*procedure note version 1/ }).waitFor();
    await screen('08-signed');
    await keyboardFill(page, 'Reason for the amendment', 'Pain after re-checked at 15 minutes');
    await page.getByRole('button', { name: 'Amend note' }).click();
    await page.getByText(/Amendment started as version 2/).waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await expect.poll(() => versions.getByRole('row').count()).toBe(3);
    expect(await versions.textContent()).toContain('Pain after re-checked at 15 minutes');
    expect(await versions.textContent()).toContain('Amendment, draft');
    await screen('09-amended');

    // Discharge: the observation timer running, the checklist ticked.
    await page.goto(step('discharge'));
    await page.getByRole('heading', { name: /Observation: \d+ minutes/ }).waitFor();
    await page.getByRole('button', { name: 'Procedure ended: start observation' }).click();
    await page.getByRole('timer', { name: 'Observation time left' }).waitFor();
    const checks = page.getByRole('group', { name: /Before the patient leaves/ }).getByRole('checkbox');
    for (let i = 0; i < (await checks.count()); i += 1) await checks.nth(i).check();
    await page.getByRole('link', { name: 'Print for the patient (PDF)' }).waitFor();
    await screen('10-discharge');

    // 200% zoom: the discharge step reflows without sideways scrolling.
    await page.setViewportSize({ width: 512, height: 384 });
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await screen('11-discharge-at-200-percent', false);
    } finally {
      await page.setViewportSize({ width: 1024, height: 768 });
    }
  });
});
