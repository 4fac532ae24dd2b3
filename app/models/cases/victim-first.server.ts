// The victim first (service specification): when the person responsible asked for
// restorative justice, the victim is approached with care before anything is said to them
// about it, and no other step is taken until a victim agrees to be contacted about it.
// The model holds the rule, so a stale page or a crafted request cannot skip it.
import { data } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { cases, participants, referrals } from '#db/schema';
import { allowedWhileVictimFirst, victimFirst } from './case-stages';

export const VICTIM_FIRST =
  'The person responsible asked for this. Approach the victim first and record whether they agree to be contacted about it. Nothing else can be done until then.';

/** The case's victim-first state: 'pending', 'declined' or null (the rule does not hold it back). */
export function caseVictimFirst(tx: Tx, caseId: number) {
  const kase = tx
    .select({ initiatedBy: referrals.initiatedBy })
    .from(cases)
    .innerJoin(referrals, eq(referrals.id, cases.referralId))
    .where(eq(cases.id, caseId))
    .get();
  if (kase?.initiatedBy !== 'offender') return null;
  const people = tx
    .select({ role: participants.role, contactConsent: participants.contactConsent })
    .from(participants)
    .where(eq(participants.caseId, caseId))
    .all();
  return victimFirst(kase.initiatedBy, people);
}

/** Throws a 409 with the rule in words if this step must wait for the victim's agreement. */
export function requireVictimFirst(tx: Tx, caseId: number, ...step: Parameters<typeof allowedWhileVictimFirst>) {
  if (allowedWhileVictimFirst(...step)) return;
  if (caseVictimFirst(tx, caseId)) throw data(VICTIM_FIRST, { status: 409 });
}
