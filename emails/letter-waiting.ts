import { env } from '~/utils/env.server';
import { renderEmail, type Email } from './layout';

// To a facilitator: a letter is waiting for review. No content, no names.
export function letterWaitingEmail(data: { letterId: number }): Email {
  return renderEmail('A letter is waiting for review', [
    'A letter is waiting for you to review it before it can be passed on.',
    `Review it: ${env.PUBLIC_URL}/staff/letters/${data.letterId}`,
  ]);
}
