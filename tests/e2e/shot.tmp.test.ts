import { afterAll, beforeAll, it } from 'vitest';
import { buildExchange, sendLetter } from '../integration/exchange-fixture';
import { startServer, type TestServer } from '../setup/server';
import { setUpStaff, staffPost } from '../setup/staff';
import { launch } from './browser';
import type { Browser } from 'playwright-core';
let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
it('shot', async () => {
  const fran = await setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' });
  const x = await buildExchange(server, fran);
  const id = await sendLetter(
    x.offender,
    "Dear Vera,\nI am on B wing, cell 214 at HMP Example. Write to me direct. My prison number is A1234BC.\nEmail owen dot o at gmail dot com or ring (020) 7946 0018, or add me on snap as owen_77.\nYour lad still goes to Oakfield juniors, doesnt he, every Tuesday after school. Tell him I said hello. You'd better keep quiet about the appeal.\nOwen",
  );
  const page0 = await fran.visitor.get(`/staff/letters/${id}`);
  const versionId = /name="versionId" value="(\d+)"/.exec(page0.html)![1]!;
  await staffPost(fran, `/staff/letters/${id}`, {
    intent: 'flags-off',
    versionId,
    kind: 'custody',
    reason: 'The victim already writes to this prison through us.',
  });
  const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const url = new URL(server.url);
  await ctx.addCookies([...fran.visitor.cookies].map(([name, value]) => ({ name, value, domain: url.hostname, path: '/' })));
  const page = await ctx.newPage();
  await page.goto(`${server.url}/staff/letters/${id}`);
  await page.getByText('Turn off a kind of flag that is a false alarm here').click();
  await page.screenshot({ path: '/tmp/review-320.png', fullPage: true });
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.screenshot({ path: '/tmp/review-1100.png', fullPage: true });
}, 120_000);
