// A complete, valid partner referral, with overrides, and the builder every test sends one with.
import { expect } from 'vitest';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';

export function partnerAnswers(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    agency: 'nps',
    referrerName: 'Priya Probation',
    referrerEmail: 'priya@probation.example.org',
    referrerPhone: '0121 496 0000',
    initiatedBy: 'victim',
    consentConfirmed: 'yes',
    shareWithReferrer: 'yes',
    victimDetails: 'Vera Victim, mobile after 6pm',
    offenderDetails: 'Owen Offender, on probation in Dudley',
    offenceKind: 'burglary',
    offenceDate: 'March 2026',
    crimeReference: '20/12345/26',
    justiceStage: 'probation',
    offenderAgeGroup: 'adult',
    areaCode: 'dudley',
    antiSocialBehaviour: 'no',
    risks: ['none'],
    supportNeeds: ['none'],
    ...overrides,
  };
}

export function submissionKeyOf(html: string) {
  return /name="submissionKey" value="([^"]+)"/.exec(html)![1]!;
}

/** Sends a partner referral over HTTP, as a partner would: its reference, its id, the visitor and the form's one-time key. */
export async function sendPartnerReferral(server: TestServer, overrides: Record<string, string | string[]> = {}) {
  const visitor = new Visitor(server.url);
  const form = await visitor.get('/refer-as-a-professional');
  const key = submissionKeyOf(form.html);
  const sent = await visitor.post('/refer-as-a-professional', partnerAnswers({ submissionKey: key, ...overrides }));
  expect(sent.url, textOf(sent.html).slice(0, 500)).toBe('/refer-as-a-professional/sent');
  const reference = /<strong>(RJ-[A-Z0-9-]+)<\/strong>/.exec(sent.html)![1]!;
  const id = queryDb<{ id: number }>(server.dbPath, 'select id from referrals where reference = ?', reference)[0]!.id;
  return { reference, id, visitor, key };
}
