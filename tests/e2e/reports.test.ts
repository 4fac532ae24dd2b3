// A manager's reports in Chromium: the charts are images with names screen readers read,
// the page passes axe, and each CSV download opens with the CSV library's parser.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExchange } from '../integration/exchange-fixture';
import { startServer, type TestServer } from '../setup/server';
import { setUpStaff, type SignedInStaff } from '../setup/staff';
import { expectAccessible, launch, openContext } from './browser';

let server: TestServer;
let browser: Browser;
let manager: SignedInStaff;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  manager = await setUpStaff(server, { email: 'rita@example.org', name: 'Rita Reports', role: 'manager' });
  await buildExchange(server, manager);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('reports', () => {
  it('shows this quarter as charts with their figures, and downloads both files', async () => {
    const w = await openContext(browser, true);
    const url = new URL(server.url);
    await w.context.addCookies([...manager.visitor.cookies].map(([name, value]) => ({ name, value, domain: url.hostname, path: '/' })));
    await w.page.goto(`${server.url}/staff`);
    await w.page.getByRole('link', { name: 'Reports' }).click();
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');
    // The chart is one image, named by its title and described.
    const chart = w.page.getByRole('img', { name: 'Referrals by month' });
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-labelledby')).toBe('by-month-title by-month-desc');
    await w.page.getByText('Show the figures as a table').first().click();
    await expect.poll(() => w.page.getByRole('table', { name: 'Referrals by month' }).isVisible()).toBe(true);
    await expectAccessible(w.page);

    for (const [link, first] of [
      ['Download the commissioner’s return (CSV)', 'Section'],
      ['Download the case extract (CSV, no names or free text)', 'Reference'],
    ] as const) {
      const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('link', { name: link }).click()]);
      const bytes = readFileSync((await download.path())!);
      const rows = parse(bytes, { bom: true }) as string[][];
      expect(rows[0]![0]).toBe(first);
      expect(rows.length).toBeGreaterThan(1);
    }

    await w.page.getByRole('link', { name: 'What each figure counts' }).click();
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('What the reports count');
    await expectAccessible(w.page);
    expect(w.offsite).toEqual([]);
    await w.context.close();
  });
});
