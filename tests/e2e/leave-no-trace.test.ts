// What a victim on a shared phone most needs: that whoever picks the phone up later cannot
// find out what they told us. And that a public page costs little of a data allowance.
// In Chromium, with JavaScript on and off.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_PAGES } from '../setup/public-pages';
import { queryDb, startServer, type TestServer } from '../setup/server';
import { EXIT_URL, expectPage, launch, openContext } from './browser';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ EXIT_PAGE_URL: EXIT_URL }), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const next = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();

/** Answers the first four questions: a choice, a choice, a choice and a place typed in. */
async function startReferral(page: Page) {
  await page.goto(`${server.url}/refer/who`);
  await page.getByLabel('I am the person who was harmed').check();
  await next(page);
  await expectPage(page, 'What happened?');
  await page.getByLabel(/^Burglary/).check();
  await next(page);
  await page.getByLabel('Between 1 and 12 months ago').check();
  await next(page);
  await page.getByLabel('Where did it happen?').fill('Handsworth, Birmingham');
  await next(page);
  await expectPage(page, 'Which area do you live in?');
  await next(page); // optional
  await expectPage(page, 'Has it been reported to the police?');
}

/** Whatever the page shows as chosen or typed. */
const shownAnswers = (page: Page) =>
  page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value),
    ...[...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type=text], textarea')].map((i) => i.value).filter(Boolean),
  ]);

for (const javaScriptEnabled of [true, false]) {
  describe(`Exit this page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('leaves nothing to find: Back and earlier addresses show nothing typed or chosen', async () => {
      const { context, page, offsite, exits } = await openContext(browser, javaScriptEnabled);
      await page.goto(`${server.url}/`);
      await startReferral(page);
      const before = await page.evaluate(() => history.length);

      await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
      await page.waitForURL(EXIT_URL);
      expect(exits).toEqual([EXIT_URL]);
      // The server ended the draft and cleared its cookies; the browser cleared the site.
      expect(await context.cookies(server.url)).toEqual([]);
      expect(queryDb(server.dbPath, 'select id from referral_drafts where answers like ?', '%Handsworth%')).toEqual([]);
      if (javaScriptEnabled) {
        // With JavaScript, the page exit was pressed on is replaced in the history.
        expect(await page.evaluate(() => history.length)).toBe(before);
      }

      // Back, page by page, to the start: nothing chosen or typed shows, though the
      // browser would restore a form's choices if the form let it.
      const seen: string[] = [];
      for (let i = 0; i < 8 && !page.url().endsWith('/refer/who'); i++) {
        await page.goBack();
        seen.push(new URL(page.url()).pathname);
        expect(await shownAnswers(page), page.url()).toEqual([]);
      }
      expect(seen).toContain('/refer/what-happened');
      expect(seen).toContain('/refer/where');
      if (javaScriptEnabled) expect(seen).not.toContain('/refer/police');

      // Opening an address again shows nothing either.
      await page.goto(`${server.url}/refer/check-answers`);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/Burglary|Handsworth/);
      expect(offsite).toEqual([]);
      await context.close();
    });
  });
}

describe('Exit this page by keyboard', () => {
  it('works as soon as the button shows, before any script file has arrived', async () => {
    const { context, page, exits } = await openContext(browser, true);
    // Hold every script file forever: only what is inside the page itself can run.
    await context.route('**/assets/*.js', () => {});
    await page.goto(`${server.url}/what-is-restorative-justice`, { waitUntil: 'commit' });
    const button = page.getByRole('button', { name: 'Emergency Exit this page' });
    await button.waitFor();
    await page.keyboard.press('Shift');
    // Screen readers hear how many more presses are needed.
    await expect.poll(() => page.locator('.govuk-exit-this-page [aria-live]').textContent()).toBe('Shift, press 2 more times to exit.');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    // (Playwright's held route can make its first go at the neutral site fail and retry,
    // so this waits for where the page ends up rather than for one clean navigation.)
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(EXIT_URL);
    expect(exits).toContain(EXIT_URL);
    await context.close();
  });
});

const FIRST_VISIT_LIMIT = 50 * 1024;
const NEXT_PAGE_LIMIT = 10 * 1024;

/** Bytes the browser fetched for the page it shows, from its own resource timings. */
const bytesOfPage = (page: Page) =>
  page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce(
      (sum, e) => sum + (e as PerformanceResourceTiming).transferSize,
      0,
    ),
  );

describe('what a public page costs', () => {
  it(`weighs at most ${FIRST_VISIT_LIMIT / 1024} KB on a first visit and ${NEXT_PAGE_LIMIT / 1024} KB for the next page`, async () => {
    const figures: string[] = [];
    const over: string[] = [];
    for (const [i, path] of PUBLIC_PAGES.entries()) {
      // A plain context: one that intercepts requests turns Chromium's cache off.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url + path);
      const first = await bytesOfPage(page);
      const nextPath = PUBLIC_PAGES[(i + 1) % PUBLIC_PAGES.length]!;
      await page.goto(server.url + nextPath);
      const second = await bytesOfPage(page);
      // No framework JavaScript: the React and Remix runtime stays on staff pages.
      expect(await page.evaluate(() => '__remixContext' in window), nextPath).toBe(false);
      figures.push(`${path}: first visit ${(first / 1024).toFixed(1)} KB, then ${nextPath} ${(second / 1024).toFixed(1)} KB`);
      if (first > FIRST_VISIT_LIMIT) over.push(`${path} first visit ${first} bytes`);
      if (second > NEXT_PAGE_LIMIT) over.push(`${nextPath} as the next page ${second} bytes`);
      await context.close();
    }
    console.log(figures.join('\n'));
    expect(over).toEqual([]);
  });
});
