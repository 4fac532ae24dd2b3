// Shuttle mediation in Chromium with two participants in separate browsers (JavaScript
// off for both) and the facilitator in a third: the victim writes, the facilitator
// returns it with a comment, the victim revises, the facilitator passes it on with a
// redaction, the offender reads it (and never saw the first version), replies, and the
// reply is printed; a letter on paper; a pause. axe on every page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExchange, type Exchange } from '../integration/exchange-fixture';
import { startServer, type TestServer } from '../setup/server';
import { setUpStaff, type SignedInStaff } from '../setup/staff';
import { expectAccessible, launch, openContext, type Watched, expectPage } from './browser';

let server: TestServer;
let browser: Browser;
let fran: SignedInStaff;
let x: Exchange;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  fran = await setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' });
  x = await buildExchange(server, fran);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const heading = expectPage;

/** A browser signed in as a participant, with JavaScript off. */
async function participant(reference: string, passphrase: string): Promise<Watched> {
  const w = await openContext(browser, false);
  await w.page.goto(`${server.url}/letters`);
  await heading(w.page, 'Your letters');
  await w.page.getByLabel('Reference').fill(reference);
  await w.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await w.page.getByRole('button', { name: 'Sign in' }).click();
  await heading(w.page, 'Your letters');
  return w;
}

/** The facilitator's browser, signed in by copying the session cookie the test made over HTTP. */
async function facilitator(): Promise<Watched> {
  const w = await openContext(browser, true);
  const url = new URL(server.url);
  await w.context.addCookies([...fran.visitor.cookies].map(([name, value]) => ({ name, value, domain: url.hostname, path: '/' })));
  return w;
}

