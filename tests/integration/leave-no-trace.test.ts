// What "Exit this page" and an abandoned referral leave behind, seen as someone who picks
// up the phone later (replaying the cookies it held) or reads the database would see it.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, startServer, textOf, Visitor, type TestServer } from '../setup/server';
import { referInFull, signIn, STEP_ORDER } from './flow';
import { referralAnswers } from './referral-answers';

const EXIT_URL = 'https://exit.example/weather';
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ EXIT_PAGE_URL: EXIT_URL });
});
afterAll(() => server?.stop());

/** Answers the first few questions, as someone who has not finished. */
async function startReferral(v: Visitor, steps = 4) {
  const answers = referralAnswers();
  for (const slug of STEP_ORDER.slice(0, steps)) await v.post(`/refer/${slug}`, answers[slug] ?? {});
}

/** Follows "Exit this page" without going on to the (off-line) neutral site. */
async function exit(v: Visitor) {
  const res = await fetch(new URL('/exit', server.url), { redirect: 'manual', headers: { Cookie: v.cookieHeader() } });
  await res.arrayBuffer();
  return res;
}

/** A second visitor holding copies of the first one's cookies: the phone, picked up later. */
function copyOf(v: Visitor): Visitor {
  const later = new Visitor(server.url);
  for (const [k, x] of v.cookies) later.cookies.set(k, x);
  return later;
}

describe('Exit this page', () => {
  it('ends the unsent referral on the server and tells the browser to clear the site', async () => {
    const v = new Visitor(server.url);
    await startReferral(v);
    const later = copyOf(v);
    expect(textOf((await later.get('/refer/check-answers')).html)).toContain('Burglary');

    const res = await exit(v);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(EXIT_URL);
    expect(res.headers.get('clear-site-data')).toBe('"cache", "cookies", "storage"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.getSetCookie().some((c) => /^rj_draft=;.*Max-Age=0/i.test(c))).toBe(true);

    // Even a browser that ignores Clear-Site-Data and keeps the old cookie finds nothing.
    const page = await later.get('/refer/check-answers');
    expect(textOf(page.html)).not.toContain('Burglary');
    expect(queryDb<{ n: number }>(server.dbPath, 'select count(*) as n from referral_drafts where answers like ?', '%burglary%')[0]!.n).toBe(0);
  });

  it('signs out the referrer and the letters participant of this browser, on the server', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(v);
    await signIn(v, issued.reference, issued.passphrase);
    const later = copyOf(v);
    expect((await later.get('/check-your-referral/status')).url).toBe('/check-your-referral/status');

    await exit(v);
    expect((await later.get('/check-your-referral/status')).url).toBe('/check-your-referral?signedOut=1');
  });

  it('expires every cookie the service sets, by name, and none of them can be read (issue 26)', async () => {
    const v = new Visitor(server.url);
    const form = await v.get('/complaint');
    const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(form.html)![1]!;
    const sent = await v.post('/complaint', { submissionKey, body: 'The letter took weeks to arrive', reply: 'none' });
    const reference = /<strong>(C-[A-Z0-9]{4}-[A-Z0-9]{4})<\/strong>/.exec(sent.html)?.[1];
    expect(reference, textOf(sent.html).slice(0, 300)).toBeDefined();
    // Whoever picks up the device cannot read the reference out of the cookie.
    const raw = decodeURIComponent(v.cookies.get('rj_complaint_done') ?? '');
    expect(raw).not.toBe('');
    for (const part of raw.split('.')) expect(Buffer.from(part, 'base64').toString('latin1')).not.toContain(reference!.slice(2));
    const res = await exit(v);
    const cleared = res.headers
      .getSetCookie()
      .filter((c) => /Max-Age=0/i.test(c))
      .map((c) => c.split('=')[0]);
    for (const name of [
      'rj_draft',
      'rj_session',
      'rj_letters',
      'rj_staff',
      'rj_feedback',
      'rj_equality',
      'rj_partner_done',
      'rj_complaint_done',
      'rj_staff_device',
    ])
      expect(cleared, name).toContain(name);
  });

  it('followed from another site, only redirects: nothing is ended', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(v);
    await signIn(v, issued.reference, issued.passphrase);
    const res = await fetch(new URL('/exit', server.url), { redirect: 'manual', headers: { Cookie: v.cookieHeader(), 'Sec-Fetch-Site': 'cross-site' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('clear-site-data')).toBeNull();
    expect((await v.get('/check-your-referral/status')).url).toBe('/check-your-referral/status');
  });
});

describe('an unfinished referral', () => {
  it('lives in a cookie that goes when the browser closes', async () => {
    const res = await fetch(new URL('/refer/who', server.url), {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ personRole: 'self' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const draft = res.headers.getSetCookie().find((c) => c.startsWith('rj_draft='));
    expect(draft).toBeDefined();
    expect(draft).not.toMatch(/max-age|expires/i);
  });

  it('is gone after two hours without an answer, as the first question says', async () => {
    expect(textOf((await new Visitor(server.url).get('/refer/who')).html)).toContain('If you stop for 2 hours, we delete them');

    const fresh = new Visitor(server.url);
    await startReferral(fresh);
    const idle = new Visitor(server.url);
    await startReferral(idle);
    // Age one draft by just over the idle time, and the other by just under it.
    const db = new Database(server.dbPath);
    const age = (v: Visitor, minutes: number) => {
      const id = decodeURIComponent(v.cookies.get('rj_draft')!);
      const row = db.prepare('select id from referral_drafts').all() as { id: string }[];
      const mine = row.find((r) => Buffer.from(id.split('.')[0]!, 'base64').toString().includes(r.id));
      expect(mine).toBeDefined();
      db.prepare('update referral_drafts set updated_at = ? where id = ?').run(Date.now() - minutes * 60_000, mine!.id);
    };
    age(idle, 121);
    age(fresh, 119);
    db.close();

    expect(textOf((await fresh.get('/refer/check-answers')).html)).toContain('Burglary');
    expect(textOf((await idle.get('/refer/check-answers')).html)).not.toContain('Burglary');
  });
});
