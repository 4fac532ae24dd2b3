// What the specification asks the record to hold (issue 11): the victim approached first
// when the person responsible asked for it, with their answer recorded before any other
// step; out-of-court stages, the offender's age group, anti-social behaviour and how
// people heard of the service on both forms; a partner referral's people carried into the
// case to confirm; the facilitator's view of each person's motive and expectations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';
import { startTeamServer, staffIdOf, staffPost, type SignedInStaff } from '../setup/staff';
import { partnerAnswers, sendPartnerReferral, submissionKeyOf } from './partner';
import { referInFull } from './flow';
import { referralAnswers } from './referral-answers';

let server: TestServer;
let fran: SignedInStaff;
let morgan: SignedInStaff;

beforeAll(async () => {
  ({ server, fran, morgan } = await startTeamServer());
});
afterAll(() => server?.stop());

const post = staffPost;
const one = <T>(sql: string, ...args: unknown[]) => queryDb<T>(server.dbPath, sql, ...args)[0]!;

const partnerReferral = async (overrides: Record<string, string | string[]> = {}) => (await sendPartnerReferral(server, overrides)).id;

async function accept(referralId: number) {
  return (await post(morgan, `/staff/referrals/${referralId}`, { intent: 'accept', facilitatorId: String(staffIdOf(server, 'fran@example.org')) })).url;
}

const pageText = async (who: SignedInStaff, url: string) => textOf((await who.visitor.get(url)).html);

