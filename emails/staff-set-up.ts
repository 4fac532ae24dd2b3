import { renderEmail, type Email } from './layout';

export function staffSetUpEmail(data: { path: string; publicUrl: string }): Email {
  return renderEmail('Set up your account', [
    'An account has been made for you on the Restorative Justice Service workspace.',
    `Set your password and authenticator app here within 72 hours: ${data.publicUrl}${data.path}`,
    'If you did not expect this, tell your manager.',
  ]);
}
