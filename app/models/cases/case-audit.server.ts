// A case's audit trail for managers: every row about the case, its referral and its people,
// newest first, a page at a time.
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import {
  agreementItems,
  meetings,
  processes,
  caseNotes,
  participantChanges,
  auditEvents,
  contactLogs,
  exchangeMembers,
  exchanges,
  letters,
  participants,
  referralMessages,
  staffUsers,
} from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { CASE_SUBJECTS, type CaseSubject } from '~/models/audit-vocabulary';
import { findCaseInScope } from './case-scope.server';

/** Rows on one page of a case's audit trail. */
export const AUDIT_PAGE_SIZE = 100;

/**
 * Audit rows about a case, its referral and its people, newest first, a page at a time:
 * `before` is the id of the last row of the page before (older rows follow it). `older`
 * is the id to ask for the next page with, or null on the last page. Managers only.
 */
export function getCaseAudit(manager: StaffUser, caseId: number, before: number | null = null) {
  if (manager.role !== 'manager') return null;
  const kase = findCaseInScope(db, manager, caseId);
  if (!kase) return null;
  const ids = (rows: { id: number }[]) => rows.map((r) => String(r.id));
  const caseExchanges = db.select({ id: exchanges.id }).from(exchanges).where(eq(exchanges.caseId, caseId));
  // Typed by CaseSubject: a new kind of record in a case must say here how to find its rows.
  const subjectIds: Record<CaseSubject, string[]> = {
    case: [String(caseId)],
    referral: [String(kase.referralId)],
    referral_message: ids(db.select({ id: referralMessages.id }).from(referralMessages).where(eq(referralMessages.referralId, kase.referralId)).all()),
    // Removed participants too: their rows are gone, their changes remember them.
    participant: [
      ...new Set([
        ...ids(db.select({ id: participants.id }).from(participants).where(eq(participants.caseId, caseId)).all()),
        ...db
          .select({ id: participantChanges.participantId })
          .from(participantChanges)
          .where(eq(participantChanges.caseId, caseId))
          .all()
          .map((r) => String(r.id)),
      ]),
    ],
    contact_log: ids(
      db
        .select({ id: contactLogs.id })
        .from(contactLogs)
        .innerJoin(participants, eq(participants.id, contactLogs.participantId))
        .where(eq(participants.caseId, caseId))
        .all(),
    ),
    exchange: ids(caseExchanges.all()),
    exchange_member: ids(db.select({ id: exchangeMembers.id }).from(exchangeMembers).where(inArray(exchangeMembers.exchangeId, caseExchanges)).all()),
    letter: ids(db.select({ id: letters.id }).from(letters).where(inArray(letters.exchangeId, caseExchanges)).all()),
    case_note: ids(db.select({ id: caseNotes.id }).from(caseNotes).where(eq(caseNotes.caseId, caseId)).all()),
    process: ids(db.select({ id: processes.id }).from(processes).where(eq(processes.caseId, caseId)).all()),
    meeting: ids(db.select({ id: meetings.id }).from(meetings).where(eq(meetings.caseId, caseId)).all()),
    agreement_item: ids(db.select({ id: agreementItems.id }).from(agreementItems).where(eq(agreementItems.caseId, caseId)).all()),
  };
  const subjects = CASE_SUBJECTS.filter((type) => subjectIds[type].length).map((type) =>
    and(eq(auditEvents.subjectType, type), inArray(auditEvents.subjectId, subjectIds[type])),
  );
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.createdAt,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      outsideAssignment: auditEvents.outsideAssignment,
    })
    .from(auditEvents)
    .where(before ? and(lt(auditEvents.id, before), or(...subjects)) : or(...subjects))
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .all();
  const older = rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1]!.id : null;
  rows.length = Math.min(rows.length, AUDIT_PAGE_SIZE);
  const names = new Map(
    db
      .select({ id: staffUsers.id, name: staffUsers.name })
      .from(staffUsers)
      .all()
      .map((s) => [String(s.id), s.name]),
  );
  return { kase, older, rows: rows.map((r) => ({ ...r, actor: r.actorType === 'staff' ? (names.get(r.actorId ?? '') ?? 'Staff') : r.actorType })) };
}
