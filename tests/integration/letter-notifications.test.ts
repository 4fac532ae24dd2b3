// Letter notifications go through the outbox to a real SMTP server, and carry nothing
// anyone wrote: no letter text, no names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../setup/smtp';
import { startServer, Visitor, type TestServer } from '../setup/server';
import { setUpStaff, type SignedInStaff } from '../setup/staff';
import { buildExchange, sendLetter, type Exchange } from './exchange-fixture';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;
let fran: SignedInStaff;
let x: Exchange;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  fran = await setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' });
  x = await buildExchange(server, fran);
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

async function mailTo(address: string, containing: string) {
  const end = Date.now() + 10_000;
  for (;;) {
    const m = smtp.received.find((r) => r.to.includes(address) && r.raw.includes(containing));
    if (m) return m;
    if (Date.now() > end) throw new Error(`no mail to ${address} containing ${containing}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('letter notifications', () => {
  it('an emailed invitation link signs the participant up; a passed-on letter sends a content-free email', async () => {
    const page = await fran.visitor.get(`${x.caseUrl}/letters`);
    const victimParticipant =
      /name="participantId" value="(\d+)"[^]*?for Vera Victim/.exec(page.html)?.[1] ?? /name="participantId" value="(\d+)"/.exec(page.html)![1]!;
    await fran.visitor.post(`${x.caseUrl}/letters`, { csrf: fran.csrf, intent: 'invite', participantId: victimParticipant, email: 'vera@example.org' });
    const invite = await mailTo('vera@example.org', 'letters/set-up');
    expect(invite.raw).not.toMatch(/Vera|Owen|Victim|Offender/);
    const link = /(\/letters\/set-up\?reference=[^\s"<]+)/.exec(invite.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1];
    expect(link).toBeDefined();
    const v = new Visitor(server.url);
    const form = await v.get(link!.replace(/&amp;/g, '&'));
    // The code is taken out of the address at once (issue 26): the page is /letters/set-up, filled in.
    expect(form.url).toBe('/letters/set-up');
    const reference = /name="reference"[^>]*value="([^"]+)"/.exec(form.html)?.[1] ?? /value="([^"]+)"[^>]*name="reference"/.exec(form.html)?.[1];
    const code = /name="setUpCode"[^>]*value="([^"]+)"/.exec(form.html)?.[1] ?? /value="([^"]+)"[^>]*name="setUpCode"/.exec(form.html)?.[1];
    const passphrase = 'a brand new passphrase for vera';
    const home = await v.post('/letters/set-up', { reference: reference!, setUpCode: code!, passphrase, confirm: passphrase });
    expect(home.url).toBe('/letters/home');
    // The new set-up code ended Vera's earlier sessions: from here on she uses this browser.
    x.victim.visitor = v;

    // The offender writes; the facilitator is alerted; the victim is told there is something new.
    const letterId = await sendLetter(x.offender, 'SECRET-LETTER-WORDS I am sorry.');
    const alert = await mailTo('fran@example.org', `/staff/letters/${letterId}`);
    expect(alert.raw).not.toContain('SECRET-LETTER-WORDS');
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    const versionId = /name="versionId" value="(\d+)"/.exec(review.html)![1]!;
    await fran.visitor.post(`/staff/letters/${letterId}`, { csrf: fran.csrf, decision: 'approve', versionId });
    const notice = await mailTo('vera@example.org', 'something new for you to read');
    expect(notice.raw).toContain('Subject: You have a new message');
    expect(notice.raw).not.toContain('SECRET-LETTER-WORDS');
    expect(notice.raw).not.toMatch(/Owen|Offender/);
  });

  it('the read receipt is the facilitator’s to share', async () => {
    const letterId = await sendLetter(x.victim, 'RECEIPT-LETTER hello');
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    await fran.visitor.post(`/staff/letters/${letterId}`, {
      csrf: fran.csrf,
      decision: 'approve',
      versionId: /name="versionId" value="(\d+)"/.exec(review.html)![1]!,
    });
    await x.offender.visitor.get(`/letters/read/${letterId}`);
    expect((await x.victim.visitor.get('/letters/home')).html).not.toContain('Read on');
    const after = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(after.html).toContain('The recipient first opened it on');
    await fran.visitor.post(`/staff/letters/${letterId}`, { csrf: fran.csrf, intent: 'share-read', share: 'yes' });
    expect((await x.victim.visitor.get('/letters/home')).html).toContain('Read on');
  });

  it('a participant’s pause alerts their facilitator, with no names', async () => {
    await x.offender.visitor.post('/letters/pause', { how: 'paused' });
    const alert = await mailTo('fran@example.org', 'has paused their letter exchange');
    expect(alert.raw.replace(/=\r?\n/g, '')).toContain(`/staff/cases/${x.caseId}/letters`);
    expect(alert.raw).not.toMatch(/Vera|Owen/);
  });

  it('staff can preview every email', async () => {
    const page = await fran.visitor.get('/staff/emails');
    expect(page.status).toBe(200);
    expect(page.html).toContain('You have a new message');
    expect(page.html).toContain('Letters waiting more than 2 working days');
  });
});
