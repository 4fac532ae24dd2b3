import { renderEmail, type Email } from './layout';

// To a facilitator: a manager has given them a case. No names.
export function caseReassignedEmail(data: { caseId: number; publicUrl: string }): Email {
  return renderEmail('A case has been passed to you', [
    'A manager has made you the facilitator of a case. Their note is on the case page.',
    `See the case: ${data.publicUrl}/staff/cases/${data.caseId}`,
  ]);
}