describe('letters in the browser', () => {
  it('write, return, revise, redact, read, reply, print; paper; pause', async () => {
    const victim = await participant(x.victim.reference, x.victim.passphrase);
    const offender = await participant(x.offender.reference, x.offender.passphrase);
    const staff = await facilitator();
    const v = victim.page;
    const o = offender.page;
    const f = staff.page;

    // The victim writes and sends.
    await v.getByRole('button', { name: 'Write a letter' }).click();
    await heading(v, 'Write a letter');
    await v.getByLabel(/Your letter/).fill('FIRST DRAFT. You broke my window and my trust.');
    await v.getByRole('button', { name: 'Preview' }).click();
    await heading(v, 'Check your letter');
    await v.getByRole('button', { name: 'Send to my facilitator' }).click();
    await heading(v, 'Your letters');
    expect(await v.getByRole('main').textContent()).toContain('With the facilitator: being read');

    // The facilitator returns it with a comment.
    await f.goto(`${server.url}/staff/letters`);
    await heading(f, 'Letters to review');
    await f
      .getByRole('link', { name: /^Letter \d+$/ })
      .first()
      .click();
    await heading(f, /^Letter \d+$/);
    await f.getByLabel('Return it to the author with a comment').check();
    await f.getByLabel('Comment for the author').fill('Could you tell them how it felt?');
    await f.getByRole('button', { name: 'Save decision' }).click();
    await heading(f, /^Letter \d+$/);

    // The victim revises, with a phone number in it.
    await v.reload();
    await heading(v, 'Your letters');
    await v.getByRole('link', { name: 'Change and send again' }).click();
    await heading(v, 'Write a letter');
    expect(await v.locator('#facilitator-comment').textContent()).toContain('Could you tell them how it felt?');
    await v.getByLabel(/Your letter/).fill('SECOND VERSION. I was scared to be at home. Call 07700 900982 if you want to say sorry.');
    await v.getByRole('button', { name: 'Preview' }).click();
    await v.getByRole('button', { name: 'Send to my facilitator' }).click();
    await heading(v, 'Your letters');

    // The facilitator sees the flag and passes it on with the number removed.
    await f.goto(`${server.url}/staff/letters`);
    await f
      .getByRole('link', { name: /^Letter \d+$/ })
      .first()
      .click();
    await heading(f, /^Letter \d+$/);
    expect(await f.locator('#safety-flags').textContent()).toContain('“07700 900982”: looks like a phone number');
    expect(await f.locator('#letter-under-review mark').first().textContent()).toBe('07700 900982');
    await f.getByLabel('Pass it on', { exact: true }).check();
    await f.getByLabel('Phone number: “07700 900982”').check();
    await f.getByRole('button', { name: 'Save decision' }).click();
    await heading(f, /^Letter \d+$/);

    // The offender reads it: the second version, redacted; never the first.
    await o.reload();
    await heading(o, 'Your letters');
    await o.getByRole('link', { name: /Letter passed on/ }).click();
    await heading(o, 'A letter for you');
    const text = await o.locator('#letter-text').textContent();
    expect(text).toContain('SECOND VERSION. I was scared to be at home. Call [removed by the facilitator] if you want to say sorry.');
    expect(text).not.toContain('07700');
    expect(await o.content()).not.toContain('FIRST DRAFT');

    // The offender replies; the facilitator passes it on and prints it.
    await o.getByRole('link', { name: 'Back' }).click();
    await o.getByRole('button', { name: 'Write a letter' }).click();
    await o.getByLabel(/Your letter/).fill('REPLY. I am sorry. I was wrong.');
    await o.getByRole('button', { name: 'Preview' }).click();
    await o.getByRole('button', { name: 'Send to my facilitator' }).click();
    await heading(o, 'Your letters');
    await f.goto(`${server.url}/staff/letters`);
    await f
      .getByRole('link', { name: /^Letter \d+$/ })
      .first()
      .click();
    await f.getByLabel('Pass it on', { exact: true }).check();
    await f.getByRole('button', { name: 'Save decision' }).click();
    await heading(f, /^Letter \d+$/);
    await f.getByRole('link', { name: 'Print it for delivery' }).click();
    await heading(f, 'A letter for you');
    expect(await f.locator('#letter-text').textContent()).toContain('REPLY. I am sorry. I was wrong.');
    expect(await f.getByRole('main').textContent()).not.toMatch(/Vera|Owen/);

    // A letter that came on paper is typed in and goes through the same review.
    await f.goto(`${server.url}/staff/cases/${x.caseId}/letters`);
    await heading(f, 'Letter exchange');
    await f.getByText('Record a letter received on paper').click();
    await f.getByLabel('Written by').selectOption({ label: 'Owen Offender' });
    await f.getByLabel('For', { exact: true }).selectOption({ label: 'Vera Victim' });
    await f
      .getByLabel('The letter, typed in as written')
      .fill(
        'PAPER. Written in my cell. Write back to me on B wing, cell 214. Email owen dot o at gmail dot com, or add me on snap as owen_77. ' +
          'Your lad still goes to Oakfield juniors, doesnt he. Youd better keep quiet about court.',
      );
    await f.getByRole('button', { name: 'Record the letter for review' }).click();
    await heading(f, /^Letter \d+$/);
    expect(await f.getByRole('main').textContent()).toContain('received on paper');

    // The new kinds of flag, each saying why.
    const flags = f.locator('#safety-flags');
    for (const [kind, why] of [
      ['Where someone is held in prison', '“B wing”: where someone is held: wing, landing or cell'],
      ['Email address', '“owen dot o at gmail dot com”: looks like an email address spelled out'],
      ['Social media', '“snap as owen_77”: a handle named after a social media platform'],
      ['Place where someone can be found', '“goes to Oakfield juniors”: a school or nursery named'],
      ['Threat or pressure', '“better keep quiet”: pressure to keep quiet'],
    ]) {
      expect(await flags.textContent()).toContain(kind);
      expect(await flags.textContent()).toContain(why);
    }
    expect(await f.locator('#letter-under-review mark').count()).toBeGreaterThanOrEqual(6);

    // A kind turned off needs a reason, then leaves the list and the highlights, and can come back.
    await f.getByText('Turn off a kind of flag that is a false alarm here').click();
    await f.getByLabel(/^Where someone is held in prison \(\d/).check();
    await f.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => f.getByRole('alert').textContent()).toContain('Say why these flags are a false alarm in this letter');
    await expectAccessible(f);
    await f.getByLabel(/^Where someone is held in prison \(\d/).check();
    await f.getByLabel('Why is it a false alarm in this letter?').fill('The victim already writes to him at this prison through us.');
    await f.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => f.locator('#flags-turned-off').textContent()).toContain('The victim already writes to him at this prison through us.');
    expect(await flags.textContent()).not.toContain('B wing');
    expect(await f.locator('#letter-under-review mark', { hasText: 'B wing' }).count()).toBe(0);
    await expectAccessible(f);
    await f.getByRole('button', { name: 'Turn where someone is held in prison flags back on' }).click();
    await expect.poll(() => flags.textContent()).toContain('B wing');
    expect(await f.locator('#flags-turned-off').count()).toBe(0);

    // The victim pauses: the exchange freezes and the paper letter cannot be passed on.
    await v.reload();
    await v.getByRole('link', { name: 'Pause or stop the letters' }).click();
    await heading(v, 'Pause or stop the letters');
    await v.getByRole('button', { name: 'Pause the letters' }).click();
    await heading(v, 'Your letters');
    expect(await v.locator('#exchange-paused').textContent()).toContain('paused');
    await f.reload();
    await f.getByLabel('Pass it on', { exact: true }).check();
    await f.getByRole('button', { name: 'Save decision' }).click();
    await expect.poll(() => f.getByRole('alert').textContent()).toContain('The exchange is paused or stopped');
    await expectAccessible(f);

    for (const w of [victim, offender, staff]) {
      expect(w.offsite).toEqual([]);
      for (const d of w.documents.filter((d) => d.url.startsWith('/letters'))) expect(d.cacheControl, d.url).toBe('no-store');
    }
    expect(await v.getByRole('button', { name: 'Emergency Exit this page' }).count()).toBe(1);
    await Promise.all([victim, offender, staff].map((w) => w.context.close()));
  });
});
