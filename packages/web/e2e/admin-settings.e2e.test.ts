// The clinic admin's settings in a real browser against the real server (issue 4 item 5): the admin
// signs in, opens the clinic settings, sees the screening policy with its sources (a refused value
// shown at its field, then a new policy version), changes the observation time from the keyboard
// and the follow-up schedule (a save after someone else's change is refused, explained and
// reloaded), adds a user and deactivates them; their own account offers no deactivation. Then a
// clinician sees no settings link, and the address tells them it is for clinic admins. axe on each
// screen at 1024x768, one at 200% zoom; screenshots as admin-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, checkScreen, PASSWORD, SKIP_REASON, startRig, type Rig } from './browser';

if (!browserTestsEnabled) console.warn(SKIP_REASON);

describe.skipIf(!browserTestsEnabled)('the clinic admin’s settings in the browser', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig();
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
  });

  const check = (name: string, fullPage = true) => checkScreen(rig, `admin-${name}`, fullPage);

  /** 200% zoom on the tablet (1024x768 is then 512x384 CSS pixels): the page reflows, no sideways scroll. */
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

  async function signIn(email: string) {
    const { page } = rig;
    await page.goto(rig.url + '/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  }

  it('changes the policy, the observation time and the follow-up schedule', { timeout: 180_000 }, async () => {
    const { page } = rig;
    await signIn('admin@demo.knotwork.dev');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clinic settings' }).click();
    await page.waitForURL(/\/settings\/screening-policy$/);
    const policy = page.getByRole('region', { name: 'Screening policy' });
    await policy.getByText('Clinic settings version 0').waitFor();
    expect(await policy.getByTestId('setting-version').textContent()).toMatch(/Policy default-[0-9a-f]{12}/);
    const fever = policy.getByLabel('Fever threshold');
    expect(await fever.inputValue()).toBe('38');
    expect(await policy.textContent()).toContain('Sources: [SIR2019]');
    await check('01-screening-policy');

    // A value out of range: the server's issue at the field, nothing saved.
    await fever.fill('45');
    await policy.getByRole('button', { name: 'Save as a new policy version' }).click();
    await policy.getByRole('alert').getByText('$.values.feverCelsius').waitFor();
    expect(await fever.getAttribute('aria-invalid')).toBe('true');
    expect(await policy.textContent()).toContain('feverCelsius must be at least 37 and at most 40, not 45');
    await check('02-policy-refused');

    await fever.fill('38.3');
    await policy.getByLabel(/Reason for the change/).fill('Leaflets we hand out say 38.3');
    await policy.getByRole('button', { name: 'Save as a new policy version' }).click();
    await policy.getByText(/Saved as clinic settings version 1 \(policy clinic-[0-9a-f]{12}\)/).waitFor();
    expect(await policy.getByTestId('setting-version').textContent()).toContain('by Demo Clinic Admin');
    await policy.getByText('Change history').click();
    await policy.getByRole('cell', { name: 'Leaflets we hand out say 38.3' }).waitFor();
    await check('03-policy-saved');

    // The observation time, from the keyboard: the sections are links, the form submits on Enter.
    const sections = page.getByRole('navigation', { name: 'Clinic settings' });
    await sections.getByRole('link', { name: 'Observation time' }).focus();
    await page.keyboard.press('Enter');
    const observation = page.getByRole('region', { name: 'Observation time' });
    const minutes = observation.getByLabel('Observation time (minutes)');
    await minutes.waitFor();
    expect(await minutes.inputValue()).toBe('30');
    expect(await observation.textContent()).toContain('Default: 30 minutes.');
    await minutes.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('45');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe(
      await observation.getByLabel(/Reason for the change/).getAttribute('id'),
    );
    await page.keyboard.type('Late LAST: watch longer');
    await page.keyboard.press('Enter');
    await observation.getByText('Saved: 45 minutes of observation, clinic settings version 2.').waitFor();
    await observation.getByText('Clinic setting', { exact: true }).waitFor();
    await check('04-observation-time-saved');

    // The follow-up schedule: the offsets in words, a point added, one removed, one edited.
    await sections.getByRole('link', { name: 'Follow-up schedule' }).click();
    const followUp = page.getByRole('region', { name: 'Follow-up schedule' });
    const summary = followUp.getByTestId('follow-up-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(
      'In force: This evening (6 hours); Day 1 (1 day); Day 3 (3 days); Week 1 (1 week); Week 2 (2 weeks, PEG); Week 6 (6 weeks, PEG).',
    );
    await check('05-follow-up-schedule');

    await followUp.getByRole('button', { name: 'Remove Day 3' }).click();
    await followUp.getByRole('button', { name: 'Add a point' }).click();
    const added = followUp.locator('.follow-up-point').last();
    // The new point's first field has the focus.
    await expect.poll(() => added.getByLabel('Label').evaluate((e) => e === document.activeElement)).toBe(true);
    await added.getByLabel('Label').fill('Week 12');
    await added.getByLabel('After').fill('12');
    await added.getByLabel('Unit').selectOption('weeks');
    await added.getByLabel('Asks the PEG').check();
    expect(await added.getByLabel(/^ID/).inputValue()).toBe('week-12');
    await followUp
      .getByRole('group', { name: /Week 1: 1 week/ })
      .getByLabel('After')
      .fill('10');
    await followUp
      .getByRole('group', { name: /Week 1: 10 weeks/ })
      .getByLabel('Unit')
      .selectOption('days');

    // Meanwhile someone else changes the observation time: the clinic settings' version moves on.
    await page.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const current = await fetch('/api/settings/observation-time');
      const r = await fetch('/api/settings/observation-time', {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': session.csrfToken,
          'if-match': current.headers.get('etag') ?? '',
        },
        body: JSON.stringify({ minutes: 40 }),
      });
      if (!r.ok) throw new Error(`PUT observation-time answered ${r.status}`);
    });
    await followUp.getByRole('button', { name: 'Save follow-up schedule' }).click();
    await followUp.getByText('Not saved: the clinic’s settings changed meanwhile').waitFor();
    await followUp.getByText('Clinic settings version 3').waitFor();
    expect(await followUp.locator('.follow-up-point').count()).toBe(6);
    await check('06-follow-up-stale');

    await followUp.getByRole('button', { name: 'Remove Day 3' }).click();
    await followUp.getByRole('button', { name: 'Add a point' }).click();
    const again = followUp.locator('.follow-up-point').last();
    await again.getByLabel('Label').fill('Week 12');
    await again.getByLabel('After').fill('12');
    await again.getByLabel('Asks the PEG').check();
    await followUp
      .getByRole('group', { name: /Week 1: 1 week/ })
      .getByLabel('After')
      .fill('10');
    await followUp
      .getByRole('group', { name: /Week 1: 10 weeks/ })
      .getByLabel('Unit')
      .selectOption('days');
    await followUp.getByRole('button', { name: 'Save follow-up schedule' }).click();
    await followUp.getByText('Saved: 6 follow-up points, clinic settings version 4.').waitFor();
    expect(await summary.textContent()).toBe(
      'In force: This evening (6 hours); Day 1 (1 day); Week 1 (10 days); Week 2 (2 weeks, PEG); Week 6 (6 weeks, PEG); Week 12 (12 weeks, PEG).',
    );
    await check('07-follow-up-saved');
    await at200Percent('07b-follow-up-at-200-percent');
  });

  it('adds a user and deactivates them, but not themself', { timeout: 120_000 }, async () => {
    const { page } = rig;
    await page.goto(rig.url + '/settings/users');
    const users = page.getByRole('region', { name: 'Users' });
    const list = users.getByRole('list', { name: 'The clinic’s users' });
    const entry = (name: string) => list.getByRole('listitem').filter({ hasText: name });
    const self = entry('Demo Clinic Admin');
    await self.waitFor();
    expect(await self.getByRole('button', { name: /Deactivate/ }).count()).toBe(0);
    await check('08-users');

    await users.getByRole('button', { name: 'Add user' }).click();
    const form = users.getByRole('form', { name: 'Add user' });
    await form.getByLabel('Name').fill('Sam Locum');
    await form.getByLabel('Email').fill('sam.locum@example.org');
    await form.getByLabel('Role').selectOption('nurse');
    await form.getByLabel('Temporary password').fill('short');
    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('Temporary password').getAttribute('aria-invalid')).toBe('true');
    await check('09-add-user-refused');
    await form.getByRole('button', { name: 'Make one up' }).click();
    expect(await form.getByLabel('Temporary password').inputValue()).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await form.getByRole('button', { name: 'Add user' }).click();
    const sam = entry('Sam Locum');
    await sam.waitFor();
    expect(await sam.textContent()).toContain('Nurse');
    expect(await sam.textContent()).toContain('Must change password');
    await users.getByText('Sam Locum added as nurse.').waitFor();

    // Escape cancels the confirmation; confirming deactivates.
    await sam.getByRole('button', { name: 'Deactivate Sam Locum' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate Sam Locum?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await check('10-deactivate-confirm', false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await sam.textContent()).toContain('Active');
    await sam.getByRole('button', { name: 'Deactivate Sam Locum' }).click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await sam.getByText('Deactivated').waitFor();
    await sam.getByRole('button', { name: 'Reactivate Sam Locum' }).waitFor();
    await users.getByText('Sam Locum is deactivated.').waitFor();
    await check('11-user-deactivated');

    await at200Percent('12-users-at-200-percent');
  });

  it('shows a clinician no settings, and tells them why at the address', { timeout: 120_000 }, async () => {
    const { page } = rig;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('clinician@demo.knotwork.dev');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Patients', 'Outcomes']);
    await page.goto(rig.url + '/settings/users');
    await page.getByRole('heading', { name: 'Clinic settings', level: 1 }).waitFor();
    await page.getByText('Clinic settings are for clinic admins only').waitFor();
    expect(await page.getByRole('list', { name: 'The clinic’s users' }).count()).toBe(0);
    await check('13-clinician-refused');
  });
});
