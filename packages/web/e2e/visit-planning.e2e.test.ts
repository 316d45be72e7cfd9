// Visit planning in a real browser against the real server: a clean-screen patient's baseline (a
// refused one first: the API's field error at its field), history review, the plan with two sites
// clicked on the body map and one added from the keyboard list, the dose meter following the
// volume, the screen beside the map and in full; then a patient allergic to lidocaine: the
// critical card and its override with a reason. axe on each screen at 1024x768, the plan and the
// screen at 200% zoom; screenshots as 1x-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, checkScreen, PASSWORD, SKIP_REASON, startRig, type Rig } from './browser';

if (!browserTestsEnabled) console.warn(SKIP_REASON);

describe.skipIf(!browserTestsEnabled)('visit planning in the browser', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig();
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
  });

  const check = (name: string, fullPage = true) => checkScreen(rig, name, fullPage);

  async function at200Percent(name: string) {
    const { page } = rig;
    await page.setViewportSize({ width: 512, height: 384 });
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await check(name);
    } finally {
      await page.setViewportSize({ width: 1024, height: 768 });
    }
  }

  async function startVisit(page: Page, search: string, link: RegExp, name: string) {
    await page.goto(`${rig.url}/patients?name=${search}`);
    await page.getByRole('link', { name: link }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start visit' }).click();
    await page.waitForURL(/\/visits\/[0-9a-f-]+\/indication$/);
    return page.url().replace(/\/indication$/, '');
  }

  /** Toggles one side of a muscle on the map; resolves with the time to the next painted frame. */
  function clickOnMap(page: Page, view: 'Front of the body' | 'Back of the body', label: string) {
    return page.evaluate(
      async ({ view, label }) => {
        const group = [...document.querySelectorAll('[role="group"]')].find(
          (g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent === view,
        );
        const shape = [...(group ?? document).querySelectorAll('[role="checkbox"]')].find((s) =>
          s.getAttribute('aria-label')?.startsWith(label),
        );
        if (!shape) throw new Error(`no ${label} on ${view}`);
        const list = document.querySelector('.bm-sites');
        const before = list?.textContent ?? '';
        const t0 = performance.now();
        shape.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        return {
          ms: performance.now() - t0,
          changed: (list?.textContent ?? '') !== before,
          checked: shape.getAttribute('aria-checked'),
        };
      },
      { view, label },
    );
  }

  it(
    'records the baseline, reviews, plans on the map and the list, and shows the screen',
    { timeout: 240_000 },
    async () => {
      const { page } = rig;
      await page.goto(rig.url + '/');
      await page.getByLabel('Email').fill('clinician@demo.knotwork.dev');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByLabel('Password').press('Enter');
      await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();

      const visit = await startVisit(page, 'okafor', /OKAFOR, Ada/, 'Ada Okafor');

      // 1. Indication and baseline: another diagnosis without its code is refused at its field.
      const form = page.getByRole('form', { name: 'Indication and baseline' });
      await form.waitFor();
      await form.getByRole('radio', { name: /Another diagnosis/ }).check();
      await form.getByRole('button', { name: 'Record baseline' }).click();
      await form.getByRole('alert').getByText('$.indication.icd10').waitFor();
      expect(await form.getByRole('combobox', { name: 'ICD-10-CM code' }).getAttribute('aria-invalid')).toBe('true');
      await check('1a-indication-refused');

      await form.getByRole('radio', { name: /Myalgia of auxiliary muscles/ }).check();
      await form.getByRole('group', { name: 'Pain now (NRS)' }).getByRole('radio', { name: '7', exact: true }).check();
      await form.getByRole('group', { name: 'Average pain' }).getByRole('radio', { name: '6', exact: true }).check();
      await form
        .getByRole('group', { name: 'Interference with enjoyment of life' })
        .getByRole('radio', { name: '5', exact: true })
        .check();
      // The keyboard moves along a scale: arrows on a radio group.
      const activity = form.getByRole('group', { name: 'Interference with general activity' });
      await activity.getByRole('radio', { name: '3', exact: true }).check();
      await page.keyboard.press('ArrowRight');
      expect(await activity.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
      await form.getByRole('button', { name: 'Record baseline' }).click();
      await form.getByText('Baseline recorded').waitFor();
      expect(await form.getByRole('status').textContent()).toContain('PEG score 5/10');
      await check('1b-indication-recorded');

      // 2. History review.
      await form.getByRole('button', { name: 'Continue to history review' }).click();
      await page.waitForURL(/\/review$/);
      await page.getByRole('list', { name: 'Review so far' }).waitFor();
      await page.getByRole('button', { name: 'Confirm medicines reconciled' }).click();
      await expect
        .poll(() => page.getByRole('list', { name: 'Review so far' }).textContent())
        .toContain('Medicines: reconciled on 27 Nov 2026');
      // An injection given elsewhere, as the patient reports it.
      const history = page.getByRole('region', { name: 'Injection history' });
      await history.getByRole('button', { name: 'Add earlier injection' }).click();
      await history.getByLabel('Product', { exact: true }).selectOption('lidocaine-1pct');
      await history.getByLabel('Volume (mL)').fill('4');
      await history.getByLabel('Given on').fill('2026-10-30');
      await history.getByRole('button', { name: 'Add injection' }).click();
      await history.getByText('30 Oct 2026').waitFor();
      await check('1c-review');

      // 3. The plan: two sites clicked on the map (each painted in well under 100 ms), one from the list.
      await page.getByRole('button', { name: 'Continue to the plan' }).click();
      await page.waitForURL(/\/plan$/);
      await page.getByRole('region', { name: 'Body map of injection sites' }).waitFor();
      const first = await clickOnMap(page, 'Back of the body', 'Trapezius, upper fibres, left');
      const second = await clickOnMap(page, 'Back of the body', 'Rhomboid major and minor, right');
      expect([first.checked, second.checked]).toEqual(['true', 'true']);
      expect(first.changed && second.changed).toBe(true);
      expect(Math.max(first.ms, second.ms), 'map click to painted update').toBeLessThan(100);

      const sites = page.getByRole('region', { name: 'Planned sites' });
      await sites.getByLabel('Muscle').selectOption({ label: 'Levator scapulae' });
      await sites.getByRole('button', { name: 'Add site' }).press('Enter');
      await sites.getByRole('button', { name: 'Remove Levator scapulae' }).waitFor();
      await page.getByRole('group', { name: 'Trapezius, upper fibres (left)' }).getByLabel('Taut band').check();

      const meter = page.getByRole('region', { name: 'Dose meter' });
      await page.getByLabel('Product 1').selectOption('lidocaine-1pct');
      await page.getByLabel('Volume 1 (mL)').fill('5');
      await expect.poll(() => meter.textContent()).toContain('Within the maximum');
      expect(await meter.textContent()).toContain('mL still available');
      const within = await meter.textContent();
      await page.getByLabel('Volume 1 (mL)').fill('26');
      await expect.poll(() => meter.textContent()).toContain('Near the maximum');
      expect(await meter.textContent()).not.toBe(within);
      await check('1d-plan-dose-near');
      await page.getByLabel('Volume 1 (mL)').fill('5');
      await expect.poll(() => meter.textContent()).toContain('Within the maximum');

      const summary = page.getByRole('region', { name: 'Screen' });
      await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('Plan saved and screened.');
      expect(await summary.textContent()).toMatch(/Proceed/);
      await check('1e-plan-screened');
      await at200Percent('1f-plan-at-200-percent');

      // 4. Screening: the verdict and the cards with why.
      await page.getByRole('button', { name: 'Continue to screening' }).click();
      await page.waitForURL(/\/screening$/);
      const cards = page.getByRole('list', { name: 'Screening cards' });
      await cards.waitFor();
      await cards.getByText('Why').first().click();
      await cards.getByText('Rules that fired').first().waitFor();
      await check('1g-screening');

      // Resumable: the plan reads back as saved.
      await page.goto(`${visit}/plan`);
      await page
        .getByRole('region', { name: 'Planned sites' })
        .getByRole('button', { name: 'Remove Levator scapulae' })
        .waitFor();
      expect(await page.getByLabel('Volume 1 (mL)').inputValue()).toBe('5');
    },
  );

  it('shows a lidocaine allergy as a critical card and records its override', { timeout: 180_000 }, async () => {
    const { page } = rig;
    const visit = await startVisit(page, 'hartley', /HARTLEY, Ben/, 'Ben Hartley');
    await page.goto(`${visit}/plan`);
    await page.getByRole('region', { name: 'Body map of injection sites' }).waitFor();
    await clickOnMap(page, 'Back of the body', 'Trapezius, upper fibres, left');
    await page.getByLabel('Product 1').selectOption('lidocaine-1pct');
    await page.getByLabel('Volume 1 (mL)').fill('2');
    const summary = page.getByRole('region', { name: 'Screen' });
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('Do not proceed');
    expect(await summary.getByRole('list', { name: 'Critical cards' }).textContent()).toMatch(/lidocaine/i);
    await check('1h-plan-critical');

    await page.getByRole('button', { name: 'Continue to screening' }).click();
    await page.waitForURL(/\/screening$/);
    const override = page.getByRole('form', { name: /^Override:/ }).first();
    await override.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Do not proceed' }).count()).toBe(1);
    await override.getByRole('button', { name: 'Record override' }).click();
    await override.getByText('Choose a reason').waitFor();
    await check('1i-screening-critical');

    await override.getByRole('radio', { name: /Benefit outweighs/ }).check();
    await override.getByLabel(/Comment/).fill('Allergy history reviewed with the patient');
    await override.getByRole('button', { name: 'Record override' }).click();
    await page
      .getByText(/Overridden by Dr Demo Clinician/)
      .first()
      .waitFor();
    await check('1j-screening-overridden');
    await at200Percent('1k-screening-at-200-percent');
  });
});
