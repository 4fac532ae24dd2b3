import { renderEmail, type Email } from './layout';

// To a facilitator: a letter is waiting for review. No content, no names.
export function letterWaitingEmail(data: { letterId: number; publicUrl: string }): Email {
  return renderEmail('A letter is waiting for review', [
    'A letter is waiting for you to review it before it can be passed on.',
    `Review it: ${data.publicUrl}/staff/letters/${data.letterId}`,
  ]);
}
