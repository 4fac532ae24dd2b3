import { renderEmail, type Email } from './layout';

// Once a day, to a facilitator with letters waiting more than two working days.
export function lettersDigestEmail(data: { count: number; oldestDays: number; publicUrl: string }): Email {
  const letters = data.count === 1 ? '1 letter has' : `${data.count} letters have`;
  return renderEmail('Letters waiting more than 2 working days', [
    `${letters} waited more than 2 working days for review. The oldest has waited ${data.oldestDays} working days.`,
    `See the queue: ${data.publicUrl}/staff/letters`,
  ]);
}
