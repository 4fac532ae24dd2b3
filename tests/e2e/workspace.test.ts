// The facilitator's journey in Chromium, keyboard only: a partner referral arrives, the
// facilitator sets up and signs in with a code, accepts it, records contact and
// assessments, is refused "ready" with the missing items listed, completes them and
// moves on. axe on every page.
import type { Browser } from 'playwright-core';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../setup/server';
import { codeFor, createStaffViaCli, STAFF_PASSWORD } from '../setup/staff';
import { launch, openContext, expectPage, press, save, type } from './browser';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const heading = expectPage;

describe('facilitator workspace journey', () => {
  it('from partner referral to a case that is ready', async () => {
    const { context, page, offsite } = await openContext(browser, true);

    // A probation officer refers someone.
    await page.goto(`${server.url}/refer-as-a-professional`);
    await heading(page, 'Refer someone: for professionals');
    await press(page.getByLabel('National Probation Service'));
    await type(page.getByLabel('Your name'), 'Priya Probation');
    await type(page.getByLabel('Your work email address'), 'priya@probation.example.org');
    await type(page.getByLabel('Your work phone number'), '0121 496 0000');
    await press(page.getByLabel('The victim asked for it'));
    await press(page.getByLabel('The person I am referring knows about this referral and agreed to it'));
    await press(page.getByRole('group', { name: 'Did the person agree that we tell you how it goes?' }).getByLabel('Yes'));
    await type(page.getByLabel('The victim or victims'), 'Vera Victim, mobile after 6pm');
    await type(page.getByLabel('The person responsible', { exact: true }), 'Owen Offender');
    await press(page.getByRole('group', { name: 'Age of the person responsible' }).getByLabel('18 or over at the time of the offence'));
    await press(page.getByRole('group', { name: 'Which area does the person you are referring live in?' }).getByLabel('Dudley'));
    await press(page.getByRole('group', { name: 'Kind of offence' }).getByLabel('Burglary'));
    await press(page.getByRole('group', { name: 'Stage of the justice system' }).getByLabel('The person is on probation'));
    await press(page.getByRole('group', { name: 'Is it being dealt with as anti-social behaviour?' }).getByLabel('No'));
    await press(page.getByRole('group', { name: 'How did you hear about the service? (optional)' }).getByLabel('From the police'));
    await press(page.getByLabel('None known'));
    await press(page.getByRole('group', { name: 'Support needs' }).getByLabel('I do not need any of these'));
    await save(page, 'Send referral');
    await heading(page, 'Referral sent');
    const reference = (await page.locator('.govuk-panel__body strong').textContent())!;

    // The facilitator sets up their account and signs in with a code.
    const link = await createStaffViaCli(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' });
    await page.goto(`${server.url}${link}`);
    await heading(page, 'Set up your account');
    // The one-time token left the address bar at once (issue 26).
    expect(page.url()).toBe(`${server.url}/staff/set-up`);
    await type(page.getByLabel('Choose a password'), STAFF_PASSWORD);
    await type(page.getByLabel('Type it again'), STAFF_PASSWORD);
    await save(page, 'Continue');
    await heading(page, 'Set up your authenticator app');
    const key = (await page.locator('#totp-key').textContent())!.replace(/ /g, '');
    await type(page.getByLabel('Enter the 6-digit code the app shows'), await generate({ secret: key }));
    await save(page, 'Finish set-up');
    await heading(page, 'Your cases');
    await press(page.getByRole('button', { name: 'Sign out' }));
    await heading(page, 'You have signed out');
    await page.goto(`${server.url}/staff/sign-in`);
    await heading(page, 'Sign in to the staff workspace');
    await type(page.getByLabel('Work email address'), 'fran@example.org');
    await type(page.getByLabel('Password'), STAFF_PASSWORD);
    await save(page, 'Continue');
    await heading(page, 'Enter the code from your authenticator app');
    await type(page.getByLabel('Enter the code from your authenticator app'), await codeFor(key));
    await save(page, 'Sign in');
    await heading(page, 'Your cases');

    // Triage: accept into a case.
    await press(page.getByRole('link', { name: 'Referrals' }));
    await heading(page, 'Referrals');
    await press(page.getByRole('link', { name: reference }));
    await heading(page, `Referral ${reference}`);
    await save(page, 'Accept');
    await heading(page, `Case ${reference}`);

    // People (the victim confirmed from the referral, the offender typed), stage moves, and the gate.
    await expect.poll(() => page.getByLabel('The victim: name').inputValue()).toBe('Vera Victim');
    await save(page, 'Confirm and add the victim');
    await heading(page, 'Vera Victim');
    await expect.poll(() => page.getByRole('main').textContent()).toContain('mobile after 6pm');
    await press(page.getByRole('link', { name: 'Back to the case' }));
    await press(page.locator('summary', { hasText: 'Add a participant' }));
    await press(page.getByLabel('Person responsible (offender)'));
    await type(page.getByLabel('Name', { exact: true }), 'Owen Offender');
    await save(page, 'Add participant');
    await heading(page, 'Owen Offender');
    await press(page.getByRole('link', { name: 'Back to the case' }));
    for (const move of ['Start contacting people', 'Start assessing']) {
      await press(page.getByLabel(move));
      await save(page, 'Save');
      await heading(page, `Case ${reference}`);
    }
    await press(page.getByLabel('Mark as ready'));
    await save(page, 'Save');
    await heading(page, `Case ${reference}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The case cannot be ready yet');
    const missing = await page.locator('#missing-essentials li').allTextContents();
    expect(missing).toContain('Vera Victim (victim): record informed consent');
    expect(missing).toContain('Owen Offender (person responsible): record that they accept some responsibility for the harm');

    // Complete both assessments.
    for (const name of ['Vera Victim', 'Owen Offender']) {
      await press(page.getByRole('link', { name }));
      await heading(page, name);
      const today = new Date().toISOString().slice(0, 10);
      await press(page.locator('#section-info').getByLabel('Phone'));
      await save(page, 'Save information given');
      await heading(page, name);
      await press(page.locator('#section-consent').getByLabel('Phone'));
      await save(page, 'Save consent');
      await heading(page, name);
      await press(page.locator('#section-willing').getByLabel('Yes'));
      await type(page.getByLabel('Why do they want to take part?'), 'To be heard');
      await type(page.getByLabel('What do they hope will come of it?'), 'Answers');
      await save(page, 'Save willingness');
      await heading(page, name);
      if (name === 'Owen Offender') {
        await press(page.getByLabel('Some responsibility'));
        await save(page, 'Save responsibility');
        await heading(page, name);
      }
      await press(page.getByLabel('Low'));
      await press(page.getByLabel('Suitable for letters or messages only'));
      await type(page.getByLabel('Reason for the decision'), 'Letters first, both agree');
      await save(page, 'Save risk assessment');
      await heading(page, name);
      await press(page.locator('#section-contact').getByLabel('Phone'));
      await type(page.getByLabel('What happened'), `Spoke on ${today}`);
      await save(page, 'Add to contact log');
      await heading(page, name);
      await expect.poll(() => page.locator('#section-contact').textContent()).toContain(`Spoke on ${today}`);
      await press(page.getByRole('link', { name: 'Back to the case' }));
      await heading(page, `Case ${reference}`);
    }
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Every essential is recorded');
    await press(page.getByLabel('Mark as ready'));
    await save(page, 'Save');
    await heading(page, `Case ${reference}`);
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Stage: Ready');
    await press(page.getByRole('link', { name: 'Cases', exact: true }));
    await heading(page, 'Your cases');

    // The worklist: the case with its next action; filtered by stage and found by name, keyboard only.
    const row = page.locator('tbody tr', { hasText: reference });
    await expect.poll(() => row.textContent()).toContain('Arrange the meeting or open the letter exchange');
    await page.getByLabel('Stage').focus();
    await page.keyboard.type('Referred');
    await press(page.getByRole('button', { name: 'Show cases' }));
    await heading(page, 'Your cases');
    expect(page.url()).toContain('stage=referred');
    await expect.poll(() => page.getByRole('main').textContent()).toContain('No cases match');
    await type(page.getByLabel('Find a case by reference or name'), 'vera vic');
    await save(page, 'Search');
    await heading(page, 'Your cases');
    expect(page.url()).not.toContain('vera');
    await expect.poll(() => page.locator('table', { hasText: 'Cases matching your search: 1' }).textContent()).toContain(reference);

    // Staff pages do not show "Exit this page".
    expect(await page.getByRole('button', { name: 'Emergency Exit this page' }).count()).toBe(0);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('the sign-in form is in a sensible tab order', async () => {
    const { context, page } = await openContext(browser, true);
    await page.goto(`${server.url}/staff/sign-in`);
    await page
      .locator('main')
      .focus()
      .catch(() => {});
    await page.getByLabel('Work email address').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Continue');
    await context.close();
  });
});
