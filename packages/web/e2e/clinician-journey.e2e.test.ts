// The clinician's first journey in a real browser against the real server (issue 4): sign in, find
// a patient, open the chart, add an allergy (a refused one first: the API's field error shown at
// the field), start a visit; axe on every screen at 1024x768, no CSP violation, screenshots kept.
// Then a session ended in the middle of typing: the sign-in dialog, and the typing saved after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, checkScreen, PASSWORD, SKIP_REASON, startRig, type Rig } from './browser';

if (!browserTestsEnabled) console.warn(SKIP_REASON);

describe.skipIf(!browserTestsEnabled)('the clinician in the browser', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig();
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
  });

  const screen = (name: string, fullPage = true) => checkScreen(rig, name, fullPage);

  it('signs in, finds a patient, adds an allergy and starts a visit', { timeout: 120_000 }, async () => {
    const { page } = rig;
    await page.goto(rig.url + '/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect.poll(() => page.getByRole('note', { name: 'Fixed clock' }).textContent()).toContain('27 Nov 2026');
    await screen('01-sign-in');

    await page.getByLabel('Email').fill('clinician@demo.knotwork.dev');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('the email or the password is wrong').waitFor();
    await screen('01b-sign-in-refused');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');

    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('link', { name: /HARTLEY, Ben/ }).waitFor();
    await screen('02-patients');

    // A new patient sent without a family name: the API's field error at the field.
    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByRole('heading', { name: 'New patient', level: 1 }).waitFor();
    await page.getByLabel(/Given names/).fill('Ada');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('alert').getByText('$.family').waitFor();
    expect(await page.getByLabel('Family name').getAttribute('aria-invalid')).toBe('true');
    await screen('02b-new-patient-refused');
    await page.getByRole('link', { name: 'Cancel' }).click();

    await page.getByLabel('Name').fill('hart');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/name=hart/);
    await page.getByRole('heading', { name: 'Matching patients' }).waitFor();
    await page.getByRole('link', { name: /HARTLEY, Ben/ }).click();

    await page.getByRole('heading', { name: 'Ben Hartley', level: 1 }).waitFor();
    const allergies = page.getByRole('region', { name: 'Allergies' });
    await allergies.getByText('Lidocaine').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Medicines' }).textContent()).toContain('Lisinopril');
    await screen('03-chart');

    await allergies.getByRole('button', { name: 'Add allergy' }).click();
    const form = allergies.getByRole('form', { name: 'Add allergy' });
    await form.getByRole('radio', { name: 'A class or excipient' }).check();
    // Sent without a substance: the API names the field, the form shows it there.
    await form.getByRole('button', { name: 'Add allergy' }).click();
    await form.getByRole('alert').getByText('$.substance.code').waitFor();
    await screen('04-add-allergy-refused');

    await form
      .getByRole('combobox', { name: 'Class or excipient' })
      .selectOption({ label: 'Sulfites (sodium metabisulfite, bisulfite, sulfite)' });
    await form.getByLabel('Reaction type').selectOption('intolerance');
    await form.getByRole('button', { name: 'Add allergy' }).click();
    await allergies.getByText('Sulfites (sodium metabisulfite, bisulfite, sulfite)').waitFor();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContain('Intolerance added: Sulfites (sodium metabisulfite, bisulfite, sulfite)');
    await screen('05-allergy-added');

    await page.getByRole('button', { name: 'Start visit' }).click();
    await page.waitForURL(/\/visits\/[0-9a-f-]+\/indication$/);
    await page.getByRole('heading', { name: 'Visit: Ben Hartley', level: 1 }).waitFor();
    const steps = page.getByRole('navigation', { name: 'Visit steps' });
    expect(await steps.getByRole('link').count()).toBe(8);
    expect(await steps.getByRole('link', { name: /Indication and baseline/ }).getAttribute('aria-current')).toBe(
      'step',
    );
    await screen('06-visit');

    // Resumable at any step: the step is in the URL.
    await page.reload();
    await page.getByRole('heading', { name: 'Indication and baseline', level: 2 }).waitFor();

    // 200% zoom on the tablet: 1024x768 becomes 512x384 CSS pixels; the page reflows, no sideways scroll.
    await page.setViewportSize({ width: 512, height: 384 });
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await screen('06b-visit-at-200-percent');
    } finally {
      await page.setViewportSize({ width: 1024, height: 768 });
    }
  });

  it(
    'keeps what was typed when the session ends, and saves it after signing in again',
    { timeout: 120_000 },
    async () => {
      const { page } = rig;
      await page.goto(rig.url + '/patients?name=ahmed');
      await page.getByRole('link', { name: /AHMED, Farah/ }).click();
      await page.getByRole('heading', { name: 'Farah Ahmed', level: 1 }).waitFor();
      const problems = page.getByRole('region', { name: 'Problems' });
      await problems.getByRole('button', { name: 'Add problem' }).click();
      await problems.getByLabel('ICD-10-CM code').fill('M54.2');
      await problems.getByLabel('Description').fill('Cervicalgia after a long drive');

      // The session ends (expired, or ended elsewhere) while the form is open.
      await rig.context.clearCookies();
      await problems.getByRole('button', { name: 'Add problem' }).click();
      const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
      await dialog.waitFor();
      expect(await problems.getByLabel('Description').inputValue()).toBe('Cervicalgia after a long drive');
      await screen('07-session-ended', false);

      await dialog.getByLabel('Email').fill('clinician@demo.knotwork.dev');
      await dialog.getByLabel('Password').fill(PASSWORD);
      await dialog.getByLabel('Password').press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await problems.getByText('Cervicalgia after a long drive').waitFor();
      await screen('08-saved-after-sign-in');
    },
  );
});
