import { renderEmail, type Email } from './layout';

// An invitation to the short survey, for a participant who gave an email address. The
// link works once; the answers are kept apart from any name or case.
export function feedbackInviteEmail(data: { token: string; publicUrl: string }): Email {
  return renderEmail('Tell us what you thought', [
    'We would like to know what you thought of the service. There are 7 short questions, and you can skip any of them.',
    `Your answers are anonymous: staff cannot see who gave them. The link works once: ${data.publicUrl}/feedback?t=${data.token}`,
    'If you did not expect this email, you can ignore it.',
  ]);
}
