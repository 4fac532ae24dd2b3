import { renderEmail, type Email } from './layout';

// To the professional who referred: the reference and nothing about the people in it.
export function partnerReferralReceivedEmail(data: { reference: string }): Email {
  return renderEmail(`Referral received: ${data.reference}`, [
    'Thank you. We have received your referral.',
    `Its reference is ${data.reference}. Please quote it if you contact us about it.`,
    'A facilitator will contact the person you referred. We will not share what they tell us without their agreement.',
  ]);
}
