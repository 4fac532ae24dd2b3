// Every field of every form, sent odd, long, malicious or forged values. Each must come
// back as a 4xx or a re-shown page with a clear message: never a 500, never half-saved,
// never reflected as live HTML.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, textOf, Visitor, type TestServer } from '../setup/server';
import { answerAll, STEP_ORDER } from './flow';
import { referralAnswers } from './referral-answers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const ONE_MB = 'x'.repeat(1024 * 1024);
const SCRIPT = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';
const BAD_VALUES: [string, string | string[]][] = [
  ['empty', ''],
  ['1 MB', ONE_MB],
  ['control characters', 'abc\u0000\u0007\u001b[31mdef'],
  ['HTML and script', SCRIPT],
  ['unknown choice', 'definitely-not-an-option'],
  ['many values', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']],
  ['unicode oddities', '\u202Egnp.exe\uFEFF\uD800'],
];

function referralCount() {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from referrals').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const FIELDS: Record<string, string[]> = {
  who: ['personRole'],
  'what-happened': ['offenceKind', 'offenceOther'],
  when: ['whenHappened'],
  where: ['area'],
  'your-area': ['areaCode'],
  police: ['reportedToPolice', 'crimeReference'],
  'where-things-are': ['justiceStage'],
  'who-harmed-you': ['knowsWhoHarmed', 'harmerName'],
  'kind-of-contact': ['contactKinds'],
  'what-you-would-say': ['whatToSay'],
  'contacting-you': ['contactMethod', 'email', 'phone', 'phoneSafeTimes', 'phoneMessageOk', 'postalAddress', 'contactName'],
  support: ['supportNeeds', 'interpreterLanguage', 'accessNeeds', 'supporterDetails'],
  'how-you-heard': ['heardAbout'],
};

describe('bad input on the self-referral questions', () => {
  for (const slug of STEP_ORDER) {
    it(`/refer/${slug}: every field, every bad value`, async () => {
      const v = new Visitor(server.url);
      const good = referralAnswers()[slug]!;
      for (const field of FIELDS[slug]!) {
        for (const [label, value] of BAD_VALUES) {
          const page = await v.post(`/refer/${slug}`, { ...good, [field]: value });
          expect(page.status, `${slug}.${field} = ${label}`).toBeLessThan(500);
          if (page.status >= 400) {
            expect(page.html, `${slug}.${field} = ${label}`).toContain('There is a problem');
            expect(page.html).toMatch(/<title>Error: /);
          }
          expect(page.html).not.toContain('<script>alert');
          expect(page.html).not.toContain('<img src=x');
          // Go back to the page for the next try.
          if (page.status < 400) await v.get(`/refer/${slug}`);
        }
      }
      // A missing field, and forged fields the page never sent.
      const missing = await v.post(`/refer/${slug}`, {});
      expect(missing.status).toBeLessThan(500);
      const forged = await v.post(`/refer/${slug}`, { ...good, status: 'closed', referralId: '1', passphraseHash: 'x', id: '1' });
      expect(forged.status).toBeLessThan(500);
    });
  }

  it('required questions say what to do when left empty', async () => {
    const v = new Visitor(server.url);
    const page = await v.post('/refer/what-happened', {});
    expect(page.status).toBe(400);
    expect(page.html).toContain('govuk-form-group--error');
    expect(page.html).toContain('<a href="#offenceKind">Select what happened</a>');
    expect(page.html).toContain('id="offenceKind-error"');
  });

  it('a 1 MB answer is refused with a message and nothing is stored', async () => {
    const v = new Visitor(server.url);
    const page = await v.post('/refer/what-you-would-say', { whatToSay: ONE_MB });
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain('must be 2000 characters or fewer');
    expect(page.html.length).toBeLessThan(200_000);
  });

  it('a body over 2 MB is refused before it is read', async () => {
    const v = new Visitor(server.url);
    const page = await v.post('/refer/where', { area: 'y'.repeat(3 * 1024 * 1024) });
    expect(page.status).toBe(413);
  });

  it('a body that is not a form, or a broken one, is a 4xx', async () => {
    const v = new Visitor(server.url);
    const json = await v.request('/refer/who', { method: 'POST', body: '{"personRole":"self"}', headers: { 'Content-Type': 'application/json' } });
    expect(json.status).toBe(415);
    const broken = await v.request('/refer/who', { method: 'POST', body: '--x\r\nbroken', headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' } });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
  });

  it('a form posted from another site is refused', async () => {
    for (const headers of <Record<string, string>[]>[
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'null' },
      { 'Sec-Fetch-Site': 'same-site' },
    ]) {
      const page = await new Visitor(server.url, headers).post('/refer/who', { personRole: 'self' });
      expect(page.status, JSON.stringify(headers)).toBe(403);
    }
    const ours = await new Visitor(server.url, { 'Sec-Fetch-Site': 'same-origin', Origin: 'null' }).post('/refer/who', { personRole: 'self' });
    expect(ours.url).toBe('/refer/what-happened');
  });

  it('check your answers, confirmation and sign-in refuse bad values without a 500 or a half-made referral', async () => {
    const before = referralCount();
    const v = new Visitor(server.url);
    await answerAll(v);
    for (const [, value] of BAD_VALUES) {
      const submit = await v.post('/refer/check-answers', { declaration: value });
      expect(submit.status).toBe(400);
      const signIn = await v.post('/check-your-referral', { reference: value, passphrase: value });
      expect(signIn.status).toBeGreaterThanOrEqual(400);
      expect(signIn.status).toBeLessThan(500);
    }
    expect(referralCount()).toBe(before);
    // Confirmation with no referral in progress goes to the end page, not an error.
    const page = await new Visitor(server.url).post('/refer/confirmation', { word1: SCRIPT });
    expect(page.status).toBe(200);
    // A forged or garbled draft cookie is ignored.
    const forged = new Visitor(server.url);
    forged.cookies.set('rj_draft', 'eyJub3QiOiJ2YWxpZCJ9.forged');
    expect((await forged.post('/refer/check-answers', { declaration: 'agreed' })).status).toBe(400);
  });

  it('the return area refuses anonymous posts: they are sent to sign in', async () => {
    const anon = await new Visitor(server.url).post('/check-your-referral/status', { body: 'hello' });
    expect(anon.url).toBe('/check-your-referral?signedOut=1');
    for (const path of ['/check-your-referral/withdraw', '/check-your-referral/delete']) {
      expect((await new Visitor(server.url).post(path)).url).toBe('/check-your-referral?signedOut=1');
    }
  });
});
