import { renderEmail, type Email } from './layout';

// To managers: a letter was passed on with a threat kept, and waits for a second reader. No content, no names.
export function letterSecondReaderEmail(data: { letterId: number; publicUrl: string }): Email {
  return renderEmail('A letter needs a second reader', [
    'A facilitator has chosen to pass on a letter with words flagged as a threat left in. It goes only once another member of staff agrees.',
    `Read it: ${data.publicUrl}/staff/letters/${data.letterId}`,
  ]);
}
