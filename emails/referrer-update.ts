import { renderEmail, type Email } from './layout';

// To the professional who referred, when the person agreed that they hear how it goes: the
// reference and one line of progress, never a name or anything the people said.
export function referrerUpdateEmail(data: { reference: string; update: string }): Email {
  return renderEmail(`Update on referral ${data.reference}`, [
    `There is an update on the referral you made (${data.reference}).`,
    data.update,
    'We cannot share any more than this. The person you referred agreed that we tell you how it goes.',
    'If you no longer want these updates, reply to this email and we will stop them.',
  ]);
}
