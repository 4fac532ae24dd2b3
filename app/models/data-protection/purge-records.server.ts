// What the purge does to one referral or one case: blank the personal columns, delete what
// nothing counts, and unlink the audit trail, keeping the anonymous skeleton the reports
// count (decision 017).
import type Database from 'better-sqlite3';
import { db } from '~/utils/db.server';

export const sqlite = () => db.$client;
// Each statement prepared once: the purge runs the same few thousand times.
const statements = new Map<string, Database.Statement>();
export function stmt(sql: string): Database.Statement {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = sqlite().prepare(sql)));
  return s;
}

// ---- What one record's purge does ------------------------------------------------------

/** The referral's own columns that hold personal data or free text. */
const REFERRAL_PERSONAL = [
  'passphrase_hash',
  'offence_other',
  'area',
  // Where they live is kept only as the area (a category the reports count), not the postcode district.
  'postcode_district',
  'crime_reference',
  'harmer_name',
  'what_to_say',
  'contact_name',
  'email',
  'phone',
  'phone_safe_times',
  'phone_message_ok',
  'postal_address',
  'interpreter_language',
  'access_needs',
  'supporter_details',
  'agency_other',
  'referrer_name',
  'referrer_email',
  'referrer_phone',
  'victim_details',
  'offender_details',
  'offence_date',
  'risks',
  'risk_notes',
  'submission_key',
  'declined_reason',
];

/** Audit rows stop pointing at a person's records once those records are gone. */
function unlinkAudit(subjectType: string, ids: (number | string)[]) {
  if (!ids.length) return;
  const unlink = stmt('update audit_events set subject_id = null where subject_type = ? and subject_id = ?');
  for (const id of ids) unlink.run(subjectType, String(id));
}

function idsOf(sql: string, ...params: unknown[]): number[] {
  return (
    stmt(sql)
      .pluck(true)
      .all(...params) as number[]
  ).map(Number);
}

export function purgeReferral(referralId: number, now: number) {
  unlinkAudit('referral_message', idsOf('select id from referral_messages where referral_id = ?', referralId));
  unlinkAudit('referral', [referralId]);
  stmt("update audit_events set actor_id = null where actor_type = 'referrer' and actor_id = ?").run(String(referralId));
  stmt('delete from referral_messages where referral_id = ?').run(referralId);
  stmt('delete from referral_drafts where referral_id = ?').run(referralId);
  stmt('delete from sessions where referral_id = ?').run(referralId);
  stmt('delete from outbox where referral_id = ?').run(referralId);
  stmt(
    `update referrals set ${REFERRAL_PERSONAL.map((c) => `${c} = null`).join(', ')},
       reference = 'purged-' || id, support_needs = '[]', purged_at = ? where id = ?`,
  ).run(now, referralId);
}

export function purgeCase(caseId: number, referralId: number, now: number) {
  const people = idsOf('select id from participants where case_id = ?', caseId);
  const members = idsOf('select m.id from exchange_members m join exchanges e on e.id = m.exchange_id where e.case_id = ?', caseId);
  const letters = idsOf('select l.id from letters l join exchanges e on e.id = l.exchange_id where e.case_id = ?', caseId);
  unlinkAudit('participant', people);
  unlinkAudit('exchange_member', members);
  unlinkAudit('letter', letters);
  unlinkAudit('case_note', idsOf('select id from case_notes where case_id = ?', caseId));
  unlinkAudit('contact_log', idsOf('select cl.id from contact_logs cl join participants p on p.id = cl.participant_id where p.case_id = ?', caseId));

  for (const m of members) {
    stmt('delete from sessions where exchange_member_id = ?').run(m);
    // What a participant did in the exchange is recorded as `member:<id>`.
    stmt("update audit_events set actor_id = null where actor_type = 'referrer' and actor_id = ?").run(`member:${m}`);
  }
  stmt(
    `update exchange_members set reference = 'purged-' || id, setup_code_hash = null, setup_expires_at = null, passphrase_hash = null, email = null, referral_id = null
     where exchange_id in (select id from exchanges where case_id = ?)`,
  ).run(caseId);
  stmt('update exchanges set pause_reason = null where case_id = ?').run(caseId);
  for (const l of letters) {
    stmt("update letters set draft_body = '', relayed_text = null where id = ?").run(l);
    stmt("update letter_versions set body = '' where letter_id = ?").run(l);
    stmt('update letter_reviews set redactions = null, message_to_author = null, reason_for_record = null, kept = null where letter_id = ?').run(l);
    stmt("update letter_second_readings set redactions = '[]', kept = '[]', note = null where letter_id = ?").run(l);
    stmt("update letter_flags_off set reason = '' where letter_id = ?").run(l);
  }
  stmt('delete from case_notes where case_id = ?').run(caseId);
  // A released hold's reasons may name people ("a claim by …"); the hold's dates stay.
  stmt("update legal_holds set reason = '', release_reason = null where case_id = ?").run(caseId);
  stmt('delete from participant_changes where case_id = ?').run(caseId);
  stmt('update case_transitions set reason = null where case_id = ? and to_stage <> ?').run(caseId, 'closed');
  for (const p of people) {
    stmt('delete from assessment_versions where participant_id = ?').run(p);
    stmt(
      `update assessments set info_given_how = null, consent_how = null, motive = null, expectations = null, safeguarding_concerns = null,
         power_imbalance = null, specialist_flags = null, risk_reason = null where participant_id = ?`,
    ).run(p);
    stmt("update contact_logs set outcome = '' where participant_id = ?").run(p);
    // Needs (an interpreter's language, mental health, capacity) are personal: gone.
    stmt('delete from participant_needs where participant_id = ?').run(p);
  }
  stmt("update case_assignments set note = '' where case_id = ?").run(caseId);
  stmt("update assignment_overrides set reason = '' where case_id = ?").run(caseId);
  stmt('update referrals set yot_decision_note = null where id = ?').run(referralId);
  stmt("update participants set name = '', contact_details = null, supporter_of = null where case_id = ?").run(caseId);
  stmt('update processes set outcome = null where case_id = ?').run(caseId);
  stmt('update meetings set venue = null, other_attendees = null, record = null where case_id = ?').run(caseId);
  stmt("update agreement_items set description = '', evidence = '', completion_note = null where case_id = ?").run(caseId);
  stmt('update feedback_invitations set token_hash = null where case_id = ?').run(caseId);
  stmt('update cases set closure_note = null, unread_since = null, unread_urgent = 0, purged_at = ? where id = ?').run(now, caseId);
  purgeReferral(referralId, now);
}

// ---- The rules, a batch at a time --------------------------------------------------------
