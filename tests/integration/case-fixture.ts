// A case taken to "ready" over HTTP, as a facilitator would: a partner referral accepted,
// the people named in it confirmed, both assessed with the given risk decision.
import { expect } from 'vitest';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';
import { staffIdOf, staffPost, type SignedInStaff } from '../setup/staff';
import { referInFull } from './flow';
import { sendPartnerReferral } from './partner';

const post = staffPost;

export type Ready = { caseUrl: string; outcomeUrl: string; victim: number; offender: number; urls: { victim: string; offender: string } };

/** A case taken to "ready" over HTTP, both people assessed with the given risk decision. */
export async function readyCase(
  server: TestServer,
  { fran, morgan }: { fran: SignedInStaff; morgan: SignedInStaff },
  riskDecision: 'direct' | 'indirect_only',
  riskAssessedOn = new Date().toISOString().slice(0, 10),
): Promise<Ready> {
  const { id: referralId } = await sendPartnerReferral(server);
  const caseUrl = (await post(morgan, `/staff/referrals/${referralId}`, { intent: 'accept', facilitatorId: String(staffIdOf(server, 'fran@example.org')) }))
    .url;
  const urls = {
    victim: (await post(fran, caseUrl, { intent: 'confirm-victim', victimName: 'Vera Victim' })).url,
    offender: (await post(fran, caseUrl, { intent: 'confirm-offender', offenderName: 'Owen Offender' })).url,
  };
  await assessAndMakeReady(fran, caseUrl, Object.entries(urls) as [string, string][], riskDecision, {
    info: '2026-11-02',
    consent: '2026-11-03',
    risk: riskAssessedOn,
  });
  const id = (u: string) => Number(u.split('/').pop());
  return { caseUrl, outcomeUrl: `${caseUrl}/outcome`, victim: id(urls.victim), offender: id(urls.offender), urls };
}

export type SelfReferred = { caseUrl: string; caseId: number; victim: number; offender: number; reference: string; passphrase: string; visitor: Visitor };

/** A self-referral taken to "ready" over HTTP: the self-referrer is the case's victim; the person responsible added; both assessed. */
export async function readySelfReferral(
  server: TestServer,
  { fran, morgan }: { fran: SignedInStaff; morgan: SignedInStaff },
  riskDecision: 'direct' | 'indirect_only' = 'direct',
): Promise<SelfReferred> {
  const today = new Date().toISOString().slice(0, 10);
  const visitor = new Visitor(server.url);
  const issued = await referInFull(visitor);
  const referralId = queryDb<{ id: number }>(server.dbPath, 'select id from referrals where reference = ?', issued.reference)[0]!.id;
  const caseUrl = (await post(morgan, `/staff/referrals/${referralId}`, { intent: 'accept', facilitatorId: String(staffIdOf(server, 'fran@example.org')) }))
    .url;
  const caseId = Number(caseUrl.split('/').pop());
  const victim = queryDb<{ id: number }>(server.dbPath, 'select id from participants where case_id = ?', caseId)[0]!.id;
  const offenderUrl = (await post(fran, caseUrl, { intent: 'add-participant', role: 'offender', name: 'Quentin Marbleweather' })).url;
  await assessAndMakeReady(
    fran,
    caseUrl,
    [
      ['victim', `${caseUrl}/participants/${victim}`],
      ['offender', offenderUrl],
    ],
    riskDecision,
    { info: today, consent: today, risk: today },
  );
  return { caseUrl, caseId, victim, offender: Number(offenderUrl.split('/').pop()), reference: issued.reference, passphrase: issued.passphrase, visitor };
}

/** Records every essential for each person (role, participant page), then moves the case to "ready". */
async function assessAndMakeReady(
  fran: SignedInStaff,
  caseUrl: string,
  people: [string, string][],
  riskDecision: 'direct' | 'indirect_only',
  on: { info: string; consent: string; risk: string },
) {
  for (const [role, url] of people) {
    await post(fran, url, { section: 'info', infoGivenOn: on.info, infoGivenHow: 'in_person' });
    await post(fran, url, { section: 'consent', consentOn: on.consent, consentHow: 'in_person' });
    await post(fran, url, { section: 'willing', willing: 'yes', motive: 'To be heard', expectations: 'Answers' });
    if (role === 'offender') await post(fran, url, { section: 'responsibility', acceptsResponsibility: 'yes' });
    await post(fran, url, { section: 'risk', riskAssessedOn: on.risk, revictimisationRisk: 'low', riskDecision, riskReason: 'Assessed' });
  }
  for (const [from, to] of [
    ['referred', 'contacting'],
    ['contacting', 'assessing'],
    ['assessing', 'ready'],
  ] as const) {
    const r = await post(fran, caseUrl, { intent: 'move', from, to });
    expect(r.url, textOf(r.html).slice(0, 300)).toBe(caseUrl);
  }
}
