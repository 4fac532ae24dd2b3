import { renderEmail, type Email } from './layout';

// To a participant: something is waiting. No content, no names, the same subject every time.
export function newLetterEmail(): Email {
  return renderEmail('You have a new message', [
    'There is something new for you to read. Sign in with your reference and passphrase to read it.',
    'If you did not expect this email, you can ignore it.',
  ]);
}
