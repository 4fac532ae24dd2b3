// Content-free progress emails to the professional who referred: at first contact, when a
// referral or case is not taken forward (with the reason category), when a process is
// completed and when the case closes. Only when the person agreed that the referrer hears
// how it goes and the referrer did not opt out; each kind once per referral, queued in the
// transaction of the change that caused it.
import { eq } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { cases, referrals, referrerNotices } from '#db/schema';
import { referrerUpdateEmail } from '#emails/referrer-update';
import { enqueueEmail } from '~/utils/email.server';
import { recordAudit, type Actor } from '~/models/audit.server';
import { updateWords, type ReferrerEvent } from './referrer-updates';

/** Sends the update for this referral if the person agreed and the referrer wants them; records that it went. */
export function updateReferrer(tx: Tx, referralId: number, event: ReferrerEvent, actor: Actor, reason: string | null = null): boolean {
  const r = tx
    .select({
      source: referrals.source,
      reference: referrals.reference,
      email: referrals.referrerEmail,
      share: referrals.shareWithReferrer,
      wanted: referrals.referrerUpdates,
    })
    .from(referrals)
    .where(eq(referrals.id, referralId))
    .get();
  if (!r || r.source !== 'partner' || !r.email || r.share !== 'yes' || !r.wanted) return false;
  const sent = tx.insert(referrerNotices).values({ referralId, event, reasonCategory: reason }).onConflictDoNothing().run().changes;
  if (!sent) return false;
  enqueueEmail(tx, r.email, 'referrer-update', referrerUpdateEmail({ reference: r.reference, update: updateWords(event, reason) }), referralId);
  recordAudit(tx, actor, 'referral.referrer_updated', { type: 'referral', id: referralId });
  return true;
}

/** As `updateReferrer`, for the referral a case came from. */
export function updateCaseReferrer(tx: Tx, caseId: number, event: ReferrerEvent, actor: Actor, reason: string | null = null) {
  const kase = tx.select({ referralId: cases.referralId }).from(cases).where(eq(cases.id, caseId)).get();
  return kase ? updateReferrer(tx, kase.referralId, event, actor, reason) : false;
}

/** The updates sent for a referral, oldest first, for the staff record. */
export function referrerNoticesFor(tx: Tx, referralId: number) {
  return tx.select().from(referrerNotices).where(eq(referrerNotices.referralId, referralId)).orderBy(referrerNotices.id).all();
}

/** The facilitator records whether the person agrees that the referrer hears how it goes. */
export function recordShareConsent(tx: Tx, referralId: number, answer: 'yes' | 'no', on: string, actor: Actor) {
  tx.update(referrals).set({ shareWithReferrer: answer, shareRecordedOn: on }).where(eq(referrals.id, referralId)).run();
  recordAudit(tx, actor, 'referral.share_consent_recorded', { type: 'referral', id: referralId });
}
