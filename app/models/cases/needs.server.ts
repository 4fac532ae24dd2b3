// People's needs, recorded per person, and the checks that ask about them; practitioners'
// training for complex and sensitive cases, and a manager's recorded reason to assign such a
// case without it. Every change is one transaction with its audit row.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { assessments, assignmentOverrides, cases, participantNeeds, participants, practiceRecords, referrals } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { findCaseToChange } from './case-scope.server';
import { isSensitive, type Need, type NeedKind } from './needs';

/** The needs of these people, in a stable order. */
export function needsOf(tx: Tx, participantIds: readonly number[]): Need[] {
  if (!participantIds.length) return [];
  return tx
    .select({ participantId: participantNeeds.participantId, kind: participantNeeds.kind, detail: participantNeeds.detail })
    .from(participantNeeds)
    .where(inArray(participantNeeds.participantId, [...participantIds]))
    .orderBy(asc(participantNeeds.participantId), asc(participantNeeds.kind))
    .all();
}

function personInCase(tx: Tx, caseId: number, participantId: number) {
  return tx
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)))
    .get();
}

/** Records (or updates) one need of a person in the case. */
export function recordNeed(staff: StaffUser, caseId: number, participantId: number, kind: NeedKind, detail: string | null): boolean {
  return db.transaction((tx) => {
    if (!findCaseToChange(tx, staff, caseId) || !personInCase(tx, caseId, participantId)) return false;
    tx.insert(participantNeeds)
      .values({ participantId, kind, detail, recordedBy: staff.id })
      .onConflictDoUpdate({ target: [participantNeeds.participantId, participantNeeds.kind], set: { detail, recordedBy: staff.id } })
      .run();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'participant.need_recorded', { type: 'participant', id: participantId });
    return true;
  });
}

/** Removes one need; false if the person is not in the staff member's scope (a need not recorded is nothing to remove). */
export function removeNeed(staff: StaffUser, caseId: number, participantId: number, kind: NeedKind): boolean {
  return db.transaction((tx) => {
    if (!findCaseToChange(tx, staff, caseId) || !personInCase(tx, caseId, participantId)) return false;
    const changed = tx
      .delete(participantNeeds)
      .where(and(eq(participantNeeds.participantId, participantId), eq(participantNeeds.kind, kind)))
      .run().changes;
    if (changed) recordAudit(tx, { type: 'staff', id: staff.id }, 'participant.need_removed', { type: 'participant', id: participantId });
    return true;
  });
}

/** Whether the practitioner has recorded training for complex and sensitive cases. */
export function hasComplexTraining(tx: Tx, staffUserId: number): boolean {
  return !!tx
    .select({ id: practiceRecords.id })
    .from(practiceRecords)
    .where(and(eq(practiceRecords.staffUserId, staffUserId), eq(practiceRecords.kind, 'complex_training')))
    .get();
}

/** Whether a case is domestic abuse, a sexual offence or hate crime: by its offence, or a person's specialist risk flags. */
export function caseIsSensitive(tx: Tx, caseId: number): boolean {
  const kase = tx
    .select({ offence: referrals.offenceKind })
    .from(cases)
    .innerJoin(referrals, eq(referrals.id, cases.referralId))
    .where(eq(cases.id, caseId))
    .get();
  const flags = tx
    .select({ flags: assessments.specialistFlags })
    .from(participants)
    .innerJoin(assessments, eq(assessments.participantId, participants.id))
    .where(eq(participants.caseId, caseId))
    .all()
    .map((r) => r.flags);
  return isSensitive(kase?.offence ?? null, flags);
}

export type TrainingCheck = 'ok' | 'needs-reason' | 'not-allowed';

/**
 * Giving a sensitive case to someone without the training: allowed only for a manager who
 * records why (then kept in `assignment_overrides`, audited). 'ok' when no reason is needed.
 */
export function checkAssignment(tx: Tx, actor: StaffUser, sensitive: boolean, toStaffId: number, reason: string | undefined): TrainingCheck {
  if (!sensitive || hasComplexTraining(tx, toStaffId)) return 'ok';
  if (actor.role !== 'manager') return 'not-allowed';
  return reason ? 'ok' : 'needs-reason';
}

export function recordOverride(tx: Tx, manager: StaffUser, caseId: number, staffUserId: number, reason: string) {
  tx.insert(assignmentOverrides).values({ caseId, staffUserId, reason, byStaffId: manager.id }).run();
  recordAudit(tx, { type: 'staff', id: manager.id }, 'case.assigned_without_training', { type: 'case', id: caseId });
}

/** The recorded reasons for the case's assignments without the training, newest first. */
export function overridesOf(tx: Tx, caseId: number) {
  return tx.select().from(assignmentOverrides).where(eq(assignmentOverrides.caseId, caseId)).orderBy(asc(assignmentOverrides.id)).all();
}
