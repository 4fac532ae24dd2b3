// A victim who referred themselves reaches the letter exchange from "check your referral",
// with the passphrase they already have; and once their referral is a case, "delete
// everything" explains what happens instead of failing.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, textOf, Visitor, type TestServer } from '../setup/server';
import { setUpStaff, type SignedInStaff } from '../setup/staff';
import { referInFull, signIn } from './flow';
import { referralAnswers } from './referral-answers';

let server: TestServer;
let fran: SignedInStaff;
beforeAll(async () => {
  server = await startServer();
  fran = await setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' });
});
afterAll(() => server?.stop());

const post = (path: string, fields: Record<string, string>) => fran.visitor.post(path, { csrf: fran.csrf, ...fields });

describe('a self-referrer in the letter exchange', () => {
  it('is linked by the facilitator and reaches their letters without a second passphrase', async () => {
    const issued = await referInFull(new Visitor(server.url), referralAnswers({ 'contacting-you': { contactMethod: 'none' } }));
    const db = new Database(server.dbPath, { readonly: true });
    const referralId = (db.prepare('select id from referrals where reference = ?').get(issued.reference) as { id: number }).id;
    const franId = (db.prepare("select id from staff_users where email = 'fran@example.org'").get() as { id: number }).id;
    db.close();
    const caseUrl = (await post(`/staff/referrals/${referralId}`, { intent: 'accept', facilitatorId: String(franId) })).url;

    // Before: the referral is a case, so "delete everything" explains instead of deleting.
    const me = new Visitor(server.url);
    await signIn(me, issued.reference, issued.passphrase);
    const refused = await me.post('/check-your-referral/delete');
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('A facilitator is now working on your case');
    expect((await me.get('/check-your-referral/status')).status).toBe(200);

    const offenderUrl = (await post(caseUrl, { intent: 'add-participant', role: 'offender', name: 'Owen Offender' })).url;
    const casePage = await fran.visitor.get(caseUrl);
    const victimUrl = new RegExp(`href="(${caseUrl}/participants/\\d+)"`).exec(casePage.html)![1]!;
    for (const url of [victimUrl, offenderUrl]) {
      await post(url, { section: 'info', infoGivenOn: '2026-11-02', infoGivenHow: 'phone' });
      await post(url, { section: 'consent', consentOn: '2026-11-03', consentHow: 'phone' });
      await post(url, { section: 'willing', willing: 'yes', motive: 'Wants to be heard', expectations: 'Answers and an apology' });
      if (url === offenderUrl) await post(url, { section: 'responsibility', acceptsResponsibility: 'yes' });
      await post(url, { section: 'risk', riskAssessedOn: '2026-11-04', revictimisationRisk: 'low', riskDecision: 'indirect_only', riskReason: 'Letters' });
    }
    for (const [from, to] of [
      ['referred', 'contacting'],
      ['contacting', 'assessing'],
      ['assessing', 'ready'],
    ])
      await post(caseUrl, { intent: 'move', from: from!, to: to! });
    await post(`${caseUrl}/letters`, { intent: 'open' });
    const victimParticipant = victimUrl.split('/').pop()!;
    expect((await post(`${caseUrl}/letters`, { intent: 'link-referrer', participantId: victimParticipant })).url).toBe(`${caseUrl}/letters`);
    // The offender cannot be linked to the victim's sign-in.
    expect((await post(`${caseUrl}/letters`, { intent: 'link-referrer', participantId: offenderUrl.split('/').pop()! })).status).toBe(400);

    const status = await me.get('/check-your-referral/status');
    expect(textOf(status.html)).toContain('Your facilitator has set up letters for you');
    const letters = await me.post('/check-your-referral/letters');
    expect(letters.url).toBe('/letters/home');
    expect(textOf(letters.html)).toContain('Write a letter');

    // Someone else signed in to a different referral gets no letters.
    const other = await referInFull(new Visitor(server.url));
    const stranger = new Visitor(server.url);
    await signIn(stranger, other.reference, other.passphrase);
    expect((await stranger.post('/check-your-referral/letters')).url).toBe('/check-your-referral/status');
  });
});
