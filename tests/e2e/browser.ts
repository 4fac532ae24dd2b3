// Debian's Chromium under Playwright, with every request off this machine blocked and
// recorded, and an axe check for WCAG 2.2 AA.
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Route } from 'playwright-core';
import { expect } from 'vitest';

export const EXIT_URL = 'https://exit.example/weather';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Watched = {
  context: BrowserContext;
  page: Page;
  offsite: string[];
  exits: string[];
  documents: { url: string; cacheControl: string | undefined }[];
};

const javaScriptOn = new WeakMap<BrowserContext, boolean>();

export async function openContext(browser: Browser, javaScriptEnabled: boolean): Promise<Watched> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
  javaScriptOn.set(context, javaScriptEnabled);
  const offsite: string[] = [];
  const exits: string[] = [];
  const documents: Watched['documents'] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
    if (url.href === EXIT_URL) {
      exits.push(url.href);
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Weather</p>' });
    }
    offsite.push(url.href);
    return route.abort();
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('response', (r) => {
    // Whole pages, and the data Remix fetches for a page when JavaScript is on.
    const type = r.request().resourceType();
    if ((type === 'document' || type === 'fetch') && new URL(r.url()).hostname === 'localhost') {
      documents.push({ url: new URL(r.url()).pathname, cacheControl: r.headers()['cache-control'] });
    }
  });
  page.on('pageerror', (e) => {
    throw e;
  });
  return { context, page, offsite, exits, documents };
}

/**
 * axe needs JavaScript in the page. For a page open with JavaScript off, the exact HTML
 * it received (scripts removed) is served again at the same address to a checker page
 * with JavaScript on, so styles load from the same origin and axe sees the no-JS page.
 */
const checkers = new WeakMap<Browser, Promise<Page>>();

async function pageToCheck(page: Page): Promise<{ target: Page; close: () => Promise<void> }> {
  if (javaScriptOn.get(page.context()) !== false) return { target: page, close: async () => {} };
  const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '');
  const url = page.url();
  // One checker page per browser, reused: a new context for every check cost more than the check.
  const browser = page.context().browser()!;
  if (!checkers.has(browser))
    checkers.set(
      browser,
      browser.newContext().then((c) => c.newPage()),
    );
  const target = await checkers.get(browser)!;
  const serve = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html', body: html });
  await target.route(url, serve);
  await target.goto(url);
  return { target, close: () => target.unroute(url, serve) };
}

export async function expectAccessible(page: Page) {
  const { target, close } = await pageToCheck(page);
  // Only violations are reported in full: axe then skips gathering the details of what passed.
  const results = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    // Our pages have no frames: legacy mode runs axe in the page itself, where the default
    // opened a new blank page for every check to merge frames' results (a third of the time).
    .setLegacyMode()
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  // axe 4 no longer reports duplicate ids (WCAG 2.2 dropped 4.1.1), but a duplicate id
  // still breaks labels and error links, so every checked page is held to it too.
  const duplicateIds = await target.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  await close();
  expect(summary, `axe on ${page.url()}`).toEqual([]);
  expect(duplicateIds, `duplicate ids on ${page.url()}`).toEqual([]);
}

/** Waits for the page's one h1 to match, then checks the page with axe. */
export async function expectPage(page: Page, heading: string | RegExp) {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(heading);
  // Titles land in the browser's history: never a reference (lint keeps titles fixed strings).
  expect(await page.title(), page.url()).not.toMatch(/\b[A-Z]{1,3}-[A-Z0-9]{4}-[A-Z0-9]{4}\b/);
  await expectAccessible(page);
}

// Keyboard only: move focus with the keyboard's own targets and act with keys, never a click.
export async function type(l: Locator, text: string) {
  await l.focus();
  await l.page().keyboard.press('ControlOrMeta+A');
  await l.page().keyboard.type(text);
}
export async function press(l: Locator) {
  await l.focus();
  await l.page().keyboard.press((await l.evaluate((e) => e.tagName)) === 'INPUT' ? 'Space' : 'Enter');
}
/**
 * Presses a form's button. With JavaScript off the browser loads a new document, which may
 * carry the same heading as the old one ("saved", or an error): wait for it, so that what is
 * checked next is the answer and not the page the form was sent from.
 */
export async function save(page: Page, name: string) {
  const button = page.getByRole('button', { name });
  if (javaScriptOn.get(page.context()) !== false) return press(button);
  await Promise.all([page.waitForNavigation(), press(button)]);
}
