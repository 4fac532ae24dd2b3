import { renderEmail, type Email } from './layout';

// Tells a referrer there is something to read, and nothing about what it says.
export function newMessageEmail(): Email {
  return renderEmail('You have a new message', [
    'You have a new message. Sign in with your reference and passphrase to read it.',
    'If you did not expect this email, you can ignore it.',
  ]);
}
