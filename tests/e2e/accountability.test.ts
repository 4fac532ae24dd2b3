// The agreement is the victim's own, and so is their say about the service (issue 23): a
// self-referrer signs in to "check your referral" with JavaScript off, reads the outcome
// agreement in their own words with each item's progress, agrees to it, and answers the
// survey from the same page. The staff side prints the agreement. axe on every page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, startServer, type TestServer } from '../setup/server';
import { setUpTeam, staffPost, type SignedInStaff } from '../setup/staff';
import { readySelfReferral, type SelfReferred } from '../integration/case-fixture';
import { expectPage, launch, openContext, press, save } from './browser';

let server: TestServer;
let browser: Browser;
let fran: SignedInStaff;
let c: SelfReferred;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  const team = await setUpTeam(server);
  fran = team.fran;
  // A call held and completed, with an agreed apology (set up over HTTP).
  c = await readySelfReferral(server, team);
  const today = new Date().toISOString().slice(0, 10);
  await staffPost(fran, `${c.caseUrl}/outcome`, { intent: 'start-process', processKind: 'phone_video', startedOn: today });
  await staffPost(fran, `${c.caseUrl}/outcome`, {
    intent: 'add-item',
    itemKind: 'apology',
    description: 'A written apology, passed on by the facilitator',
    participantId: String(c.offender),
    dueOn: today,
    evidence: 'The letter, read and passed on',
  });
  const processId = queryDb<{ id: number }>(server.dbPath, 'select id from processes where case_id = ?', c.caseId)[0]!.id;
  await staffPost(fran, `${c.caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'They talked' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the victim’s own agreement and survey', () => {
  it('reads the agreement in their own words, agrees to it, and answers the survey from “check your referral”, without JavaScript', async () => {
    const { context, page } = await openContext(browser, false);
    await page.goto(`${server.url}/check-your-referral`);
    await page.getByLabel('Reference').fill(c.reference);
    await page.getByLabel('Passphrase', { exact: true }).fill(c.passphrase);
    await save(page, 'Sign in');
    await page.waitForURL('**/check-your-referral/status');
    await expectPage(page, 'Your referral');
    await press(page.getByRole('link', { name: 'Your outcome agreement' }));
    await expectPage(page, 'Your outcome agreement');
    const agreement = await page.getByRole('main').textContent();
    expect(agreement).toContain('The person who harmed you');
    expect(agreement).toContain('Not done yet');
    expect(agreement).not.toContain('Quentin');
    await save(page, 'I agree to this agreement');
    await expectPage(page, 'Your outcome agreement');
    expect(await page.getByRole('main').textContent()).toContain('We have recorded that you agree');
    expect(await page.locator('.govuk-exit-this-page').count()).toBe(1);
    await press(page.getByRole('link', { name: 'Back', exact: true }));
    await expectPage(page, 'Your referral');
    await save(page, 'Tell us what you thought');
    await expectPage(page, 'Overall, how satisfied are you with the service?');
    await press(page.getByLabel('Very satisfied'));
    await save(page, 'Continue');
    for (let i = 0; i < 5; i++) {
      await page.waitForURL((u) => !u.pathname.endsWith('/satisfaction'));
      await press(page.getByLabel('Yes', { exact: true }));
      await save(page, 'Continue');
    }
    await expectPage(page, 'Is there anything else you want to tell us?');
    await save(page, 'Send your answers');
    await expectPage(page, 'Thank you');
    await context.close();
    expect(queryDb(server.dbPath, 'select how from agreement_consents where participant_id = ?', c.victim)).toEqual([{ how: 'online' }]);

    // The facilitator's printable agreement shows who agreed, without names in print.
    const staff = await openContext(browser, true);
    await staff.context.addCookies([...fran.visitor.cookies].map(([name, value]) => ({ name, value, url: server.url })));
    await staff.page.goto(`${server.url}${c.caseUrl}/agreement`);
    await expectPage(staff.page, 'Outcome agreement');
    await staff.page.emulateMedia({ media: 'print' });
    const printed = await staff.page.locator('body').innerText();
    expect(printed).toContain('The victim: agreed on');
    expect(printed).not.toMatch(/Quentin|Record an agreement|Fran/);
    await staff.context.close();
  });
});
