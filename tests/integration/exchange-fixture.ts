// Builds a letter exchange the way people would, over HTTP: a partner referral, accepted,
// both people assessed, the case ready, the exchange opened, both invited and set up.
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { textOf, Visitor, type TestServer } from '../setup/server';
import { staffPost, type SignedInStaff } from '../setup/staff';
import { sendPartnerReferral } from './partner';

export type Member = { visitor: Visitor; reference: string; passphrase: string; memberId: number };
export type Exchange = { caseId: number; caseUrl: string; victim: Member; offender: Member; participantUrls: { victim: string; offender: string } };

const post = staffPost;

export async function buildExchange(
  server: TestServer,
  facilitator: SignedInStaff,
  names = { victim: 'Vera Victim', offender: 'Owen Offender' },
): Promise<Exchange> {
  const { id: referralId } = await sendPartnerReferral(server);
  const db = new Database(server.dbPath, { readonly: true });
  const staffId = (db.prepare('select id from staff_users where email = ?').get(facilitator.email) as { id: number }).id;
  db.close();
  const caseUrl = (await post(facilitator, `/staff/referrals/${referralId}`, { intent: 'accept', facilitatorId: String(staffId) })).url;
  const pUrls: Record<string, string> = {};
  for (const role of ['victim', 'offender'] as const) {
    pUrls[role] = (await post(facilitator, caseUrl, { intent: 'add-participant', role, name: names[role] })).url;
    const url = pUrls[role]!;
    await post(facilitator, url, { section: 'info', infoGivenOn: '2026-11-02', infoGivenHow: 'in_person' });
    await post(facilitator, url, { section: 'consent', consentOn: '2026-11-03', consentHow: 'in_person' });
    await post(facilitator, url, { section: 'willing', willing: 'yes', motive: 'Wants to be heard', expectations: 'Answers and an apology' });
    if (role === 'offender') await post(facilitator, url, { section: 'responsibility', acceptsResponsibility: 'yes' });
    await post(facilitator, url, {
      section: 'risk',
      riskAssessedOn: '2026-11-04',
      revictimisationRisk: 'low',
      riskDecision: 'indirect_only',
      riskReason: 'Letters first',
    });
  }
  for (const [from, to] of [
    ['referred', 'contacting'],
    ['contacting', 'assessing'],
    ['assessing', 'ready'],
  ]) {
    const r = await post(facilitator, caseUrl, { intent: 'move', from: from!, to: to! });
    expect(r.url, textOf(r.html).slice(0, 300)).toBe(caseUrl);
  }
  const lettersUrl = `${caseUrl}/letters`;
  expect((await post(facilitator, lettersUrl, { intent: 'open' })).url).toBe(lettersUrl);
  const members: Partial<Record<'victim' | 'offender', Member>> = {};
  for (const role of ['victim', 'offender'] as const) {
    const participantId = pUrls[role]!.split('/').pop()!;
    const invited = await post(facilitator, lettersUrl, { intent: 'invite', participantId });
    const ref = /Reference <strong>(RJL-[A-Z0-9-]+)<\/strong>/.exec(invited.html)?.[1];
    const code = /Set-up code <strong>([A-Z0-9-]+)<\/strong>/.exec(invited.html)?.[1];
    expect(ref && code, textOf(invited.html).slice(0, 300)).toBeTruthy();
    const visitor = new Visitor(server.url);
    const passphrase = `${role} chooses a long passphrase`;
    const home = await visitor.post('/letters/set-up', { reference: ref!, setUpCode: code!.toLowerCase(), passphrase, confirm: passphrase });
    expect(home.url).toBe('/letters/home');
    const db2 = new Database(server.dbPath, { readonly: true });
    const memberId = (db2.prepare('select id from exchange_members where reference = ?').get(ref) as { id: number }).id;
    db2.close();
    members[role] = { visitor, reference: ref!, passphrase, memberId };
  }
  return {
    caseId: Number(caseUrl.split('/').pop()),
    caseUrl,
    victim: members.victim!,
    offender: members.offender!,
    participantUrls: { victim: pUrls.victim!, offender: pUrls.offender! },
  };
}

/** Writes and sends a letter as a participant; returns its id. */
export async function sendLetter(m: Member, body: string): Promise<number> {
  const write = await m.visitor.get('/letters/write');
  const recipient = /name="recipient" value="(\d+)"/.exec(write.html)?.[1];
  expect(recipient, textOf(write.html).slice(0, 300)).toBeDefined();
  const preview = await m.visitor.post('/letters/write', { intent: 'preview', recipient: recipient!, body });
  expect(preview.url).toMatch(/^\/letters\/preview\/\d+$/);
  const letterId = Number(preview.url.split('/').pop());
  expect((await m.visitor.post(preview.url)).url).toBe('/letters/home?sent=1');
  return letterId;
}

/** Everything the recipient can reach: their home page and every letter page they can open. */
export async function everythingSeenBy(m: Member): Promise<string> {
  const home = await m.visitor.get('/letters/home');
  const ids = [...home.html.matchAll(/href="\/letters\/read\/(\d+)"/g)].map((r) => r[1]);
  const pages = await Promise.all(ids.map((id) => m.visitor.get(`/letters/read/${id}`)));
  return [home.html, ...pages.map((p) => p.html)].join('\n');
}
