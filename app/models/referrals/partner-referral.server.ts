import { ukIsoDay } from '~/utils/dates';
import { eq } from 'drizzle-orm';
import { referrals } from '#db/schema';
import { partnerReferralReceivedEmail } from '#emails/partner-referral-received';
import { reserveAttempt } from '~/utils/attempts.server';
import { db } from '~/utils/db.server';
import { isIssuedFormKey } from '~/utils/form-key.server';
import { enqueueEmail } from '~/utils/email.server';
import { recordAudit } from '~/models/audit.server';
import { newReferralReference } from './referral.server';
import type { PartnerReferral } from './partner-questions';

export const MAX_PARTNER_REFERRALS_PER_ADDRESS = 30;
export const MAX_PARTNER_REFERRALS_PER_EMAIL = 10;

export type PartnerSubmitResult = { ok: true; reference: string } | { ok: false; error: 'bad-key' | 'limited' };

/**
 * Stores a partner referral and queues the referrer's email, in one transaction. Idempotent
 * per form: the key was issued (and signed) by the server with the form, and a second
 * submit with it returns the first referral. New referrals are limited per address and per
 * email they send to, so the form cannot be used to flood someone's inbox.
 */
export function submitPartnerReferral(r: PartnerReferral, address: string): PartnerSubmitResult {
  if (!isIssuedFormKey(r.submissionKey)) return { ok: false, error: 'bad-key' };
  const existing = db.select({ reference: referrals.reference }).from(referrals).where(eq(referrals.submissionKey, r.submissionKey)).get();
  if (existing) return { ok: true, reference: existing.reference };
  const allowed = reserveAttempt([
    { scope: 'partner_address', value: address, max: MAX_PARTNER_REFERRALS_PER_ADDRESS },
    { scope: 'partner_email', value: r.referrerEmail.toLowerCase(), max: MAX_PARTNER_REFERRALS_PER_EMAIL },
  ]);
  if (!allowed.ok) return { ok: false, error: 'limited' };
  return db.transaction((tx) => {
    const existing = tx.select({ reference: referrals.reference }).from(referrals).where(eq(referrals.submissionKey, r.submissionKey)).get();
    if (existing) return { ok: true, reference: existing.reference } as const;
    const reference = newReferralReference(tx);
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
        shareWithReferrer: r.shareWithReferrer,
        shareRecordedOn: ukIsoDay(new Date()),
        referrerUpdates: r.noUpdates !== 'yes',
        victimDetails: r.victimDetails,
        offenderDetails: r.offenderDetails,
        offenceKind: r.offenceKind,
        offenceDate: r.offenceDate ?? null,
        crimeReference: r.crimeReference ?? null,
        justiceStage: r.justiceStage,
        offenderAgeGroup: r.offenderAgeGroup,
        areaCode: r.areaCode,
        postcodeDistrict: r.postcodeDistrict ?? null,
        antiSocialBehaviour: r.antiSocialBehaviour === 'yes',
        heardAbout: r.heardAbout ?? null,
        risks: r.risks,
        riskNotes: r.riskNotes ?? null,
        supportNeeds: r.supportNeeds,
        accessNeeds: r.supportDetails ?? null,
      })
      .returning({ id: referrals.id })
      .get();
    recordAudit(tx, { type: 'system', id: 'partner-form' }, 'referral.submitted', { type: 'referral', id: row.id });
    enqueueEmail(tx, r.referrerEmail, 'partner-referral-received', partnerReferralReceivedEmail({ reference }), row.id);
    return { ok: true, reference } as const;
  });
}
