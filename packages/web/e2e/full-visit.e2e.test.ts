// A whole visit in one journey at 1024x768 (a clinic tablet), as a clinician new to Knotwork does
// it: a new patient registered through the UI, their chart (an allergy to the amide local
// anaesthetics, a medicine, a weight), a visit from the indication and baseline to discharge. The
// plan is made on the body map by a click and in the site list, both from the keyboard only (Tab,
// arrows, Space, Enter; no mouse) as is the override of the screen's critical allergy card; then
// consent, the procedure record, the signature, an amendment with its reason signed as version 2,
// and discharge; each printable PDF answers. The plan is checked at 200% zoom.
// Then a visit stopped by an allergy: the critical card is not overridden, consent says so and
// signing is refused with the card linked to the screening step; the plan changes (saline for
// lidocaine), is screened again, and the block is gone once the note follows the new plan.
// axe, CSP and page errors on each key screen; screenshots as 3x-*.png.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, checkScreen, PASSWORD, SKIP_REASON, startRig, type Rig } from './browser';

if (!browserTestsEnabled) console.warn(SKIP_REASON);

/** Presses Tab (or Shift+Tab) until `target` has the focus: it is reachable from the keyboard. */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}) {
  const { back = false, max = 150 } = options;
  await target.waitFor();
  for (let i = 0; i <= max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses: ${String(target)}`);
}

/**
 * Clicks a muscle on the body map with the mouse, where the muscle is drawn: the centre of its box
 * can fall outside a curved shape, so the point nearest the centre that hits the shape is chosen.
 */
async function clickOnMap(page: Page, shape: Locator) {
  await shape.scrollIntoViewIfNeeded();
  const point = await shape.evaluate((g) => {
    const box = g.getBoundingClientRect();
    const points: { x: number; y: number }[] = [];
    for (let i = 1; i < 12; i += 1) {
      for (let j = 1; j < 12; j += 1)
        points.push({ x: box.left + (box.width * i) / 12, y: box.top + (box.height * j) / 12 });
    }
    const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    points.sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
    return points.find((p) => {
      const hit = document.elementFromPoint(p.x, p.y);
      return hit !== null && g.contains(hit);
    });
  });
  if (!point) throw new Error(`no visible point of ${String(shape)} to click`);
  await page.mouse.click(point.x, point.y);
}

/** Whether `target` has the focus now. */
const focused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** A printable document answers as a PDF, for the signed-in user. */
async function expectPdf(rig: Rig, link: Locator) {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the print link has no address');
  const response = await rig.context.request.get(new URL(href, rig.url).toString());
  expect(response.status(), href).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe.skipIf(!browserTestsEnabled)('a whole visit in the browser', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig();
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
  });

  const check = (name: string, fullPage = true) => checkScreen(rig, `3x-${name}`, fullPage);
  /** Signs the clinician in, unless a test before has (each test also runs alone). */
  async function signIn(page: Page) {
    await page.goto(rig.url + '/');
    const email = page.getByLabel('Email');
    const patients = page.getByRole('heading', { name: 'Patients', level: 1 });
    await email.or(patients).first().waitFor();
    if (await patients.isVisible()) return;
    await email.fill('clinician@demo.knotwork.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await patients.waitFor();
  }

  const saved = (page: Page) =>
    expect.poll(() => page.locator('.save-status').first().textContent(), { timeout: 10_000 });

  it(
    'documents a new patient’s visit from the chart to discharge, with an override and an amendment',
    { timeout: 240_000 },
    async () => {
      const { page } = rig;
      await signIn(page);

      // A new patient.
      await page.getByRole('link', { name: 'New patient' }).click();
      await page.getByRole('heading', { name: 'New patient', level: 1 }).waitFor();
      await page.getByLabel('Family name').fill('Lindqvist');
      await page.getByLabel(/Given names/).fill('Maja Elin');
      await page.getByLabel(/Birth date/).fill('1979-04-12');
      await page.getByLabel(/^Sex/).selectOption('female');
      await page.getByLabel(/Medical record number/).fill('KW-20931');
      await check('01-new-patient');
      await page.getByRole('button', { name: 'Register patient' }).click();
      await page.getByRole('heading', { name: 'Maja Elin Lindqvist', level: 1 }).waitFor();

      // The chart: an allergy to the amide local anaesthetics, a medicine, a weight.
      const allergies = page.getByRole('region', { name: 'Allergies' });
      await allergies.getByText('Never asked').waitFor();
      await allergies.getByRole('button', { name: 'Add allergy' }).click();
      const allergyForm = allergies.getByRole('form', { name: 'Add allergy' });
      await allergyForm.getByRole('radio', { name: 'A class or excipient' }).check();
      await allergyForm
        .getByRole('combobox', { name: 'Class or excipient' })
        .selectOption({ label: 'Amide local anaesthetics' });
      await allergyForm.getByLabel(/Criticality/).selectOption('high');
      await allergyForm.getByRole('button', { name: 'Add allergy' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContain('Allergy added: Amide local anaesthetics');
      await allergies.getByText('Amide local anaesthetics', { exact: true }).waitFor();

      const medicines = page.getByRole('region', { name: 'Medicines' });
      await medicines.getByRole('button', { name: 'Add medicine' }).click();
      await medicines.getByLabel('Medicine, as written').fill('Sertraline 50 mg once daily');
      await medicines.getByRole('form', { name: 'Add medicine' }).getByRole('button', { name: 'Add medicine' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContain('Medicine added: Sertraline 50 mg once daily');
      await medicines.getByText('Sertraline 50 mg once daily', { exact: true }).waitFor();

      const readings = page.getByRole('region', { name: 'Vitals and labs' });
      await readings.getByRole('button', { name: 'Add reading' }).click();
      await readings.getByLabel('Value').fill('72');
      await readings.getByRole('form', { name: 'Add reading' }).getByRole('button', { name: 'Add reading' }).click();
      await readings.getByRole('cell', { name: '72 kg', exact: true }).waitFor();
      await check('02-chart');

      // 1. Indication and baseline: the new patient has no problem listed, so the code is typed.
      await page.getByRole('button', { name: 'Start visit' }).click();
      await page.waitForURL(/\/visits\/[0-9a-f-]+\/indication$/);
      const visit = page.url().replace(/\/indication$/, '');
      const baseline = page.getByRole('form', { name: 'Indication and baseline' });
      // The new patient has no problem listed: the diagnosis is searched by its words and picked
      // with the arrow keys; its words fill in.
      const code = baseline.getByRole('combobox', { name: 'ICD-10-CM code' });
      await code.fill('auxiliary muscles');
      await baseline.getByRole('option', { name: /M79\.12/ }).waitFor();
      await code.press('ArrowDown');
      await code.press('Enter');
      await expect.poll(() => code.inputValue()).toBe('M79.12');
      expect(await baseline.getByRole('textbox', { name: 'Diagnosis in words' }).inputValue()).toMatch(
        /auxiliary muscles/i,
      );
      const score = (group: string, n: number) =>
        baseline
          .getByRole('group', { name: group })
          .getByRole('radio', { name: String(n), exact: true })
          .check();
      await score('Pain now (NRS)', 7);
      await score('Average pain', 6);
      await score('Interference with enjoyment of life', 5);
      await score('Interference with general activity', 4);
      await baseline.getByRole('button', { name: 'Record baseline' }).click();
      await baseline.getByText('Baseline recorded').waitFor();
      expect(await baseline.getByRole('status').filter({ hasText: 'Baseline recorded' }).textContent()).toContain(
        'PEG score 5/10',
      );
      await check('03-indication');

      // 2. History review: the allergy list reviewed, the medicines reconciled.
      await baseline.getByRole('button', { name: 'Continue to history review' }).click();
      await page.waitForURL(/\/review$/);
      const review = page.getByRole('list', { name: 'Review so far' });
      await review.waitFor();
      await page.getByRole('button', { name: 'Confirm list reviewed with patient' }).click();
      await expect.poll(() => review.textContent()).toContain('Allergies: reviewed on 27 Nov 2026');
      await page.getByRole('button', { name: 'Confirm medicines reconciled' }).click();
      await expect.poll(() => review.textContent()).toContain('Medicines: reconciled on 27 Nov 2026');
      await check('04-review');

      // 3. The plan from the keyboard only: to the plan step, a site on the body map, one from the
      // list, its findings, the product and its volume.
      const toPlan = page.getByRole('button', { name: 'Continue to the plan' });
      await tabTo(page, toPlan);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/plan$/);
      const map = page.getByRole('region', { name: 'Body map of injection sites' });
      const back = map.getByRole('group', { name: 'Back of the body' });
      const trapezius = back.getByRole('checkbox', { name: /^Trapezius, upper fibres, left/ });
      // The map is one tab stop per view; arrows move between its muscles.
      await tabTo(page, back.getByRole('checkbox').and(page.locator('[tabindex="0"]')));
      for (let i = 0; i < 40 && !(await focused(trapezius)); i += 1) await page.keyboard.press('ArrowDown');
      expect(await focused(trapezius), 'upper trapezius (left) reached with the arrow keys').toBe(true);
      await page.keyboard.press('Space');
      await expect.poll(() => trapezius.getAttribute('aria-checked')).toBe('true');

      const sites = page.getByRole('region', { name: 'Planned sites' });
      const muscle = sites.getByRole('combobox', { name: 'Muscle' });
      await tabTo(page, muscle);
      await page.keyboard.type('Levator');
      await expect.poll(() => muscle.evaluate((el: HTMLSelectElement) => el.value)).toBe('levator-scapulae');
      await page.keyboard.press('Tab');
      // The side group's tab stop is its checked radio (Both); an arrow moves to Right.
      await page.keyboard.press('ArrowLeft');
      expect(await sites.getByRole('radio', { name: 'Right' }).last().isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await sites.getByRole('button', { name: 'Remove Levator scapulae' }).waitFor();
      expect(await back.getByRole('checkbox', { name: /^Levator scapulae, right/ }).getAttribute('aria-checked')).toBe(
        'true',
      );

      const tautBand = page.getByRole('group', { name: 'Trapezius, upper fibres (left)' }).getByLabel('Taut band');
      await tabTo(page, tautBand);
      await page.keyboard.press('Space');
      expect(await tautBand.isChecked()).toBe(true);

      const product = page.getByLabel('Product 1');
      await tabTo(page, product);
      await page.keyboard.type('Lidocaine 1');
      await expect.poll(() => product.evaluate((el: HTMLSelectElement) => el.value)).toBe('lidocaine-1pct');
      await page.keyboard.press('Tab');
      await page.keyboard.type('3');
      const meter = page.getByRole('region', { name: 'Dose meter' });
      await expect.poll(() => meter.textContent()).toContain('Within the maximum');
      const screenSummary = page.getByRole('region', { name: 'Screen' });
      await expect.poll(() => screenSummary.textContent(), { timeout: 15_000 }).toContain('Plan saved and screened.');
      expect(await screenSummary.textContent()).toContain('Do not proceed');
      expect(await screenSummary.getByRole('list', { name: 'Critical cards' }).textContent()).toMatch(
        /amide|lidocaine/i,
      );
      await check('05-plan');

      // 200% zoom on the tablet: the plan reflows without sideways scrolling.
      await page.setViewportSize({ width: 512, height: 384 });
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );
        await check('06-plan-at-200-percent');
      } finally {
        await page.setViewportSize({ width: 1024, height: 768 });
      }

      // 4. Screening, from the keyboard: the critical card, its why, and its override with a reason.
      await tabTo(page, page.getByRole('button', { name: 'Continue to screening' }));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/screening$/);
      const cards = page.getByRole('list', { name: 'Screening cards' });
      await cards.waitFor();
      await page.getByText('1 critical card blocks signing').waitFor();
      const override = page.getByRole('form', { name: /^Override:/ });
      expect(await override.count()).toBe(1);
      const why = cards.locator('details').first().locator('summary');
      await tabTo(page, why);
      await page.keyboard.press('Enter');
      await cards.getByText('Rules that fired').first().waitFor();
      await check('07-screening-critical');

      const firstReason = override.getByRole('radio').first();
      await tabTo(page, firstReason);
      await page.keyboard.press('Space');
      expect(await override.getByRole('radio', { name: /Benefit outweighs/ }).isChecked()).toBe(true);
      await tabTo(page, override.getByLabel(/Comment/));
      await page.keyboard.type('Amide allergy was a rash after dental lidocaine in 2004; resuscitation ready.');
      await page.keyboard.press('Tab');
      expect(await focused(override.getByRole('button', { name: 'Record override' }))).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByText(/Overridden by Dr Demo Clinician/).waitFor();
      await page.getByText('Every critical card is overridden.').waitFor();
      await check('08-screening-overridden');

      // 5. Consent, signed by typed name; the PDF answers.
      await tabTo(page, page.getByRole('button', { name: 'Continue to consent' }));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/consent$/);
      await page.getByRole('heading', { name: 'Common risks' }).waitFor();
      await page.getByLabel('Typed signature').fill('Maja Elin Lindqvist');
      await page.getByRole('button', { name: 'Record consent' }).click();
      await page.getByText('Consent recorded: signed by Maja Elin Lindqvist.').waitFor();
      const consentPdf = page.getByRole('link', { name: /Print \(PDF\).*consent signed by Maja Elin Lindqvist/ });
      await expectPdf(rig, consentPdf);
      await check('09-consent');

      // 6. The procedure record: the time-out, then each site's needle, response and what was given.
      await page.getByRole('link', { name: 'Next: Procedure note →' }).click();
      await page.getByRole('heading', { name: 'Procedure note', level: 2 }).waitFor();
      for (const item of [
        'Right patient, by two identifiers',
        'Right sites, marked',
        'Right sides',
        'Allergies checked against what will be injected',
        'Consent signed for this plan',
      ]) {
        await page.getByRole('checkbox', { name: item }).check();
      }
      for (const [index, lot] of [
        [0, 'LX4471'],
        [1, 'LX4471'],
      ] as const) {
        const site = page.getByRole('region', { name: new RegExp(`^Site ${index + 1}:`) });
        await site.getByLabel('Needle gauge (G)').fill('27');
        await site.getByLabel('Needle length (mm)').fill('25');
        await site.getByRole('group', { name: 'Aspiration' }).getByRole('radio', { name: 'Negative' }).check();
        await site.getByRole('group', { name: 'Local twitch response' }).getByRole('radio', { name: 'Yes' }).check();
        await site.getByRole('group', { name: 'Tolerated' }).getByRole('radio', { name: 'Well' }).check();
        await site.getByRole('button', { name: /Add what was given/ }).click();
        await site.getByLabel('Volume (mL)').fill('1.5');
        await site.getByLabel('Lot').fill(lot);
        await site.getByLabel(/^Expiry/).fill('2027-06');
      }
      await page
        .getByRole('textbox', { name: 'Findings', exact: true })
        .fill('Taut bands with local twitch in left upper trapezius and right levator.');
      await page
        .getByRole('group', { name: /Pain after the procedure/ })
        .getByRole('radio', { name: '3' })
        .check();
      await saved(page).toContain('Saved');
      await check('10-procedure');

      // 7. Sign: the codes, the signature, the PDF; an amendment with its reason, signed as version 2.
      await page.getByRole('link', { name: 'Next: Sign →' }).click();
      await page.getByRole('heading', { name: 'Codes' }).waitFor();
      expect(await page.getByText('20552').count()).toBeGreaterThan(0);
      await check('11-sign');
      await page.getByRole('button', { name: 'Sign note' }).click();
      await page.getByText('Version 1 signed.').waitFor();
      await expectPdf(rig, page.getByRole('link', { name: /Print \(PDF\).*procedure note version 1/ }));
      await page.getByLabel('Reason for the amendment').fill('Pain after re-checked at 15 minutes: 2, not 3');
      await page.getByRole('button', { name: 'Amend note' }).click();
      await page.getByText(/Amendment started as version 2/).waitFor();
      await page.getByRole('link', { name: 'Review the procedure note' }).click();
      await page.getByText('Version 2 · draft').first().waitFor();
      await page
        .getByRole('group', { name: /Pain after the procedure/ })
        .getByRole('radio', { name: '2' })
        .check();
      await saved(page).toContain('Saved');
      await page.getByRole('link', { name: 'Next: Sign →' }).click();
      await page.getByRole('button', { name: 'Sign note' }).click();
      await page.getByText('Version 2 signed.').waitFor();
      const versions = page.getByRole('region', { name: 'Versions' });
      await expect.poll(() => versions.getByRole('row').count()).toBe(3);
      expect(await versions.getByRole('row').nth(1).textContent()).toContain(
        'Pain after re-checked at 15 minutes: 2, not 3',
      );
      await expectPdf(rig, page.getByRole('link', { name: /Print \(PDF\).*procedure note version 2/ }));
      await check('12-amended-and-signed');

      // 8. Discharge: the observation timer, the checklist, the aftercare and its PDF.
      await page.getByRole('link', { name: 'Next: Discharge →' }).click();
      await page.getByRole('heading', { name: /Observation: \d+ minutes/ }).waitFor();
      await page.getByRole('button', { name: 'Procedure ended: start observation' }).click();
      await page.getByRole('timer', { name: 'Observation time left' }).waitFor();
      const checklist = page.getByRole('group', { name: /Before the patient leaves/ }).getByRole('checkbox');
      const items = await checklist.count();
      expect(items).toBeGreaterThan(0);
      for (let i = 0; i < items; i += 1) await checklist.nth(i).check();
      await page.getByText(`(${items} of ${items} done)`).waitFor();
      expect(await page.getByRole('region', { name: 'Aftercare' }).getByRole('listitem').count()).toBeGreaterThan(0);
      await expectPdf(rig, page.getByRole('link', { name: 'Print for the patient (PDF)' }));
      await check('13-discharge');
      expect(page.url()).toBe(`${visit}/discharge`);

      // The checklist done and the note signed: the visit is finished (the discharge time recorded).
      const [finished] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/end')),
        page.getByRole('button', { name: 'Finish the visit' }).click(),
      ]);
      expect(finished.status(), await finished.text()).toBe(200);
      await page.getByRole('status').filter({ hasText: 'Visit finished (discharged)' }).waitFor();
      expect(await page.getByRole('button', { name: 'Stop the visit' }).count()).toBe(0);
      expect(await checklist.first().isDisabled()).toBe(true);
      await check('13b-visit-finished');
    },
  );
  it(
    'stops a visit at a critical allergy card that is not overridden, until the plan changes',
    { timeout: 180_000 },
    async () => {
      const { page } = rig;
      // Ben Hartley's chart lists an allergy to lidocaine; the clinician plans it anyway.
      await signIn(page);
      await page.goto(`${rig.url}/patients?name=hartley`);
      await page.getByRole('link', { name: /HARTLEY, Ben/ }).click();
      await page.getByRole('heading', { name: 'Ben Hartley', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Start visit' }).click();
      await page.waitForURL(/\/visits\/[0-9a-f-]+\/indication$/);
      const visit = page.url().replace(/\/indication$/, '');
      const steps = page.getByRole('navigation', { name: 'Visit steps' });
      await steps.getByRole('link', { name: /Plan$/ }).click();
      await page.waitForURL(/\/plan$/);
      const trapezius = page
        .getByRole('group', { name: 'Back of the body' })
        .getByRole('checkbox', { name: /^Trapezius, upper fibres, left/ });
      await clickOnMap(page, trapezius);
      await expect.poll(() => trapezius.getAttribute('aria-checked')).toBe('true');
      await page.getByLabel('Product 1').selectOption('lidocaine-1pct');
      await page.getByLabel('Volume 1 (mL)').fill('2');
      const screenSummary = page.getByRole('region', { name: 'Screen' });
      await expect.poll(() => screenSummary.textContent(), { timeout: 15_000 }).toContain('Plan saved and screened.');
      expect(await screenSummary.textContent()).toContain('Do not proceed');
      const allergyCard = (await screenSummary.getByRole('list', { name: 'Critical cards' }).textContent()) ?? '';
      expect(allergyCard).toMatch(/lidocaine/i);

      // The screen: the critical card blocks signing; the clinician does not override it.
      await page.getByRole('button', { name: 'Continue to screening' }).click();
      await page.waitForURL(/\/screening$/);
      await page.getByText(/critical cards? blocks? signing/).waitFor();
      await check('14-stop-screening');

      // Consent says so before anyone asks the patient to sign, linked to the screening step.
      await page.getByRole('button', { name: 'Continue to consent' }).click();
      await page.waitForURL(/\/consent$/);
      const hold = page.getByRole('status').filter({ hasText: 'no override' });
      await hold.waitFor();
      expect(await hold.textContent()).toContain(allergyCard);
      expect(await hold.getByRole('link', { name: 'Go to Screening' }).getAttribute('href')).toBe(
        new URL(`${visit}/screening`).pathname,
      );
      await check('15-stop-consent-held');

      // Signing is refused, the open card named and linked to the screening step.
      await page.goto(`${visit}/procedure`);
      await page.getByText('Version 1 · draft').first().waitFor();
      await page.goto(`${visit}/sign`);
      await page.getByRole('button', { name: 'Sign note' }).click();
      const blocked = page.getByRole('alert').filter({ hasText: 'still open' });
      await blocked.waitFor();
      const critical = blocked.getByRole('listitem').filter({ hasText: /critical card .* has no override/ });
      expect(await critical.count()).toBe(1);
      await check('16-stop-signing-blocked');
      await critical.getByRole('link', { name: 'Fix in Screening' }).click();
      await page.waitForURL(/\/screening$/);
      await page.getByRole('form', { name: /^Override:/ }).waitFor();

      // The plan changes (saline instead of lidocaine): screened again, the block is gone.
      await steps.getByRole('link', { name: /Plan$/ }).click();
      await page.waitForURL(/\/plan$/);
      await page.getByLabel('Product 1').selectOption('saline-0.9pct');
      await expect
        .poll(
          async () => {
            const text = (await screenSummary.textContent()) ?? '';
            return text.includes('Plan saved and screened.') && !text.includes('Do not proceed');
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      expect(await screenSummary.getByRole('list', { name: 'Critical cards' }).count()).toBe(0);
      await check('17-stop-plan-changed');

      await page.getByRole('button', { name: 'Continue to screening' }).click();
      await page.waitForURL(/\/screening$/);
      await page
        .getByRole('status')
        .filter({ hasText: /card|No findings/ })
        .first()
        .waitFor();
      expect(await page.getByText(/blocks? signing/).count()).toBe(0);
      expect(await page.getByRole('form', { name: /^Override:/ }).count()).toBe(0);

      await page.goto(`${visit}/sign`);
      await page.getByRole('button', { name: 'Sign note' }).click();
      const still = page.getByRole('alert').filter({ hasText: 'still open' });
      await still.waitFor();
      expect(await still.textContent()).not.toMatch(/critical card/);
      expect(await still.getByRole('link', { name: 'Fix in Screening' }).count()).toBe(0);

      // The note was begun from the first plan: brought up to date, it offers saline, not lidocaine.
      await still
        .getByRole('listitem')
        .filter({ hasText: /plan changed/i })
        .getByRole('link', { name: 'Fix in Procedure note' })
        .click();
      const behind = page.getByRole('status').filter({ hasText: 'The plan changed after this note was started' });
      await behind.waitFor();
      await check('18-stop-note-behind-plan');
      await behind.getByRole('button', { name: /Update the note to plan revision/ }).click();
      await behind.waitFor({ state: 'hidden' });
      await saved(page).toContain('Saved');
      const site = page.getByRole('region', { name: /^Site 1:/ });
      await site.getByRole('button', { name: /Add what was given/ }).click();
      expect(
        await site.getByLabel('Product').evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.value)),
      ).toEqual(['saline-0.9pct']);

      await page.goto(`${visit}/sign`);
      await page.getByRole('button', { name: 'Sign note' }).click();
      const left = page.getByRole('alert').filter({ hasText: 'still open' });
      await left.waitFor();
      expect(await left.textContent()).not.toMatch(/critical card|plan changed/i);
      await check('19-stop-cleared');

      // The patient declines after all: the visit is stopped with the reason, and says so read-only.
      await page.getByRole('button', { name: 'Stop the visit' }).click();
      const stop = page.getByRole('dialog', { name: 'Stop the visit' });
      await stop.getByLabel(/Why is the visit stopped/).fill('Patient declined after the allergy discussion');
      const [stopped] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/end')),
        stop.getByRole('button', { name: 'Stop the visit' }).click(),
      ]);
      expect(stopped.status(), await stopped.text()).toBe(200);
      await page
        .getByRole('status')
        .filter({ hasText: 'Visit stopped' })
        .filter({ hasText: 'Patient declined after the allergy discussion' })
        .waitFor();
      expect(await page.getByRole('button', { name: 'Sign note' }).isDisabled()).toBe(true);
      await check('19b-visit-stopped');
    },
  );
});
