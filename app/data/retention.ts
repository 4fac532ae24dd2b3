// How long the portal keeps each kind of record: declared once, here. The purge
// (app/models/retention.server.ts) applies these periods, the privacy page and the staff
// retention page print them, and each can be changed by the environment variable named
// (app/utils/env.server.ts reads them; docs/operations.md lists them). Changing a period here
// changes what the code deletes and what the public is told, together.

export type RetentionUnit = 'days' | 'months';

export type RetentionRule = {
  key: string;
  /** What is kept, in the words the privacy page uses. */
  what: string;
  /** What starts the clock. */
  from: string;
  unit: RetentionUnit;
  defaultPeriod: number;
  /** The environment variable that overrides the default. */
  env: string;
  /** The shortest period a deployment may set: a typo must not delete a live service's records. */
  min: number;
  max: number;
  /** What the purge does when the period ends. */
  then: string;
};

export const RETENTION_RULES = [
  {
    key: 'withdrawn_self_referrals',
    what: 'A self-referral the person withdrew before a case was opened',
    from: 'the day it was withdrawn',
    unit: 'days',
    defaultPeriod: 30,
    env: 'RETENTION_WITHDRAWN_SELF_REFERRAL_DAYS',
    min: 1,
    max: 365,
    then: 'Answers, messages and contact details are deleted. A count without names stays.',
  },
  {
    key: 'declined_referrals',
    what: 'A referral the service decided not to take on',
    from: 'the decision',
    unit: 'months',
    defaultPeriod: 12,
    env: 'RETENTION_DECLINED_REFERRAL_MONTHS',
    min: 1,
    max: 120,
    then: 'Answers, messages and contact details are deleted. A count without names stays.',
  },
  {
    key: 'closed_cases',
    what: 'A case and everything in it: referral, assessments, contact records, notes, letters, meetings and agreements',
    from: 'the day the case closed',
    unit: 'months',
    defaultPeriod: 24,
    env: 'RETENTION_CLOSED_CASE_MONTHS',
    min: 1,
    max: 120,
    then: 'Names, contact details, letters, notes and everything written about people are deleted. Figures without names or words stay: dates, kinds and outcomes.',
  },
  {
    key: 'sent_emails',
    what: 'A record that the portal sent an email (the address and the words are removed as it is sent)',
    from: 'the day it was sent',
    unit: 'days',
    defaultPeriod: 30,
    env: 'RETENTION_SENT_EMAIL_DAYS',
    min: 1,
    max: 365,
    then: 'Deleted.',
  },
  {
    key: 'complaints',
    what: 'A complaint about the service and our answer',
    from: 'the day we answered it',
    unit: 'months',
    defaultPeriod: 24,
    env: 'RETENTION_COMPLAINT_MONTHS',
    min: 1,
    max: 120,
    then: 'What was said, and who said it, is deleted. The dates and whether it was upheld stay, for the figures.',
  },
  {
    key: 'rights_requests',
    what: 'A request to see, correct or delete your information, and how we answered it',
    from: 'the day we answered it',
    unit: 'months',
    defaultPeriod: 24,
    env: 'RETENTION_RIGHTS_REQUEST_MONTHS',
    min: 1,
    max: 120,
    then: 'Who asked and what was said are deleted. The kind of request and its dates stay, for the figures.',
  },
  {
    key: 'deactivated_staff',
    what: 'A staff account that was switched off',
    from: 'the day it was switched off',
    unit: 'months',
    defaultPeriod: 12,
    env: 'RETENTION_DEACTIVATED_STAFF_MONTHS',
    min: 1,
    max: 120,
    then: 'Name, email address and practitioner records are deleted. What they did stays in the audit record under a number.',
  },
  {
    key: 'audit',
    what: 'The audit record: who did or looked at what, and when',
    from: 'the day it was written',
    unit: 'months',
    defaultPeriod: 72,
    env: 'RETENTION_AUDIT_MONTHS',
    min: 12,
    max: 240,
    then: 'Deleted. When a person’s records are deleted earlier, the audit record stops pointing to them.',
  },
] as const satisfies readonly RetentionRule[];

export type RetentionKey = (typeof RETENTION_RULES)[number]['key'];
export type RetentionPeriods = Record<RetentionKey, number>;

/** What goes sooner than any rule above, by design: fixed in the code, not configurable. */
export const SHORT_LIVED_RECORDS = [
  { what: 'A self-referral you started but did not send', when: 'Deleted when you leave it unanswered, or at once when you use “Exit this page”.' },
  { what: 'A record of a wrong reference, passphrase or password', when: 'Deleted after 15 minutes.' },
  { what: 'A signed-in session', when: 'Deleted when you sign out, or after 30 minutes without use.' },
  { what: 'Answers to the feedback survey', when: 'Kept without your name or case, so they cannot be linked to you.' },
] as const;

/**
 * An instant `n` calendar months before (negative: after) `ms`, in UTC, kept inside the
 * target month: 31 March less one month is 28 (or 29) February, never 3 March.
 */
export function monthsBefore(ms: number, n: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

/** "24 months", "30 days", "1 month". */
export function periodText(n: number, unit: RetentionUnit): string {
  return `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`;
}
