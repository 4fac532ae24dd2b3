// A victim's first visit, in Chromium: learn, refer anonymously, save the passphrase,
// come back, send a message, sign out. Once with JavaScript on and once with it off;
// axe on every page; nothing requested from anywhere but this machine.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../setup/server';
import { EXIT_URL, launch, openContext, expectPage } from './browser';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ EXIT_PAGE_URL: EXIT_URL }), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const check = expectPage;

async function next(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

for (const javaScriptEnabled of [true, false]) {
  describe(`self-referral journey, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('learn, refer anonymously, come back, message, sign out', async () => {
      const { context, page, offsite, documents } = await openContext(browser, javaScriptEnabled);
      await page.goto(`${server.url}/`);
      await check(page, 'Restorative justice: a chance to be heard');
      await expect.poll(() => page.getByRole('button', { name: 'Emergency Exit this page' }).isVisible()).toBe(true);

      for (const [link, heading] of [
        ['What restorative justice is', 'What restorative justice is'],
        ['The ways it can happen', 'The ways it can happen'],
        ['Is it right for me?', 'Is it right for me?'],
        ['What happens when you get in touch', 'What happens when you get in touch'],
        ['What the evidence says', 'What the evidence says'],
        ['Questions people ask', 'Questions people ask'],
      ] as const) {
        await page.getByRole('link', { name: link }).first().click();
        await check(page, heading);
      }
      for (const [link, heading] of [
        ['For professionals', 'Referring someone: for professionals'],
        ['Leave this site quickly', 'How to leave this site quickly and cover your tracks'],
        ['Privacy', 'Privacy'],
        ['Accessibility statement', 'Accessibility statement'],
        ['Contact us', 'Contact us'],
      ] as const) {
        await page.getByRole('contentinfo').getByRole('link', { name: link }).click();
        await check(page, heading);
      }

      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Refer yourself' }).click();
      await check(page, 'Refer yourself');
      await page.getByRole('button', { name: 'Start now' }).click();

      await check(page, 'Are you the person who was harmed?');
      await next(page);
      await check(page, 'Are you the person who was harmed?'); // error shown on the same page
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await page.getByRole('link', { name: 'Select whether you were harmed' }).click();
      await page.getByLabel('I am the person who was harmed').check();
      await next(page);

      await check(page, 'What happened?');
      await page.getByLabel('Something else').check();
      await page.getByLabel('Tell us in a few words (optional)').fill('My bike was taken from outside work');
      await next(page);

      await check(page, 'Roughly when did it happen?');
      await page.getByLabel('Between 1 and 12 months ago').check();
      await next(page);

      await check(page, 'Where did it happen?');
      await next(page); // optional

      await check(page, 'Which area do you live in?');
      await page.getByLabel('Sandwell').check();
      await next(page);

      await check(page, 'Has it been reported to the police?');
      await page.getByLabel('I am not sure').check();
      await next(page);

      await check(page, 'Where are things now?');
      await page.getByLabel('I am not sure').check();
      await next(page);

      await check(page, 'Do you know who harmed you?');
      await page.getByLabel('No', { exact: true }).check();
      await next(page);

      await check(page, 'What kind of contact might you want?');
      await page.getByLabel('Writing letters to each other').check();
      await next(page);

      await check(page, 'Is there anything you would want to ask or say?');
      await page.getByLabel('Is there anything you would want to ask or say?').fill('Why my bike?');
      await next(page);

      await check(page, 'How can we contact you?');
      await page.getByLabel('Do not contact me. I will check back online').check();
      await next(page);

      await check(page, 'Do you need any support?');
      await page.getByLabel('I do not need any of these').check();
      await next(page);

      await check(page, 'How did you hear about us?');
      await next(page); // optional

      await check(page, 'Check your answers before sending');
      await page.getByRole('link', { name: /Change.*roughly when did it happen/i }).click();
      await check(page, 'Roughly when did it happen?');
      await page.getByLabel('More than 5 years ago').check();
      await next(page);
      await check(page, 'Check your answers before sending');
      await expect.poll(() => page.getByRole('main').textContent()).toContain('More than 5 years ago');
      await page.getByLabel('What I have told you is true, as far as I know').check();
      await page.getByRole('button', { name: 'Send referral' }).click();

      await check(page, 'Referral sent');
      const reference = (await page.locator('.govuk-panel__body strong').textContent())!;
      const passphrase = (await page.locator('#passphrase').textContent())!;
      expect(reference).toMatch(/^RJ-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const words = passphrase.split(' ');
      expect(words).toHaveLength(7);
      for (const input of await page.locator('input[name^="word"]').all()) {
        const n = Number((await input.getAttribute('name'))!.slice(4));
        await input.fill(words[n - 1]!);
      }
      await page.getByRole('button', { name: 'I have saved it' }).click();
      await check(page, 'What happens next');

      await page.getByRole('link', { name: 'Check your referral' }).last().click();
      await check(page, 'Check your referral');
      await page.getByLabel('Reference').fill(reference);
      await page.getByLabel('Passphrase', { exact: true }).fill('wrong words entirely');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await check(page, 'Check your referral');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('The reference or passphrase is not right');
      await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await check(page, 'Your referral');
      await expect.poll(() => page.getByRole('main').textContent()).toContain('Received');
      await page.getByLabel('Send a message').fill('Is anyone there?');
      await page.getByRole('button', { name: 'Send message' }).click();
      await check(page, 'Your referral');
      await expect.poll(() => page.getByRole('main').textContent()).toContain('Is anyone there?');

      await page.getByRole('link', { name: 'Withdraw your referral' }).click();
      await check(page, 'Withdraw your referral');
      await page.getByRole('link', { name: 'Back' }).click();
      await page.getByRole('link', { name: 'Delete everything you told us' }).click();
      await check(page, 'Delete everything you told us');
      await page.getByRole('link', { name: 'Back' }).click();
      await check(page, 'Your referral');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await check(page, 'You have signed out');

      // Every page of the flow and the return area was sent no-store.
      const flow = documents.filter((d) => d.url.startsWith('/refer') || d.url.startsWith('/check-your-referral'));
      expect(flow.length).toBeGreaterThan(5);
      for (const d of flow) expect(d.cacheControl, d.url).toBe('no-store');
      expect(offsite).toEqual([]);
      await context.close();
    });
  });
}
