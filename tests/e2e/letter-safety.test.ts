// A letter cannot leave with an unchecked flag (issue 25), in Chromium, keyboard only, axe on
// every page: the first reader, JavaScript off, is refused "Pass it on" until each standing
// flag is removed or kept with a reason; a kept threat then waits; a manager, JavaScript on,
// reads it again and lets it go. With JavaScript on, the first reader is refused the same way.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExchange, everythingSeenBy, sendLetter, type Exchange } from '../integration/exchange-fixture';
import { startServer, type TestServer } from '../setup/server';
import { setUpStaff, type SignedInStaff } from '../setup/staff';
import { expectPage, launch, openContext, press, save, type } from './browser';

let server: TestServer;
let browser: Browser;
let fran: SignedInStaff;
let mo: SignedInStaff;
let x: Exchange;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  [fran, mo] = await Promise.all([
    setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' }),
    setUpStaff(server, { email: 'mo@example.org', name: 'Mo Manager', role: 'manager' }),
  ]);
  x = await buildExchange(server, fran);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function asStaff(who: SignedInStaff, javaScript: boolean) {
  const w = await openContext(browser, javaScript);
  await w.context.addCookies([...who.visitor.cookies].map(([name, value]) => ({ name, value, url: server.url })));
  return w;
}

const LETTER = 'I am sorry for what I did. You should think hard about dropping the statement before the trial.';

describe('every flag answered, and a second reader for a kept threat', () => {
  it('refuses “Pass it on” without a reason per flag, then waits for a manager, who lets it go', async () => {
    const letterId = await sendLetter(x.offender, LETTER);
    const first = await asStaff(fran, false);
    await first.page.goto(`${server.url}/staff/letters/${letterId}`);
    await expectPage(first.page, `Letter ${letterId}`);
    await press(first.page.getByLabel('Pass it on', { exact: true }));
    await save(first.page, 'Save decision');
    await expectPage(first.page, `Letter ${letterId}`);
    const summary = first.page.locator('.govuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Say why these words can stay, or select them above to remove them');
    expect(await everythingSeenBy(x.victim)).not.toContain('dropping the statement');

    // Each reason box, by keyboard.
    const boxes = first.page.getByLabel(/^Why can “/);
    const n = await boxes.count();
    expect(n).toBeGreaterThan(0);
    await press(first.page.getByLabel('Pass it on', { exact: true }));
    for (let i = 0; i < n; i++) await type(boxes.nth(i), 'The victim asked to see his words as written');
    await save(first.page, 'Save decision');
    await expectPage(first.page, `Letter ${letterId}`);
    expect(await first.page.getByRole('heading', { name: 'Waiting for a second reader' }).count()).toBe(1);
    expect(await first.page.getByRole('main').textContent()).toContain('A manager who did not make the first decision reads it next');
    await first.context.close();
    expect(await everythingSeenBy(x.victim)).not.toContain('dropping the statement');

    // The manager, JavaScript on: the queue says it waits; they read it and agree.
    const second = await asStaff(mo, true);
    await second.page.goto(`${server.url}/staff/letters`);
    await expectPage(second.page, 'Letters to review');
    expect(await second.page.getByRole('main').textContent()).toContain('Waiting for a second reader');
    await press(second.page.getByRole('link', { name: `Letter ${letterId}` }));
    await expectPage(second.page, `Letter ${letterId}`);
    expect(await second.page.getByRole('main').textContent()).toContain('Kept because: The victim asked to see his words as written');
    await press(second.page.getByLabel('Yes, pass it on'));
    await save(second.page, 'Save the second reading');
    await expect.poll(async () => (await second.page.getByRole('main').textContent()) ?? '').toContain('Read again and agreed by Mo Manager');
    await expectPage(second.page, `Letter ${letterId}`);
    await second.context.close();
    expect(await everythingSeenBy(x.victim)).toContain('dropping the statement');
  });

  it('with JavaScript on, the first reader is refused the same way, the error linked to the reason box', async () => {
    const letterId = await sendLetter(x.offender, `${LETTER} I know your son goes to Oakfield Primary School.`);
    const first = await asStaff(fran, true);
    await first.page.goto(`${server.url}/staff/letters/${letterId}`);
    await expectPage(first.page, `Letter ${letterId}`);
    await press(first.page.getByLabel('Pass it on', { exact: true }));
    await save(first.page, 'Save decision');
    const summary = first.page.locator('.govuk-error-summary');
    await expect.poll(() => summary.count()).toBe(1);
    await expectPage(first.page, `Letter ${letterId}`);
    // The summary's first link takes focus to a reason box.
    await press(summary.getByRole('link').first());
    expect(await first.page.evaluate(() => document.activeElement?.getAttribute('name'))).toMatch(/^keep-\d+-\d+$/);
    await first.context.close();
    expect(await everythingSeenBy(x.victim)).not.toContain('Oakfield');
  });
});
