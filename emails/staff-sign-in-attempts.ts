import { renderEmail, type Email } from './layout';

// To a member of staff whose account is being tried from somewhere else. No addresses, no
// times: it says what happened and what to do, and nothing an attacker could learn from.
export function staffSignInAttemptsEmail(data: { publicUrl: string }): Email {
  return renderEmail('Someone has been trying to sign in to your account', [
    'There have been several failed tries to sign in to your staff account. Sign-ins from somewhere new are paused for 15 minutes. You can still sign in from a device you have used before.',
    'If this was you, you need do nothing. If it was not, change your password when you next sign in and tell your manager.',
    `A manager can lift the pause from your account page: ${data.publicUrl}/staff/accounts`,
  ]);
}
