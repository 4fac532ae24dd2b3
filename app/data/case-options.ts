// The choices a case's forms offer and the words for them: closure reasons, specialist risk
// flags, risk decisions, roles, contact methods. Plain lists, safe for any layer.

export const CLOSURE_REASONS = [
  ['completed', 'Completed, every agreed item done'],
  ['completed_outstanding', 'Completed, with agreed items outstanding'],
  ['victim_withdrew', 'Victim withdrew'],
  ['offender_withdrew', 'Offender withdrew'],
  ['unsuitable', 'Not suitable after assessment'],
  ['could_not_contact', 'Could not make contact'],
  ['risk_too_high', 'Risk too high'],
  ['other', 'Another reason (say what in a note)'],
] as const;

export type ClosureReason = (typeof CLOSURE_REASONS)[number][0];

export const SPECIALIST_FLAGS = [
  ['domestic_abuse', 'Domestic abuse'],
  ['sexual', 'Sexual offence'],
  ['hate', 'Hate crime'],
  ['stalking', 'Stalking or harassment'],
  ['exploitation', 'Exploitation'],
  ['other', 'Other specialist concern'],
] as const;

/** The risk assessment's decision: what kind of contact, if any, is safe. */
export const RISK_DECISIONS = [
  ['direct', 'Suitable for a meeting or for letters'],
  ['direct_only', 'Suitable for a meeting only, not for letters'],
  ['indirect_only', 'Suitable for letters or messages only'],
  ['not_suitable', 'Not suitable'],
] as const;

export type RiskDecision = (typeof RISK_DECISIONS)[number][0];

export const PARTICIPANT_ROLES = [
  ['victim', 'Victim'],
  ['offender', 'Person responsible (offender)'],
  ['supporter', 'Supporter'],
] as const;

export const CONTACT_METHODS = [
  ['phone', 'Phone'],
  ['in_person', 'In person'],
  ['video', 'Video call'],
  ['email', 'Email'],
  ['letter', 'Letter'],
  ['prison_visit', 'Prison visit'],
] as const;

/** How information about restorative justice (or consent) was given. */
export const INFO_HOW = [
  ['in_person', 'In person'],
  ['phone', 'Phone'],
  ['video', 'Video call'],
  ['letter', 'Letter or leaflet'],
] as const;
