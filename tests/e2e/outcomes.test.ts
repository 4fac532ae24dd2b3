// From ready to closed in Chromium, keyboard only (issue 12): the facilitator records a
// face-to-face conference, plans it with both people, confirms the preparation, records
// that it took place, records the agreement and its completion, ends the process, moves
// the case to outcome and closes it; the victim then answers the anonymous survey from
// their letters page, with JavaScript off. axe on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../setup/server';
import { codeFor, setUpTeam, staffPost, STAFF_PASSWORD, type SignedInStaff } from '../setup/staff';
import { buildExchange, type Exchange } from '../integration/exchange-fixture';
import { launch, openContext, expectPage, press, save, type } from './browser';

let server: TestServer;
let browser: Browser;
let fran: SignedInStaff;
let x: Exchange;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  ({ fran } = await setUpTeam(server));
  // A ready case with a letter exchange, both people assessed as able to meet too (set up over HTTP).
  x = await buildExchange(server, fran, { victim: 'Vera Meeting', offender: 'Owen Meeting' });
  const today = new Date().toISOString().slice(0, 10);
  for (const url of Object.values(x.participantUrls))
    await staffPost(fran, url, { section: 'risk', riskAssessedOn: today, revictimisationRisk: 'low', riskDecision: 'direct', riskReason: 'Both want to meet' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const heading = expectPage;
const main = (page: Page) => page.getByRole('main').textContent();

describe('from ready to closed', () => {
  it('a conference planned, held and recorded, an agreement completed, the case closed, and the victim’s anonymous feedback', async () => {
    const { context, page } = await openContext(browser, true);
    await page.goto(`${server.url}/staff/sign-in`);
    await type(page.getByLabel('Work email address'), 'fran@example.org');
    await type(page.getByLabel('Password'), STAFF_PASSWORD);
    await save(page, 'Continue');
    await heading(page, 'Enter the code from your authenticator app');
    await type(page.getByLabel('Enter the code from your authenticator app'), await codeFor(fran.key));
    await save(page, 'Sign in');
    await heading(page, 'Your cases');
    const reference = (await page.locator('tbody tr', { hasText: 'Ready' }).first().getByRole('link').first().textContent())!;
    await press(page.getByRole('link', { name: reference }));
    await heading(page, `Case ${reference}`);

    // The process, and the case moves on.
    await press(page.getByRole('link', { name: 'Processes, meetings and agreement' }));
    await heading(page, 'Processes, meetings and agreement');
    await press(page.getByLabel('Face-to-face conference'));
    await save(page, 'Record the process');
    await expect.poll(() => main(page)).toContain('Face-to-face conference, started');
    await heading(page, 'Processes, meetings and agreement');
    await press(page.getByRole('link', { name: 'Back', exact: true }));
    await heading(page, `Case ${reference}`);
    await press(page.getByLabel('Start the restorative process'));
    await save(page, 'Save');
    await expect.poll(() => main(page)).toContain('Stage: In progress');
    await heading(page, `Case ${reference}`);
    await press(page.getByRole('link', { name: 'Processes, meetings and agreement' }));

    // Plan the meeting with both people.
    await heading(page, 'Processes, meetings and agreement');
    await type(page.getByLabel('Time'), '10:00');
    await press(page.getByLabel('In person, at a venue'));
    await type(page.getByLabel('Venue’s name'), 'Community hall');
    await press(page.getByLabel('Vera Meeting (Victim)'));
    await press(page.getByLabel('Owen Meeting (Person responsible (offender))'));
    await save(page, 'Plan the meeting');
    await expect.poll(() => main(page)).toContain('Attending: Vera Meeting, Owen Meeting');
    await heading(page, 'Processes, meetings and agreement');

    // Prepare it, then record that it took place.
    await press(page.getByRole('link', { name: /at 10:00, in person/ }));
    await heading(page, /at 10:00/);
    await expect.poll(() => main(page)).toContain('Not yet confirmed');
    for (const check of ['Each person attending has been prepared', 'The venue is safe', 'Separate waiting rooms', 'Interpreter and accessibility needs'])
      await press(page.getByLabel(check));
    await save(page, 'Save the preparation');
    await expect.poll(() => main(page)).toContain('Everything is prepared.');
    await heading(page, /at 10:00/);
    await press(page.getByLabel('It took place'));
    await type(page.getByLabel('Your record of the meeting'), 'Both spoke; Owen apologised and offered to help');
    await save(page, 'Save the record');
    await heading(page, 'Processes, meetings and agreement');
    await expect.poll(() => main(page)).toContain('took place');

    // The agreement: one item, then its completion.
    await type(page.getByLabel('What was agreed'), 'A written apology');
    await page.getByLabel('Who does it').focus();
    await page.keyboard.type('Owen');
    await page.getByLabel('Due by').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await type(page.getByLabel('How you will know it is done'), 'The letter, approved and passed on');
    await save(page, 'Add the item');
    await expect.poll(() => main(page)).toContain('Apology: A written apology');
    await heading(page, 'Processes, meetings and agreement');
    await press(page.getByRole('link', { name: 'Apology: A written apology' }));
    await heading(page, 'Apology');
    await press(page.getByLabel('Done', { exact: true }));
    await save(page, 'Save');
    await heading(page, 'Processes, meetings and agreement');
    await expect.poll(() => page.locator('#agreement-items').textContent()).toContain('done');

    // End the process, reach outcome, close.
    await press(page.getByRole('link', { name: 'Face-to-face conference' }));
    await heading(page, 'Face-to-face conference');
    await press(page.getByLabel('It was completed'));
    await type(page.getByLabel('What came of it'), 'A full conference and an agreement');
    await save(page, 'Save');
    await heading(page, 'Processes, meetings and agreement');
    await press(page.getByRole('link', { name: 'Back', exact: true }));
    await heading(page, `Case ${reference}`);
    await press(page.getByLabel('Record that it reached an outcome'));
    await save(page, 'Save');
    await expect.poll(() => main(page)).toContain('Stage: Outcome');
    await heading(page, `Case ${reference}`);
    await press(page.getByLabel('Close the case'));
    await press(page.getByLabel('Completed, every agreed item done'));
    await save(page, 'Save');
    await heading(page, `Case ${reference}`);
    await expect.poll(() => main(page)).toContain('Stage: Closed (Completed, every agreed item done)');
    await context.close();

    // The victim answers the survey from their letters page, without JavaScript.
    const v = await openContext(browser, false);
    await v.page.goto(`${server.url}/letters`);
    await v.page.getByLabel('Reference').fill(x.victim.reference);
    await v.page.getByLabel('Passphrase', { exact: true }).fill(x.victim.passphrase);
    await save(v.page, 'Sign in');
    await v.page.waitForURL('**/letters/home');
    await heading(v.page, 'Your letters');
    await save(v.page, 'Tell us what you thought');
    await heading(v.page, 'Overall, how satisfied are you with the service?');
    await press(v.page.getByLabel('Very satisfied'));
    await save(v.page, 'Continue');
    for (const title of [
      'Did you feel safe while taking part?',
      'Did you feel listened to?',
      'Were you given enough information to choose whether to take part?',
      'Would you recommend restorative justice to someone in your position?',
      'Has it helped you cope and move on?',
    ]) {
      await v.page.waitForURL((u) => !u.pathname.endsWith('/satisfaction'));
      await heading(v.page, title);
      await press(v.page.getByLabel('Yes', { exact: true }));
      await save(v.page, 'Continue');
    }
    await heading(v.page, 'Is there anything else you want to tell us?');
    await type(v.page.getByLabel('Is there anything else you want to tell us?'), 'Thank you for making it feel safe');
    await save(v.page, 'Send your answers');
    await heading(v.page, 'Thank you');
    expect(await v.page.locator('.govuk-exit-this-page').count()).toBe(1);
    await v.context.close();
  });
});
