import { renderEmail, type Email } from './layout';

// To a facilitator: someone on one of their cases sent a new message. No names, no words
// of the message; "urgent" only when it looks like a threat or an alarm.
export function caseMessageEmail(data: { caseId: number; urgent: boolean; publicUrl: string }): Email {
  return renderEmail(data.urgent ? 'Urgent: a new message on one of your cases' : 'A new message on one of your cases', [
    data.urgent
      ? 'A new message on one of your cases may be about someone’s safety. Read it as soon as you can.'
      : 'There is a new message on one of your cases.',
    `Read it: ${data.publicUrl}/staff/cases/${data.caseId}`,
  ]);
}
