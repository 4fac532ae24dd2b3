// Every email template, with sample data, for the staff preview page and the tests.
import { caseMessageEmail } from './case-message';
import { caseReassignedEmail } from './case-reassigned';
import { exchangeFrozenEmail } from './exchange-frozen';
import { exchangePausedEmail } from './exchange-paused';
import { feedbackInviteEmail } from './feedback-invite';
import { letterInviteEmail } from './letter-invite';
import { letterWaitingEmail } from './letter-waiting';
import { letterSecondReaderEmail } from './letter-second-reader';
import { lettersDigestEmail } from './letters-digest';
import { newLetterEmail } from './new-letter';
import { newMessageEmail } from './new-message';
import { partnerReferralReceivedEmail } from './partner-referral-received';
import { referralReceivedEmail } from './referral-received';
import { referrerUpdateEmail } from './referrer-update';
import { staffSetUpEmail } from './staff-set-up';
import { staffSignInAttemptsEmail } from './staff-sign-in-attempts';
import type { Email } from './layout';

const SAMPLE_URL = 'https://rj-service.example';

export const EMAIL_PREVIEWS: { name: string; who: string; render: (publicUrl?: string) => Email }[] = [
  { name: 'Referral received', who: 'A self-referrer who gave an email address', render: () => referralReceivedEmail({ reference: 'RJ-7K4M-Q2XP' }) },
  { name: 'New message', who: 'A self-referrer, when staff reply', render: () => newMessageEmail() },
  { name: 'Partner referral received', who: 'The professional who referred', render: () => partnerReferralReceivedEmail({ reference: 'RJ-7K4M-Q2XP' }) },
  {
    name: 'Referrer update',
    who: 'The professional who referred, if the person agreed and they did not opt out',
    render: () => referrerUpdateEmail({ reference: 'RJ-7K4M-Q2XP', update: 'We have made contact about it.' }),
  },
  {
    name: 'Staff set-up',
    who: 'A new member of staff',
    render: (publicUrl = SAMPLE_URL) => staffSetUpEmail({ path: '/staff/set-up?token=example', publicUrl }),
  },
  {
    name: 'Sign-in tries',
    who: 'A member of staff whose account has had several failed sign-ins from somewhere new',
    render: (publicUrl = SAMPLE_URL) => staffSignInAttemptsEmail({ publicUrl }),
  },
  {
    name: 'Feedback invitation',
    who: 'A participant with an email address, when their process ends',
    render: (publicUrl = SAMPLE_URL) => feedbackInviteEmail({ token: 'example-one-time-token', publicUrl }),
  },
  {
    name: 'Letter exchange invitation',
    who: 'A participant who gave an email address',
    render: (publicUrl = SAMPLE_URL) => letterInviteEmail({ reference: 'RJL-7K4M-Q2XP', setUpCode: 'ABCD-EFGH', publicUrl }),
  },
  { name: 'New letter', who: 'A participant, when a letter to them is passed on', render: () => newLetterEmail() },
  {
    name: 'Letter waiting',
    who: 'The case’s facilitator, when a letter is sent for review',
    render: (publicUrl = SAMPLE_URL) => letterWaitingEmail({ letterId: 42, publicUrl }),
  },
  {
    name: 'Letter needs a second reader',
    who: 'Every manager but the first reader, when a letter is passed on with a threat kept',
    render: (publicUrl = SAMPLE_URL) => letterSecondReaderEmail({ letterId: 42, publicUrl }),
  },
  {
    name: 'Exchange paused',
    who: 'The case’s facilitator, when a participant pauses or stops',
    render: (publicUrl = SAMPLE_URL) => exchangePausedEmail({ caseId: 7, stopped: false, publicUrl }),
  },
  {
    name: 'Exchange paused for safety',
    who: 'The case’s facilitator, when consent, risk, a safeguarding concern or the stage stops letters',
    render: (publicUrl = SAMPLE_URL) => exchangeFrozenEmail({ caseId: 7, publicUrl }),
  },
  {
    name: 'New message on a case',
    who: 'The case’s facilitator, when a referrer or participant writes',
    render: (publicUrl = SAMPLE_URL) => caseMessageEmail({ caseId: 7, urgent: false, publicUrl }),
  },
  {
    name: 'Urgent message on a case',
    who: 'The case’s facilitator, when a message looks like a threat or an alarm',
    render: (publicUrl = SAMPLE_URL) => caseMessageEmail({ caseId: 7, urgent: true, publicUrl }),
  },
  {
    name: 'Case passed to you',
    who: 'A facilitator, when a manager reassigns a case to them',
    render: (publicUrl = SAMPLE_URL) => caseReassignedEmail({ caseId: 7, publicUrl }),
  },
  {
    name: 'Daily digest',
    who: 'A facilitator with letters waiting over 2 working days',
    render: (publicUrl = SAMPLE_URL) => lettersDigestEmail({ count: 3, oldestDays: 4, publicUrl }),
  },
];
