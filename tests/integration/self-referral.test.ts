import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../setup/smtp';
import { startServer, textOf, Visitor, type TestServer, queryDb } from '../setup/server';
import { answerAll, confirmSaved, referInFull, signIn, submitReferral } from './flow';
import { referralAnswers } from './referral-answers';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

const query = <T>(sql: string, ...params: unknown[]) => queryDb<T>(server.dbPath, sql, ...params);

async function waitFor<T>(fn: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('self-referral, end to end over HTTP', () => {
  it('takes every answer, issues a reference and passphrase, and lets the person back in', async () => {
    const v = new Visitor(server.url);
    await answerAll(v);
    const check = await v.get('/refer/check-answers');
    const text = textOf(check.html);
    expect(text).toContain('Burglary (someone broke into a home or building)');
    expect(text).toContain('Reference: CR-ZEBRA-0451');
    expect(text).toContain('victim.person@example.org');
    expect(check.html).toContain('href="/refer/when?change=1"');

    const issued = await submitReferral(v);
    expect(issued.reference).toMatch(/^RJ-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(issued.passphrase.split(' ')).toHaveLength(7);

    // The passphrase is stored only as an argon2id hash.
    const [row] = query<{ passphrase_hash: string }>('select passphrase_hash from referrals where reference = ?', issued.reference);
    expect(row!.passphrase_hash).toMatch(/^\$argon2id\$/);
    expect(readFileSync(server.dbPath).includes(issued.passphrase)).toBe(false);

    await confirmSaved(v, issued);
    // After confirming, the passphrase cannot be shown again.
    const again = await v.get('/refer/confirmation');
    expect(again.url).toBe('/refer/sent');
    expect(again.html).not.toContain(issued.passphrase);

    const me = new Visitor(server.url);
    const status = await signIn(me, issued.reference.toLowerCase().replace(/-/g, ' '), issued.passphrase.toUpperCase());
    expect(status.url).toBe('/check-your-referral/status');
    expect(textOf(status.html)).toContain('Received');
  });

  it('changing an answer from "check your answers" returns there', async () => {
    const v = new Visitor(server.url);
    await answerAll(v);
    const page = await v.post('/refer/when?change=1', { whenHappened: 'longer' });
    expect(page.url).toBe('/refer/check-answers');
    expect(textOf(page.html)).toContain('More than 5 years ago');
  });

  it('a double submit or refresh after submit makes one referral', async () => {
    const v = new Visitor(server.url);
    await answerAll(v, referralAnswers({ 'what-you-would-say': { whatToSay: 'DOUBLE-SUBMIT-MARKER' } }));
    const [a, b] = await Promise.all([v.post('/refer/check-answers', { declaration: 'agreed' }), v.post('/refer/check-answers', { declaration: 'agreed' })]);
    expect(a.url).toBe('/refer/confirmation');
    expect(b.url).toBe('/refer/confirmation');
    const refresh = await v.post('/refer/check-answers', { declaration: 'agreed' });
    expect(refresh.url).toBe('/refer/confirmation');
    const rows = query<{ n: number }>("select count(*) as n from referrals where what_to_say = 'DOUBLE-SUBMIT-MARKER'");
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses to send an incomplete referral and says which questions are missing', async () => {
    const v = new Visitor(server.url);
    await v.post('/refer/who', { personRole: 'self' });
    const page = await v.post('/refer/check-answers', { declaration: 'agreed' });
    expect(page.status).toBe(400);
    expect(page.html).toContain('There is a problem');
    expect(page.html).toContain('href="/refer/what-happened?change=1"');
    expect(page.html).toMatch(/<title>Error: /);
  });

  it('needs the declaration', async () => {
    const v = new Visitor(server.url);
    await answerAll(v);
    const page = await v.post('/refer/check-answers', {});
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain('Confirm that what you told us is true');
  });

  it('the confirmation email arrives with the reference and nothing from the form', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(
      v,
      referralAnswers({ 'contacting-you': { contactMethod: 'email', email: 'only-ref@example.org', contactName: 'Philippa' } }),
    );
    const mail = await waitFor(() => smtp.received.find((m) => m.to.includes('only-ref@example.org')));
    expect(mail.raw).toContain(issued.reference);
    for (const secret of ['PERSONAL-MARKER-7731', 'Quentin', 'Philippa', 'Tigrinya', 'urglary', 'Handsworth', 'CR-ZEBRA', issued.passphrase]) {
      expect(mail.raw).not.toContain(secret);
    }
  });

  it('a wrong passphrase gets a message that does not say which part was wrong', async () => {
    const issued = await referInFull(new Visitor(server.url), referralAnswers({ 'contacting-you': { contactMethod: 'none' } }));
    const v = new Visitor(server.url, { 'X-Test': 'wrong' });
    const wrongPass = await signIn(v, issued.reference, 'not the right words at all here');
    const wrongRef = await signIn(v, 'RJ-2222-2222', issued.passphrase);
    expect(wrongPass.status).toBe(401);
    expect(wrongRef.status).toBe(401);
    expect(textOf(wrongPass.html)).toContain('The reference or passphrase is not right');
    expect(textOf(wrongRef.html)).toContain('The reference or passphrase is not right');
    expect(wrongPass.html).not.toContain('not the right words');
  });

  it('locks a reference after 5 failed tries in 15 minutes, even for the right passphrase', async () => {
    const issued = await referInFull(new Visitor(server.url), referralAnswers({ 'contacting-you': { contactMethod: 'none' } }));
    const v = new Visitor(server.url);
    for (let i = 0; i < 5; i++) expect((await signIn(v, issued.reference, `wrong guess ${i}`)).status).toBe(401);
    const locked = await signIn(v, issued.reference, issued.passphrase);
    expect(locked.status).toBe(429);
    expect(textOf(locked.html)).toContain('too many tries for this reference');
    expect(locked.url).toBe('/check-your-referral');
  });

  it('withdraw changes the status the referrer sees', async () => {
    const issued = await referInFull(new Visitor(server.url));
    const v = new Visitor(server.url);
    await signIn(v, issued.reference, issued.passphrase);
    for (const bad of ['', '   ', 'x'.repeat(2001), 'bell\u0007', 'z'.repeat(1024 * 1024)]) {
      const refused = await v.post('/check-your-referral/status', { body: bad });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('There is a problem');
      expect(refused.html.length).toBeLessThan(200_000);
    }
    const sent = await v.post('/check-your-referral/status', { body: 'A question for you' });
    expect(textOf(sent.html)).toContain('Your message has been sent');
    expect(textOf(sent.html)).toContain('A question for you');
    const page = await v.post('/check-your-referral/withdraw');
    expect(page.url).toBe('/check-your-referral/status');
    expect(textOf(page.html)).toContain('Withdrawn');
    expect(page.html).not.toContain('Withdraw your referral');
  });

  it('sign out ends the session on the server', async () => {
    const issued = await referInFull(new Visitor(server.url));
    const v = new Visitor(server.url);
    await signIn(v, issued.reference, issued.passphrase);
    const stolen = new Visitor(server.url);
    stolen.cookies = new Map(v.cookies);
    await v.post('/check-your-referral/sign-out');
    const page = await stolen.get('/check-your-referral/status');
    expect(page.url).toBe('/check-your-referral?signedOut=1');
  });

  it('"delete everything" leaves nothing personal in the database files', async () => {
    const marker = 'ERASE-ME-4417';
    const issued = await referInFull(
      new Visitor(server.url),
      referralAnswers({
        'what-you-would-say': { whatToSay: `Please remember ${marker}` },
        'contacting-you': {
          contactMethod: 'phone',
          phone: '07700 900982',
          phoneSafeTimes: 'ERASE-TIMES-9921',
          phoneMessageOk: 'no',
          contactName: 'Zebedee-Erase',
        },
      }),
    );
    const v = new Visitor(server.url);
    await signIn(v, issued.reference, issued.passphrase);
    await v.post('/check-your-referral/status', { body: 'ERASE-MESSAGE-5512' });
    const before = query<{ n: number }>('select count from deleted_referral_counts').reduce((a, r) => a + (r as unknown as { count: number }).count, 0);

    const done = await v.post('/check-your-referral/delete');
    expect(done.url).toBe('/check-your-referral/deleted');

    const files = [server.dbPath, `${server.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f));
    for (const needle of [marker, 'ERASE-TIMES-9921', 'Zebedee-Erase', 'ERASE-MESSAGE-5512', '07700 900982', issued.reference]) {
      for (const bytes of files) expect(bytes.includes(needle), needle).toBe(false);
    }
    const after = query<{ count: number }>('select count from deleted_referral_counts').reduce((a, r) => a + r.count, 0);
    expect(after).toBe(before + 1);
    expect((await signIn(new Visitor(server.url), issued.reference, issued.passphrase)).status).toBe(401);
  });

  it('sends no-store and strict security headers on the flow and return area', async () => {
    const v = new Visitor(server.url);
    for (const path of ['/', '/refer', '/refer/who', '/refer/check-answers', '/check-your-referral']) {
      const page = await v.get(path);
      expect(page.headers.get('cache-control'), path).toBe('no-store');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      // Our inline scripts go by hash; pages rendered once (/, /refer) carry no nonce.
      expect(csp).toMatch(/script-src 'self'( 'nonce-[A-Za-z0-9+/=]+')? 'sha256-[A-Za-z0-9+/=]+' 'sha256-/);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('strict-transport-security')).toContain('max-age=');
    }
  });

  it('an unknown question page is a 404, not a 500', async () => {
    const page = await new Visitor(server.url).get('/refer/no-such-question');
    expect(page.status).toBe(404);
    expect(textOf(page.html)).toContain('Page not found');
  });
});
