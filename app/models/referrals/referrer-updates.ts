// Progress updates to the professional who referred: what each one says, and the reason
// categories a referral or a case was not taken forward for. Content-free by design: one
// line, no names, nothing the people said.
import type { ClosureReason } from '~/data/case-options';

export type ReferrerEvent = 'contact_made' | 'not_taken_forward' | 'process_completed' | 'closed';

/** Why a referral was declined at triage, as the referrer may be told and the return counts it. */
export const DECLINE_CATEGORIES = [
  ['not_suitable', 'Not suitable for restorative justice'],
  ['outside_service', 'Outside what this service covers'],
  ['no_agreement', 'The person did not agree to take part'],
  ['already_referred', 'Already referred'],
  ['other', 'Another reason'],
] as const;
export type DeclineCategory = (typeof DECLINE_CATEGORIES)[number][0];

/** A case closed without a completed process: the category the referrer is told. Risk is never named. */
export const CLOSURE_CATEGORY: Record<ClosureReason, string | null> = {
  completed: null,
  completed_outstanding: null,
  victim_withdrew: 'A person taking part chose not to go on',
  offender_withdrew: 'A person taking part chose not to go on',
  unsuitable: 'Not suitable for restorative justice',
  risk_too_high: 'Not suitable for restorative justice',
  could_not_contact: 'We could not make contact',
  other: 'Another reason',
};

export function updateWords(event: ReferrerEvent, reason: string | null): string {
  switch (event) {
    case 'contact_made':
      return 'We have made contact about it.';
    case 'not_taken_forward':
      return `It will not be taken forward. The reason: ${(reason ?? 'another reason').replace(/^./, (c) => c.toLowerCase())}.`;
    case 'process_completed':
      return 'A restorative process has been completed.';
    case 'closed':
      return 'The case is now closed.';
  }
}
