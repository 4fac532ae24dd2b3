import { renderEmail, type Email } from './layout';

// An invitation to the letter exchange, for a participant who gave an email address.
// The link fills in their reference and one-time code; they choose their own passphrase.
export function letterInviteEmail(data: { reference: string; setUpCode: string; publicUrl: string }): Email {
  const link = `${data.publicUrl}/letters/set-up?reference=${encodeURIComponent(data.reference)}&code=${encodeURIComponent(data.setUpCode)}`;
  return renderEmail('Your sign-in details', [
    'Your facilitator has set up a way for you to read and write messages online.',
    `Open this link to choose your passphrase. It works once, for 14 days: ${link}`,
    'If you did not expect this email, you can ignore it.',
  ]);
}
