import { renderEmail, type Email } from './layout';

// Says that a referral arrived, with its reference and nothing else about it.
export function referralReceivedEmail(data: { reference: string }): Email {
  return renderEmail('We have received your message', [
    'Thank you for getting in touch. We have received it.',
    `Your reference is ${data.reference}`,
    'Keep this reference with your secret passphrase. You need both to check for updates on our website.',
    'If you did not expect this email, you can ignore it.',
  ]);
}
