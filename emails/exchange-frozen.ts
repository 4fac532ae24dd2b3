import { renderEmail, type Email } from './layout';

// To a facilitator: the portal paused a letter exchange because a safety rule no longer
// holds (consent withdrawn, a risk decision, a safeguarding concern, the case's stage).
// No names, no reason: the case page says why, behind sign-in.
export function exchangeFrozenEmail(data: { caseId: number; publicUrl: string }): Email {
  return renderEmail('A letter exchange has been paused for safety', [
    'A change on one of your cases means letters can no longer be passed on safely, so the portal has paused the letter exchange. Nothing will be passed on until you or a manager resume it.',
    `See why, and what to do: ${data.publicUrl}/staff/cases/${data.caseId}/letters`,
  ]);
}
