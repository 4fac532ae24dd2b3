// Builders for a whole self-referral, with overrides.
export type StepAnswers = Record<string, Record<string, string | string[]>>;

export function referralAnswers(overrides: Partial<StepAnswers> = {}): StepAnswers {
  return {
    who: { personRole: 'self' },
    'what-happened': { offenceKind: 'burglary' },
    when: { whenHappened: 'year' },
    where: { area: 'Handsworth' },
    'your-area': { areaCode: 'birmingham' },
    police: { reportedToPolice: 'yes', crimeReference: 'CR-ZEBRA-0451' },
    'where-things-are': { justiceStage: 'sentenced' },
    'who-harmed-you': { knowsWhoHarmed: 'yes', harmerName: 'Quentin Marbleweather' },
    'kind-of-contact': { contactKinds: ['letters', 'shuttle'] },
    'what-you-would-say': { whatToSay: 'Why did you choose my house? PERSONAL-MARKER-7731' },
    'contacting-you': { contactMethod: 'email', email: 'victim.person@example.org', contactName: 'Philippa' },
    support: { supportNeeds: ['interpreter'], interpreterLanguage: 'Tigrinya' },
    'how-you-heard': { heardAbout: 'leaflet' },
    ...overrides,
  };
}
