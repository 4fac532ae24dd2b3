// Correcting and adding to a case's record: dated notes (never edited; a correction is a
// new note naming the old one), reassignment by a manager (the new facilitator is told),
// and a participant's details corrected or, if added by mistake, removed, with the old
// values kept in `participant_changes` (the audit row says who and when).
import { and, asc, desc, eq } from 'drizzle-orm';
import {
  participantNeeds,
  agreementConsents,
  agreementItems,
  feedbackInvitations,
  meetingAttendees,
  assessments,
  assessmentVersions,
  caseAssignments,
  caseNotes,
  cases,
  contactLogs,
  exchangeMembers,
  participantChanges,
  participants,
  staffUsers,
} from '#db/schema';
import { caseReassignedEmail } from '#emails/case-reassigned';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { caseIsSensitive, checkAssignment, hasComplexTraining, recordOverride } from './needs.server';
import { recordAudit } from '~/models/audit.server';
import { findCaseInScope, findCaseToChange } from './case-scope.server';
import { findCasePerson } from './exchange-safety.server';
import { keepCaseSafe } from './essentials.server';

/** A note on the case. Closure still allows notes. `corrects` must be a note on the same case. */
export function addCaseNote(staff: StaffUser, caseId: number, body: string, corrects?: number): 'added' | 'bad-correction' | null {
  return db.transaction((tx) => {
    if (!findCaseInScope(tx, staff, caseId)) return null;
    if (
      corrects &&
      !tx
        .select({ id: caseNotes.id })
        .from(caseNotes)
        .where(and(eq(caseNotes.id, corrects), eq(caseNotes.caseId, caseId)))
        .get()
    )
      return 'bad-correction';
    const note = tx
      .insert(caseNotes)
      .values({ caseId, body, correctsNoteId: corrects ?? null, byStaffId: staff.id })
      .returning({ id: caseNotes.id })
      .get();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'case.note_added', { type: 'case_note', id: note.id });
    return 'added';
  });
}

/** The case's notes and reassignments, newest first. For `getCaseForStaff`, which has checked the scope. */
export function caseNotesAndAssignments(caseId: number) {
  const notes = db
    .select({ id: caseNotes.id, body: caseNotes.body, corrects: caseNotes.correctsNoteId, at: caseNotes.createdAt, by: staffUsers.name })
    .from(caseNotes)
    .innerJoin(staffUsers, eq(staffUsers.id, caseNotes.byStaffId))
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(desc(caseNotes.id))
    .all();
  const assignments = db
    .select({ id: caseAssignments.id, to: staffUsers.name, note: caseAssignments.note, at: caseAssignments.createdAt })
    .from(caseAssignments)
    .innerJoin(staffUsers, eq(staffUsers.id, caseAssignments.toStaffId))
    .where(eq(caseAssignments.caseId, caseId))
    .orderBy(desc(caseAssignments.id))
    .all();
  return { notes, assignments };
}

/** A manager passes the case to another active facilitator, with a note; the new facilitator is emailed (no names). */
export function reassignCase(
  manager: StaffUser,
  caseId: number,
  toStaffId: number,
  note: string,
  trainingReason?: string,
): 'reassigned' | 'same' | 'no-such-facilitator' | 'needs-training-reason' | null {
  if (manager.role !== 'manager') return null;
  return db.transaction((tx) => {
    const kase = findCaseToChange(tx, manager, caseId);
    if (!kase) return null;
    const to = tx
      .select({ id: staffUsers.id, email: staffUsers.email })
      .from(staffUsers)
      .where(and(eq(staffUsers.id, toStaffId), eq(staffUsers.active, true)))
      .get();
    if (!to) return 'no-such-facilitator';
    if (to.id === kase.facilitatorId) return 'same';
    // A domestic abuse, sexual offence or hate crime case goes to someone trained for it, or the manager says why not.
    const sensitive = caseIsSensitive(tx, caseId);
    if (checkAssignment(tx, manager, sensitive, to.id, trainingReason) !== 'ok') return 'needs-training-reason';
    if (sensitive && !hasComplexTraining(tx, to.id)) recordOverride(tx, manager, caseId, to.id, trainingReason!);
    tx.update(cases).set({ facilitatorId: to.id, updatedAt: new Date() }).where(eq(cases.id, caseId)).run();
    tx.insert(caseAssignments).values({ caseId, fromStaffId: kase.facilitatorId, toStaffId: to.id, note, byStaffId: manager.id }).run();
    recordAudit(tx, { type: 'staff', id: manager.id }, 'case.reassigned', { type: 'case', id: caseId });
    enqueueEmail(tx, to.email, 'case-reassigned', caseReassignedEmail({ caseId, publicUrl: env.PUBLIC_URL }));
    return 'reassigned';
  });
}

