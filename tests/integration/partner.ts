// A complete, valid partner referral, with overrides.
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
