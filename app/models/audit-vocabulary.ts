// What the audit trail can say: every kind of subject and every action, declared once (as
// the HMPPS audit service does: who, what, subject). `recordAudit` accepts only these, and
// the trail's reader words each one, so a new kind of change cannot go unrecorded or unread.
import type { CaseStage } from '#db/schema';

/** The kinds of record an audit row can be about. */
export const SUBJECT_TYPES = {
  referral: 'Referral',
  referral_message: 'Message',
  case: 'Case',
  participant: 'Participant',
  contact_log: 'Contact',
  exchange: 'Letter exchange',
  exchange_member: 'Letter exchange sign-in',
  letter: 'Letter',
  case_note: 'Case note',
  process: 'Restorative process',
  meeting: 'Meeting',
  agreement_item: 'Agreement item',
  staff_user: 'Staff account',
  report: 'Report',
  retention_run: 'Retention purge',
  rights_request: 'Rights request',
  complaint: 'Complaint',
} as const;
export type SubjectType = keyof typeof SUBJECT_TYPES;

/** The kinds that belong to a case: its trail shows every row about any of them. */
export const CASE_SUBJECTS = [
  'case',
  'referral',
  'referral_message',
  'participant',
  'contact_log',
  'exchange',
  'exchange_member',
  'letter',
  'case_note',
  'process',
  'meeting',
  'agreement_item',
] as const satisfies readonly SubjectType[];
export type CaseSubject = (typeof CASE_SUBJECTS)[number];

const ACTIONS = {
  'practice.recorded': 'Practitioner record added',
  'retention.purged': 'Retention purge ran (counts only)',
  'case.hold_placed': 'Legal hold placed: kept past its retention period',
  'case.hold_released': 'Legal hold released',
  'subject_access.exported': 'Everything held about this person produced (subject access)',
  'referral.downloaded_by_referrer': 'Referral and messages downloaded by the referrer',
  'rights_request.recorded': 'Rights request recorded',
  'rights_request.answered': 'Rights request answered',
  'complaint.received': 'Complaint received',
  'complaint.acknowledged': 'Complaint acknowledged',
  'complaint.answered': 'Complaint answered',
  'report.return_exported': 'Commissioner’s return downloaded',
  'report.cases_exported': 'Case extract downloaded',
  'referral.submitted': 'Referral sent',
  'referral.viewed': 'Referral opened',
  'referral.accepted': 'Accepted into a case',
  'referral.declined': 'Declined',
  'referral.withdrawn': 'Withdrawn by the referrer',
  'referral.deleted_by_referrer': 'Deleted by the referrer',
  'referral.message_sent': 'Message sent',
  'referral.demo_seeded': 'Demo data',
  'case.opened': 'Case opened',
  'case.viewed': 'Case viewed',
  'case.demo_seeded': 'Demo data',
  'case.marked_unread': 'New message: marked unread',
  'case.marked_urgent': 'New message that may be urgent',
  'case.marked_read': 'Read by the facilitator',
  'case.reassigned': 'Passed to another facilitator',
  'case.note_added': 'Note added',
  'participant.updated': 'Participant’s details corrected',
  'participant.removed': 'Participant removed (added by mistake)',
  'participant.added': 'Participant added',
  'participant.contact_consent_recorded': 'Victim’s answer to being contacted recorded',
  'participant.viewed': 'Participant record viewed',
  'contact.recorded': 'Contact recorded',
  'process.started': 'Restorative process recorded',
  'process.ended': 'Restorative process ended',
  'meeting.planned': 'Meeting planned',
  'meeting.prepared': 'Meeting preparation updated',
  'meeting.recorded': 'Meeting recorded',
  'meeting.cancelled_by_closure': 'Meeting cancelled: the case closed',
  'agreement.item_added': 'Agreement item added',
  'agreement.item_recorded': 'Agreement item completion recorded',
  'feedback.invited': 'Invited to give feedback',
  'feedback.paper_typed_in': 'Paper feedback typed in (answers kept apart, unlinked)',
  'assessment.info_recorded': 'Information given recorded',
  'assessment.consent_recorded': 'Consent recorded',
  'assessment.willing_recorded': 'Willingness recorded',
  'assessment.responsibility_recorded': 'Responsibility recorded',
  'assessment.risk_recorded': 'Risk assessment recorded',
  'assessment.consent_withdrawn': 'Consent withdrawn',
  'assessment.risk_signed_off': 'Specialist risk flags signed off',
  'exchange.opened': 'Letter exchange opened',
  'exchange.member_invited': 'Invited to the letter exchange',
  'exchange.member_set_up': 'Participant chose a passphrase',
  'exchange.self_referrer_linked': 'Self-referrer linked to the letter exchange',
  'exchange.paused': 'Letter exchange paused',
  'exchange.withdrawn': 'Letter exchange stopped',
  'exchange.resumed': 'Letter exchange resumed',
  'exchange.frozen': 'Letter exchange paused by the portal for safety',
  'exchange.printed': 'Letter exchange printed',
  'exchange.demo_seeded': 'Demo data',
  'letter.drafted': 'Letter started',
  'letter.draft_saved': 'Draft saved',
  'letter.submitted': 'Letter sent for review',
  'letter.recorded_from_paper': 'Paper letter typed in',
  'letter.viewed': 'Letter opened for review',
  'letter.passed_on': 'Letter passed on',
  'letter.returned': 'Letter returned to the author',
  'letter.not_passed_on': 'Letter not passed on',
  'letter.read': 'Letter read by the recipient',
  'letter.printed': 'Letter printed',
  'letter.read_receipt_shared': 'Read receipt shared with the author',
  'letter.read_receipt_hidden': 'Read receipt hidden from the author',
  'letter.flags_turned_off': 'A kind of safety flag turned off for the letter, with a reason',
  'letter.flags_turned_on': 'A kind of safety flag turned back on for the letter',
  'staff.created': 'Staff account created',
  'staff.password_set': 'Password set',
  'staff.authenticator_enrolled': 'Authenticator app set up',
  'staff.reset': 'Account reset',
  'staff.deactivated': 'Account deactivated',
  'staff.reactivated': 'Account reactivated',
  'staff.sessions_ended': 'Sessions ended',
} as const;

export type CaseMoveAction = `case.moved_to_${CaseStage}`;
export type AuditAction = keyof typeof ACTIONS | CaseMoveAction;

/** The action in words for the trail; an unknown one (from an older version) as it is. */
export function describeAuditAction(action: string, stageLabel: (stage: string) => string | undefined): string {
  if (action in ACTIONS) return ACTIONS[action as keyof typeof ACTIONS];
  const move = /^case\.moved_to_(\w+)$/.exec(action);
  const label = move ? stageLabel(move[1]!) : undefined;
  return label ? `Moved to ${label}` : action;
}
