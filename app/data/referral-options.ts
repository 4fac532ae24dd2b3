// The self-referral's choices (value → the words people see) and its pages, in order.
// No zod here: the question pages' browser code needs these and nothing heavier.
export type Options = readonly (readonly [value: string, label: string])[];

export const PERSON_ROLE = [
  ['self', 'I am the person who was harmed'],
  ['behalf', 'I am getting in touch for someone else'],
] as const satisfies Options;

export const OFFENCE_KINDS = [
  ['violence', 'Violence or assault'],
  ['burglary', 'Burglary (someone broke into a home or building)'],
  ['theft', 'Theft or robbery'],
  ['damage', 'Damage to property'],
  ['harassment', 'Harassment, threats or stalking'],
  ['hate', 'Hate crime'],
  ['domestic', 'Domestic abuse'],
  ['sexual', 'Sexual offence'],
  ['fraud', 'Fraud or scam'],
  ['road', 'Driving offence'],
  ['asb', 'Anti-social behaviour'],
  ['other', 'Something else'],
] as const satisfies Options;

export const WHEN_HAPPENED = [
  ['month', 'In the last month'],
  ['year', 'Between 1 and 12 months ago'],
  ['years', 'Between 1 and 5 years ago'],
  ['longer', 'More than 5 years ago'],
  ['not_say', 'I would rather not say'],
] as const satisfies Options;

export const REPORTED = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not_sure', 'I am not sure'],
] as const satisfies Options;

export const JUSTICE_STAGES = [
  ['not_reported', 'It has not been reported to the police'],
  ['investigating', 'The police are looking into it'],
  ['community_resolution', 'The police dealt with it by a community resolution'],
  ['conditional_caution', 'The person was given a conditional caution that includes restorative justice'],
  ['justice_panel', 'It went to a neighbourhood justice panel'],
  ['court', 'It is going to court'],
  ['sentenced', 'The person has been sentenced'],
  ['prison', 'The person is in prison'],
  ['released', 'The person has been released from prison'],
  ['probation', 'The person is on probation'],
  ['not_sure', 'I am not sure'],
] as const satisfies Options;

export const KNOWS_WHO = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not_sure', 'I am not sure'],
] as const satisfies Options;

export const CONTACT_KINDS = [
  ['meeting', 'Meeting them, with a facilitator there'],
  ['letters', 'Writing letters to each other'],
  ['shuttle', 'Passing messages through a facilitator'],
  ['call', 'A phone or video call'],
  ['not_sure', 'I am not sure yet'],
] as const satisfies Options;

export const CONTACT_METHODS = [
  ['none', 'Do not contact me. I will check back online'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['post', 'Post'],
] as const satisfies Options;

export const YES_NO = [
  ['yes', 'Yes'],
  ['no', 'No'],
] as const satisfies Options;

export const SUPPORT_NEEDS = [
  ['interpreter', 'An interpreter'],
  ['access', 'Help because of a disability or health condition'],
  ['supporter', 'Someone I know to be with me'],
  ['none', 'I do not need any of these'],
] as const satisfies Options;

/** Optional on both referral forms: for the commissioner's figures on how people hear of the service. */
export const HEARD_ABOUT = [
  ['police', 'From the police'],
  ['victim_service', 'From Victim Care or Victim Support'],
  ['other_agency', 'From another organisation, such as probation or a youth offending team'],
  ['leaflet', 'A leaflet or poster'],
  ['online', 'Searching online or a website'],
  ['social_media', 'Social media'],
  ['someone_known', 'Someone I know'],
  ['other', 'Somewhere else'],
] as const satisfies Options;

export function labelFor(options: Options, value: unknown): string {
  return options.find(([v]) => v === value)?.[1] ?? '';
}

export const REFERRAL_STEP_LIST = [
  { slug: 'who', title: 'Are you the person who was harmed?', required: true },
  { slug: 'what-happened', title: 'What happened?', required: true },
  { slug: 'when', title: 'Roughly when did it happen?', required: true },
  { slug: 'where', title: 'Where did it happen?', required: false },
  { slug: 'your-area', title: 'Which area do you live in?', required: false },
  { slug: 'police', title: 'Has it been reported to the police?', required: true },
  { slug: 'where-things-are', title: 'Where are things now?', required: true },
  { slug: 'who-harmed-you', title: 'Do you know who harmed you?', required: true },
  { slug: 'kind-of-contact', title: 'What kind of contact might you want?', required: true },
  { slug: 'what-you-would-say', title: 'Is there anything you would want to ask or say?', required: false },
  { slug: 'contacting-you', title: 'How can we contact you?', required: true },
  { slug: 'support', title: 'Do you need any support?', required: true },
  { slug: 'how-you-heard', title: 'How did you hear about us?', required: false },
] as const;

export type StepSlug = (typeof REFERRAL_STEP_LIST)[number]['slug'];
