// Pages the journeys do not pass through on their way: each is opened and held to axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExchange, sendLetter, type Exchange } from '../integration/exchange-fixture';
import { queryDb, startServer, type TestServer } from '../setup/server';
import { setUpStaff, type SignedInStaff } from '../setup/staff';
import { expectAccessible, launch, openContext } from './browser';

let server: TestServer;
let browser: Browser;
let manager: SignedInStaff;
let x: Exchange;

const managerId = () => (queryDb(server.dbPath, "select id from staff_users where email = 'mina@example.org'")[0] as { id: number }).id;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  manager = await setUpStaff(server, { email: 'mina@example.org', name: 'Mina Manager', role: 'manager' });
  x = await buildExchange(server, manager);
  await sendLetter(x.victim, 'A letter so the pages have something in them.');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('every other page passes axe', () => {
  it('in each language, with JavaScript off: the translated frame and a translated page, no sideways scroll at 320 px', async () => {
    const w = await openContext(browser, false);
    await w.page.setViewportSize({ width: 320, height: 640 });
    for (const [lang, heading] of [
      ['cy', 'Sut i adael y wefan hon yn gyflym a chuddio eich olion'],
      ['ur', 'اس سائٹ کو جلدی کیسے چھوڑیں اور اپنے نشانات کیسے مٹائیں'],
      ['pl', 'Jak szybko opuścić tę stronę i zatrzeć ślady'],
    ] as const) {
      // The language link in the header, as a person would choose it.
      await w.page.goto(`${server.url}/leave-this-site-quickly`);
      await w.page.locator(`a[hreflang="${lang}"]`).click();
      await expect.poll(() => w.page.getByRole('heading', { level: 1 }).first().textContent()).toBe(heading);
      expect(await w.page.getAttribute('html', 'lang')).toBe(lang);
      await expectAccessible(w.page);
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth), lang).toBeLessThanOrEqual(320);
      // A page not yet translated: English words, marked so, in the translated frame.
      await w.page.goto(`${server.url}/questions`);
      expect(await w.page.getAttribute('main', 'lang')).toBe('en');
      await expectAccessible(w.page);
    }
    expect(w.offsite).toEqual([]);
    await w.context.close();
  });

  it('manager and staff pages', async () => {
    const w = await openContext(browser, true);
    const url = new URL(server.url);
    await w.context.addCookies([...manager.visitor.cookies].map(([name, value]) => ({ name, value, domain: url.hostname, path: '/' })));
    for (const [path, heading] of [
      ['/staff/accounts', 'Staff accounts'],
      [`/staff/cases/${x.caseId}/audit`, 'Audit trail'],
      ['/staff/emails', 'Emails we send'],
      [`/staff/cases/${x.caseId}/letters`, 'Letter exchange'],
      [`/staff/cases/${x.caseId}/letters/print`, /Letter exchange, case/],
      ['/staff/cases', 'Cases'],
      [`/staff/accounts/${managerId()}`, 'Practitioner record'],
      ['/staff/complaints', 'Complaints'],
      ['/staff/data-protection', 'Data protection'],
      [`/staff/cases/${x.caseId}/hold`, 'Legal hold'],
      ['/staff/requests', 'People’s requests about their information'],
      [`/staff/subject-access/participant/${x.participantUrls.victim.split('/').pop()}`, 'Everything held about this person'],
      [`/staff/accounts/${managerId()}/activity`, 'What they viewed and did'],
      ['/privacy', 'Privacy'],
    ] as const) {
      await w.page.goto(`${server.url}${path}`);
      await expect.poll(() => w.page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(heading);
      await expectAccessible(w.page);
    }
    // On a 320 px phone a wide table scrolls in its own region: the page does not go sideways.
    await w.page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/staff/cases', '/staff', `/staff/cases/${x.caseId}/audit`, '/staff/data-protection', `/staff/accounts/${managerId()}/activity`]) {
      await w.page.goto(`${server.url}${path}`);
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    expect(w.offsite).toEqual([]);
    await w.context.close();
  });

  it('participant pages without JavaScript', async () => {
    const w = await openContext(browser, false);
    for (const [path, heading] of [
      ['/letters/set-up', 'Set up your letters'],
      ['/letters', 'Your letters'],
      ['/check-your-referral/deleted', 'Everything has been deleted'],
      ['/complaint', 'Make a complaint'],
    ] as const) {
      await w.page.goto(`${server.url}${path}`);
      await expect.poll(() => w.page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(heading);
      await expectAccessible(w.page);
      expect(await w.page.getByRole('button', { name: 'Emergency Exit this page' }).count()).toBe(1);
    }
    await w.context.close();
  });
});