describe('the referral forms record what the commissioner counts', () => {
  it('a partner gives the age group, anti-social behaviour and how they heard; a youth referral is flagged for the youth offending team', async () => {
    const v = new Visitor(server.url);
    const form = await v.get('/refer-as-a-professional');
    const missing = await v.post(
      '/refer-as-a-professional',
      partnerAnswers({ submissionKey: submissionKeyOf(form.html), offenderAgeGroup: '', antiSocialBehaviour: '' }),
    );
    expect(missing.status).toBe(400);
    expect(textOf(missing.html)).toContain('Select the age of the person responsible, or ‘Not known’');
    expect(textOf(missing.html)).toContain('Select whether it is being dealt with as anti-social behaviour');

    const id = await partnerReferral({
      offenderAgeGroup: 'youth',
      antiSocialBehaviour: 'yes',
      heardAbout: 'police',
      justiceStage: 'conditional_caution',
      offenceKind: 'damage',
    });
    expect(one('select offender_age_group as g, anti_social_behaviour as asb, heard_about as h, justice_stage as s from referrals where id = ?', id)).toEqual({
      g: 'youth',
      asb: 1,
      h: 'police',
      s: 'conditional_caution',
    });
    const page = await pageText(fran, `/staff/referrals/${id}`);
    expect(page).toContain('The person responsible was under 18. Check with the youth offending team whether this is theirs to deliver.');
    expect(page).toContain('Anti-social behaviour Yes (funded separately from crime)');
    expect(page).toContain('The person was given a conditional caution that includes restorative justice');
    expect(page).toContain('How they heard about the service From the police');
  });

  it('a self-referrer may say how they heard, or skip it; anti-social behaviour is tagged from what happened', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(
      v,
      referralAnswers({ 'what-happened': { offenceKind: 'asb' }, 'where-things-are': { justiceStage: 'community_resolution' }, 'how-you-heard': {} }),
    );
    const r = one<{ id: number; asb: number; h: string | null }>(
      'select id, anti_social_behaviour as asb, heard_about as h from referrals where reference = ?',
      issued.reference,
    );
    expect(r).toMatchObject({ asb: 1, h: null });
    expect(await pageText(fran, `/staff/referrals/${r.id}`)).toContain('How they heard about the service Not given');

    const w = new Visitor(server.url);
    const bad = await w.post('/refer/how-you-heard', { heardAbout: 'carrier-pigeon' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Select how you heard about us, or leave it blank');
  });
});

describe('a partner referral’s people carried into the case', () => {
  it('are offered to confirm, with the name guessed and editable; confirming adds them and the offer goes', async () => {
    const caseUrl = await accept(
      await partnerReferral({ victimDetails: 'Vera Victim, mobile after 6pm', offenderDetails: 'Owen Offender\non probation in Dudley' }),
    );
    const html = (await fran.visitor.get(caseUrl)).html;
    expect(textOf(html)).toContain('People named in the referral');
    expect(html).toContain('id="victimName" name="victimName" autoComplete="off" type="text" value="Vera Victim"');
    expect(html).toContain('mobile after 6pm</textarea>');
    expect(html).toContain('name="offenderName" autoComplete="off" type="text" value="Owen Offender"');

    expect((await post(fran, caseUrl, { intent: 'confirm-victim', victimName: '', victimContact: '' })).status).toBe(400);
    const added = await post(fran, caseUrl, { intent: 'confirm-victim', victimName: 'Vera Victim-Jones', victimContact: 'Mobile after 6pm only' });
    expect(added.url).toMatch(/\/participants\/\d+$/);
    const pid = Number(added.url.split('/').pop());
    expect(one('select role, name, contact_details as c from participants where id = ?', pid)).toEqual({
      role: 'victim',
      name: 'Vera Victim-Jones',
      c: 'Mobile after 6pm only',
    });
    const after = (await fran.visitor.get(caseUrl)).html;
    expect(after).not.toContain('name="victimName"');
    expect(after).toContain('name="offenderName"');
  });
});

describe('the victim first, when the person responsible asked for it', () => {
  it('nothing but approaching the victim happens until they agree to be contacted; the case shows the order of contact', async () => {
    const caseUrl = await accept(await partnerReferral({ initiatedBy: 'offender' }));
    expect(await pageText(fran, caseUrl)).toContain('Asked for by: the person responsible');
    const victim = (await post(fran, caseUrl, { intent: 'confirm-victim', victimName: 'Vera Victim' })).url;
    const offender = (await post(fran, caseUrl, { intent: 'confirm-offender', offenderName: 'Owen Offender' })).url;

    // Every step but approaching the victim is refused, with the rule in words, and nothing is written.
    const contactOffender = await post(fran, offender, {
      section: 'contact',
      contactedOn: '2026-11-20',
      method: 'prison_visit',
      outcome: 'Told him we would ask',
    });
    expect(contactOffender.status).toBe(409);
    expect(textOf(contactOffender.html)).toContain('Approach the victim first');
    expect((await post(fran, victim, { section: 'info', infoGivenOn: '2026-11-20', infoGivenHow: 'phone' })).status).toBe(409);
    expect((await post(fran, caseUrl, { intent: 'move', from: 'referred', to: 'contacting' })).status).toBe(200);
    expect((await post(fran, caseUrl, { intent: 'move', from: 'contacting', to: 'assessing' })).status).toBe(409);
    const [vid, oid] = [victim, offender].map((u) => Number(u.split('/').pop()));
    expect(one<{ n: number }>('select count(*) as n from contact_logs where participant_id in (?, ?)', vid, oid).n).toBe(0);
    expect(one<{ n: number }>('select count(*) as n from assessments where participant_id in (?, ?)', vid, oid).n).toBe(0);
    // The pages do not offer what would be refused.
    const offenderPage = (await fran.visitor.get(offender)).html;
    expect(offenderPage).not.toContain('Add to contact log');
    expect(offenderPage).not.toContain('Save information given');
    expect(await pageText(fran, caseUrl)).not.toContain('Start assessing');
    // Nor can a process, an agreed item or the letter exchange start (the refusal says why).
    for (const [url, body] of [
      [`${caseUrl}/outcome`, { intent: 'start-process', processKind: 'letters', startedOn: '2026-11-20' }],
      [`${caseUrl}/letters`, { intent: 'open' }],
    ] as const) {
      const r = await post(fran, url, body);
      expect(r.status, url).toBe(409);
      expect(textOf(r.html)).toContain('Approach the victim first');
    }

    // The victim is approached and agrees: the rest opens up.
    expect((await post(fran, victim, { section: 'contact', contactedOn: '2026-11-19', method: 'phone', outcome: 'Asked if we could talk' })).status).toBe(200);
    expect((await post(fran, victim, { section: 'contact-consent', contactConsent: 'perhaps', contactConsentOn: '2026-11-19' })).status).toBe(400);
    expect((await post(fran, offender, { section: 'contact-consent', contactConsent: 'yes', contactConsentOn: '2026-11-19' })).status).toBe(400);
    expect((await post(fran, victim, { section: 'contact-consent', contactConsent: 'yes', contactConsentOn: '2026-11-19' })).status).toBe(200);
    expect((await post(fran, offender, { section: 'contact', contactedOn: '2026-11-20', method: 'prison_visit', outcome: 'Visited' })).status).toBe(200);
    expect((await post(fran, victim, { section: 'info', infoGivenOn: '2026-11-20', infoGivenHow: 'phone' })).status).toBe(200);
    const page = await pageText(fran, caseUrl);
    expect(page).toMatch(
      /Order of contact\s*Vera Victim \(Victim\), first contacted 2026-11-19\s*Owen Offender \(Person responsible \(offender\)\), first contacted 2026-11-20/,
    );
    expect(page).toContain('Start assessing');
    expect(
      one<{ n: number }>("select count(*) as n from audit_events where action = 'participant.contact_consent_recorded' and subject_id = ?", String(vid)).n,
    ).toBe(1);
  });

  it('a victim who says no holds the case and the worklist says to close it', async () => {
    const caseUrl = await accept(await partnerReferral({ initiatedBy: 'offender' }));
    const victim = (await post(fran, caseUrl, { intent: 'confirm-victim', victimName: 'Nadia No' })).url;
    await post(fran, victim, { section: 'contact', contactedOn: '2026-11-19', method: 'phone', outcome: 'Approached' });
    await post(fran, victim, { section: 'contact-consent', contactConsent: 'no', contactConsentOn: '2026-11-19' });
    expect(await pageText(fran, caseUrl)).toContain('the victim does not want to be contacted about it. Close the case.');
    expect((await post(fran, victim, { section: 'info', infoGivenOn: '2026-11-20', infoGivenHow: 'phone' })).status).toBe(409);
    expect(await pageText(fran, '/staff/cases')).toContain('The victim does not want to be contacted about it: close the case');
    expect((await post(fran, caseUrl, { intent: 'move', from: 'referred', to: 'closed', closureReason: 'victim_withdrew' })).url).toBe(caseUrl);
  });

  it('does not hold back a case the victim asked for', async () => {
    const caseUrl = await accept(await partnerReferral({ initiatedBy: 'victim' }));
    const offender = (await post(fran, caseUrl, { intent: 'confirm-offender', offenderName: 'Owen Offender' })).url;
    expect((await post(fran, offender, { section: 'contact', contactedOn: '2026-11-20', method: 'prison_visit', outcome: 'Visited' })).status).toBe(200);
    expect(await pageText(fran, caseUrl)).toContain('Asked for by: the victim');
  });
});

describe('motive and expectations', () => {
  it('are recorded with willingness and the gate asks for them', async () => {
    const caseUrl = await accept(await partnerReferral());
    const victim = (await post(fran, caseUrl, { intent: 'confirm-victim', victimName: 'Vera Victim' })).url;
    await post(fran, victim, { section: 'willing', willing: 'yes' });
    expect(await pageText(fran, caseUrl)).toContain('Vera Victim (victim): record why they want to take part and what they hope for');
    await post(fran, victim, { section: 'willing', willing: 'yes', motive: 'To be heard', expectations: 'To know why it was her house' });
    expect(await pageText(fran, caseUrl)).not.toContain('record why they want to take part');
    expect(await pageText(fran, victim)).toContain('Hopes for: To know why it was her house');
  });
});
