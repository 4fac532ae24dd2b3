// Staff pages change without loading a new document (React runs there), so focus must be
// moved as a new page would place it (issue 26): to the heading after a link, to the error
// summary after every failed submission, to the success banner after a saved change. The
// workspace's navigation sits outside <main>, so "Skip to main content" skips it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../setup/server';
import { setUpStaff } from '../setup/staff';
import { launch, openContext, expectPage, press, type } from './browser';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What has focus: its tag, and its text's start. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return { tag: e?.tagName.toLowerCase(), text: (e?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40), inMain: !!e?.closest('main') };
  });

describe('focus in the staff workspace', () => {
  it('moves to the heading, the error summary each time, and the success banner', async () => {
    // A manager, signed in over HTTP; the browser takes their session cookie.
    const morgan = await setUpStaff(server, { email: 'morgan@example.org', name: 'Morgan Manager', role: 'manager' });
    const { context, page } = await openContext(browser, true);
    await context.addCookies([...morgan.visitor.cookies].map(([name, value]) => ({ name, value, url: server.url })));
    await page.goto(`${server.url}/staff/cases`);
    await expectPage(page, 'Cases');

    // The navigation is outside <main>: from the skip link, the next tab stop is in the page.
    expect(await page.locator('main nav[aria-label="Workspace"]').count()).toBe(0);
    expect(await page.locator('nav[aria-label="Workspace"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).inMain).toBe(true);

    // A link in the navigation: focus lands on the new page's heading, not on the link.
    await press(page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Reports' }));
    await expectPage(page, 'Reports');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: 'Reports' });

    // A form that fails, twice: the error summary takes focus both times.
    await press(page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Staff accounts' }));
    await expectPage(page, 'Staff accounts');
    for (const attempt of [1, 2]) {
      await press(page.getByRole('button', { name: 'Make account' }));
      await expect.poll(() => focused(page), { message: `failed submission ${attempt}` }).toMatchObject({ text: expect.stringMatching(/^There is a problem/) });
    }

    // A change that is saved: the banner that says so takes focus (role="alert": read out).
    await type(page.getByLabel('Name'), 'Nia New');
    await type(page.getByLabel('Work email address'), 'nia@example.org');
    await press(page.getByLabel('Facilitator'));
    await press(page.getByRole('button', { name: 'Make account' }));
    await expect.poll(() => focused(page)).toMatchObject({ text: expect.stringMatching(/^Done/) });
    await context.close();
  });
});