export type ParticipantEdit = { role: 'victim' | 'offender' | 'supporter'; name: string; contactDetails?: string; directlyAffected?: boolean };

/** Corrects a participant's details and role; the old values are kept. A role change may pause letters (the gate is checked). */
export function editParticipant(staff: StaffUser, caseId: number, participantId: number, e: ParticipantEdit): boolean {
  return db.transaction((tx) => {
    if (!findCaseToChange(tx, staff, caseId)) return false;
    const old = tx
      .select()
      .from(participants)
      .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)))
      .get();
    if (!old) return false;
    tx.insert(participantChanges)
      .values({
        caseId,
        participantId,
        change: 'edited',
        oldValues: { role: old.role, name: old.name, contactDetails: old.contactDetails, directlyAffected: old.directlyAffected },
        byStaffId: staff.id,
      })
      .run();
    tx.update(participants)
      .set({
        role: e.role,
        name: e.name,
        contactDetails: e.contactDetails ?? null,
        directlyAffected: e.role === 'supporter' ? (e.directlyAffected ?? false) : null,
      })
      .where(eq(participants.id, participantId))
      .run();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'participant.updated', { type: 'participant', id: participantId });
    keepCaseSafe(tx, caseId, { type: 'staff', id: staff.id });
    return true;
  });
}

/**
 * Removes a participant added by mistake: only before they have taken part (no consent
 * recorded, no contact logged, not in a letter exchange, a meeting, an agreement or a survey). Their record is kept in
 * `participant_changes`.
 */
export function removeParticipant(staff: StaffUser, caseId: number, participantId: number): 'removed' | 'took-part' | null {
  return db.transaction((tx) => {
    if (!findCaseToChange(tx, staff, caseId)) return null;
    const p = findCasePerson(tx, caseId, participantId);
    if (!p) return null;
    const contacted = tx.select({ id: contactLogs.id }).from(contactLogs).where(eq(contactLogs.participantId, participantId)).get();
    const member = tx.select({ id: exchangeMembers.id }).from(exchangeMembers).where(eq(exchangeMembers.participantId, participantId)).get();
    // Anything that points at them (an agreed item, a meeting, a survey) means they are part of the record.
    const item = tx.select({ id: agreementItems.id }).from(agreementItems).where(eq(agreementItems.participantId, participantId)).get();
    const meeting = tx.select({ id: meetingAttendees.meetingId }).from(meetingAttendees).where(eq(meetingAttendees.participantId, participantId)).get();
    const survey = tx.select({ id: feedbackInvitations.id }).from(feedbackInvitations).where(eq(feedbackInvitations.participantId, participantId)).get();
    const agreed = tx.select({ id: agreementConsents.id }).from(agreementConsents).where(eq(agreementConsents.participantId, participantId)).get();
    if (p.a?.consentOn || contacted || member || item || meeting || survey || agreed) return 'took-part';
    const versions = tx.select().from(assessmentVersions).where(eq(assessmentVersions.participantId, participantId)).orderBy(asc(assessmentVersions.id)).all();
    const needs = tx.select().from(participantNeeds).where(eq(participantNeeds.participantId, participantId)).all();
    tx.insert(participantChanges)
      .values({ caseId, participantId, change: 'removed', oldValues: { participant: p.p, assessment: p.a, versions, needs }, byStaffId: staff.id })
      .run();
    tx.delete(participantNeeds).where(eq(participantNeeds.participantId, participantId)).run();
    tx.delete(assessmentVersions).where(eq(assessmentVersions.participantId, participantId)).run();
    tx.delete(assessments).where(eq(assessments.participantId, participantId)).run();
    tx.delete(participants).where(eq(participants.id, participantId)).run();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'participant.removed', { type: 'participant', id: participantId });
    keepCaseSafe(tx, caseId, { type: 'staff', id: staff.id });
    return 'removed';
  });
}
