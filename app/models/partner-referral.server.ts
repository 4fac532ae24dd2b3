import { eq } from 'drizzle-orm';
import { referrals } from '#db/schema';
import { partnerReferralReceivedEmail } from '#emails/partner-referral-received';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import { generateReference } from '~/utils/passphrase.server';
import { recordAudit } from './audit.server';
import type { PartnerReferral } from './partner-questions';

/** Stores a partner referral and queues the referrer's email, in one transaction. Idempotent per form. */
export function submitPartnerReferral(r: PartnerReferral): { reference: string } {
  return db.transaction((tx) => {
    const existing = tx.select({ reference: referrals.reference }).from(referrals).where(eq(referrals.submissionKey, r.submissionKey)).get();
    if (existing) return existing;
    let reference = generateReference();
    while (tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, reference)).get()) reference = generateReference();
    const row = tx
      .insert(referrals)
      .values({
        reference,
        source: 'partner',
        submissionKey: r.submissionKey,
        agency: r.agency,
        agencyOther: r.agency === 'other' ? (r.agencyOther ?? null) : null,
        referrerName: r.referrerName,
        referrerEmail: r.referrerEmail.toLowerCase(),
        referrerPhone: r.referrerPhone,
        initiatedBy: r.initiatedBy,
        consentConfirmed: true,
        victimDetails: r.victimDetails,
        offenderDetails: r.offenderDetails,
        offenceKind: r.offenceKind,
        offenceDate: r.offenceDate ?? null,
        crimeReference: r.crimeReference ?? null,
        justiceStage: r.justiceStage,
        risks: r.risks,
        riskNotes: r.riskNotes ?? null,
        supportNeeds: r.supportNeeds,
        accessNeeds: r.supportDetails ?? null,
      })
      .returning({ id: referrals.id })
      .get();
    recordAudit(tx, { type: 'system', id: 'partner-form' }, 'referral.submitted', { type: 'referral', id: row.id });
    enqueueEmail(tx, r.referrerEmail, 'partner-referral-received', partnerReferralReceivedEmail({ reference }), row.id);
    return { reference };
  });
}
