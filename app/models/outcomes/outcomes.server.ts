// Processes, meetings and the outcome agreement: what happens once a case is ready. Every
// function is scoped to the member of staff acting (a facilitator's own cases, a manager
// any), refuses a closed case (findCaseToChange), and writes one transaction with its
// audit row.
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { type CaseStage, caseLapses, agreementItems, meetingAttendees, meetings, participants, processes } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { ukIsoDay } from '~/utils/dates';
import { recordAudit } from '~/models/audit.server';
import { inviteToFeedback } from '~/models/feedback/feedback.server';
import { requireVictimFirst } from '~/models/cases/victim-first.server';
import { findCaseInScope, findCaseToChange } from '~/models/cases/case-scope.server';
import { loadCasePeople } from '~/models/cases/exchange-safety.server';
import { openLapse, refuseWhileLapsed } from '~/models/cases/essentials.server';
import { updateCaseReferrer } from '~/models/referrals/referrer-updates.server';
import { describeGap, essentialGaps, type GateParticipant } from '~/models/cases/case-stages';
import { DELIVERY_STAGES, type ProcessKind } from './outcomes';
import { cancelPlannedMeetings } from './meetings.server';

export const actorOf = (staff: StaffUser) => ({ type: 'staff', id: staff.id }) as const;

/** Everything the case's outcome page shows. */
export function getOutcomes(staff: StaffUser, caseId: number) {
  const kase = findCaseInScope(db, staff, caseId);
  if (!kase) return null;
  const people = loadCasePeople(db, caseId);
  const procs = db.select().from(processes).where(eq(processes.caseId, caseId)).orderBy(asc(processes.id)).all();
  const meets = db.select().from(meetings).where(eq(meetings.caseId, caseId)).orderBy(asc(meetings.startsAt), asc(meetings.id)).all();
  const attending = meets.length
    ? db
        .select()
        .from(meetingAttendees)
        .where(
          inArray(
            meetingAttendees.meetingId,
            meets.map((m) => m.id),
          ),
        )
        .all()
    : [];
  const items = db
    .select({ item: agreementItems, who: participants.name })
    .from(agreementItems)
    .innerJoin(participants, eq(participants.id, agreementItems.participantId))
    .where(eq(agreementItems.caseId, caseId))
    .orderBy(asc(agreementItems.dueOn), asc(agreementItems.id))
    .all()
    .map(({ item, who }) => ({ ...item, who }));
  return {
    kase,
    people,
    lapse: lapseOf(db, kase, people),
    processes: procs,
    meetings: meets.map((m) => ({ ...m, attendeeIds: attending.filter((a) => a.meetingId === m.id).map((a) => a.participantId) })),
    items,
  };
}

/** The UK day the case's last lapse ended, or null if it never lapsed. */
function lastLapseEndedOn(tx: Tx, caseId: number): string | null {
  const at = tx
    .select({ at: max(caseLapses.endedAt) })
    .from(caseLapses)
    .where(eq(caseLapses.caseId, caseId))
    .get()?.at;
  return at ? ukIsoDay(new Date(at as unknown as number)) : null;
}

/** Whether the case's essentials have lapsed since "ready": since when, and what is missing now, in words. */
export function lapseOf(tx: Tx, kase: { id: number; stage: CaseStage }, people: GateParticipant[]) {
  if (!DELIVERY_STAGES.includes(kase.stage)) return null;
  const gaps = essentialGaps(people).map(describeGap);
  if (!gaps.length) return null;
  return { since: openLapse(tx, kase.id)?.startedAt ?? null, gaps };
}

/** The case, for a delivery step: in scope, not closed (409), and not waiting for the victim's agreement (409). */
export function caseToDeliver(tx: Tx, staff: StaffUser, caseId: number) {
  const kase = findCaseToChange(tx, staff, caseId);
  if (kase) requireVictimFirst(tx, caseId, 'deliver', null);
  return kase;
}

/** As `caseToDeliver`, and whether its stage allows starting something new. */
export function caseForDelivery(tx: Tx, staff: StaffUser, caseId: number) {
  const kase = caseToDeliver(tx, staff, caseId);
  return kase ? ({ kase, deliverable: DELIVERY_STAGES.includes(kase.stage) } as const) : ({ kase: null, deliverable: false } as const);
}

export type DeliveryRefusal = {
  ok: false;
  error:
    'stage' | 'gate' | 'not-running' | 'not-planned' | 'preparation' | 'not-yet' | 'bad-person' | 'lapsed' | 'interrupted' | 'before-process' | 'backdated';
  gaps?: string[];
};

export function startProcess(staff: StaffUser, caseId: number, kind: ProcessKind, startedOn: string): { ok: true; id: number } | DeliveryRefusal | null {
  return db.transaction((tx) => {
    const { kase, deliverable } = caseForDelivery(tx, staff, caseId);
    if (!kase) return null;
    if (!deliverable) return { ok: false, error: 'stage' };
    const lapsed = refuseWhileLapsed(tx, actorOf(staff), caseId, 'start-process', { kind });
    if (lapsed) return lapsed;
    // Not dated back into a time the essentials had lapsed: a new process starts after the last lapse ended.
    const lastEnded = lastLapseEndedOn(tx, caseId);
    if (lastEnded && startedOn < lastEnded)
      return { ok: false, error: 'backdated', gaps: [`The essentials were recorded again on ${lastEnded}: the process cannot start before then`] };
    const id = tx.insert(processes).values({ caseId, kind, startedOn, byStaffId: staff.id }).returning({ id: processes.id }).get().id;
    recordAudit(tx, actorOf(staff), 'process.started', { type: 'process', id });
    return { ok: true, id };
  });
}

export function endProcess(
  staff: StaffUser,
  caseId: number,
  processId: number,
  e: { status: 'completed' | 'ended_early'; endedOn: string; outcome: string },
): { ok: true } | DeliveryRefusal | null {
  return db.transaction((tx) => {
    if (!caseToDeliver(tx, staff, caseId)) return null;
    const proc = tx
      .select()
      .from(processes)
      .where(and(eq(processes.id, processId), eq(processes.caseId, caseId)))
      .get();
    if (!proc) return null;
    if (proc.status !== 'running') return { ok: false, error: 'not-running' };
    if (e.endedOn < proc.startedOn) return { ok: false, error: 'backdated' };
    if (e.status === 'completed') {
      // Completed only if the essentials held for the whole of it: never after a lapse.
      const subject = { type: 'process', id: processId } as const;
      if (proc.interruptedAt) {
        recordAudit(tx, actorOf(staff), 'refused.complete_process', subject);
        return { ok: false, error: 'interrupted' };
      }
      const lapsed = refuseWhileLapsed(tx, actorOf(staff), caseId, 'complete-process', { kind: proc.kind, subject });
      if (lapsed) return lapsed;
    }
    const changed = tx
      .update(processes)
      .set({ status: e.status, endedOn: e.endedOn, outcome: e.outcome })
      .where(and(eq(processes.id, processId), eq(processes.caseId, caseId), eq(processes.status, 'running')))
      .run().changes;
    if (!changed) return { ok: false, error: 'not-running' };
    recordAudit(tx, actorOf(staff), 'process.ended', { type: 'process', id: processId });
    if (e.status === 'completed') updateCaseReferrer(tx, caseId, 'process_completed', actorOf(staff));
    cancelPlannedMeetings(tx, staff, caseId, processId, 'Cancelled: its process ended.', 'meeting.cancelled_with_process');
    inviteToFeedback(tx, caseId, actorOf(staff));
    return { ok: true };
  });
}

export type ItemInput = { kind: (typeof agreementItems.$inferInsert)['kind']; description: string; participantId: number; dueOn: string; evidence: string };

export function addAgreementItem(staff: StaffUser, caseId: number, item: ItemInput): { ok: true; id: number } | DeliveryRefusal | null {
  return db.transaction((tx) => {
    const { kase, deliverable } = caseForDelivery(tx, staff, caseId);
    if (!kase) return null;
    if (!deliverable) return { ok: false, error: 'stage' };
    const lapsed = refuseWhileLapsed(tx, actorOf(staff), caseId, 'add-item');
    if (lapsed) return lapsed;
    const who = tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.id, item.participantId), eq(participants.caseId, caseId)))
      .get();
    if (!who) return { ok: false, error: 'bad-person' };
    const id = tx
      .insert(agreementItems)
      .values({ caseId, ...item, byStaffId: staff.id })
      .returning({ id: agreementItems.id })
      .get().id;
    recordAudit(tx, actorOf(staff), 'agreement.item_added', { type: 'agreement_item', id });
    return { ok: true, id };
  });
}

export function recordItemCompletion(
  staff: StaffUser,
  caseId: number,
  itemId: number,
  c: { status: 'done' | 'partly' | 'not_done'; completedOn: string; note?: string },
): boolean {
  return db.transaction((tx) => {
    if (!caseToDeliver(tx, staff, caseId)) return false;
    const changed = tx
      .update(agreementItems)
      .set({ status: c.status, completedOn: c.completedOn, completionNote: c.note ?? null })
      .where(and(eq(agreementItems.id, itemId), eq(agreementItems.caseId, caseId)))
      .run().changes;
    if (changed) recordAudit(tx, actorOf(staff), 'agreement.item_recorded', { type: 'agreement_item', id: itemId });
    return changed > 0;
  });
}

/** A case may reach "outcome" only with a process recorded as completed. */
export function hasCompletedProcess(tx: Tx, caseId: number) {
  return !!tx
    .select({ id: processes.id })
    .from(processes)
    .where(and(eq(processes.caseId, caseId), eq(processes.status, 'completed')))
    .get();
}

/** Agreement items not (fully) done: closing as "completed, every item done" needs none. */
export function outstandingItems(tx: Tx, caseId: number) {
  return tx
    .select({ id: agreementItems.id, status: agreementItems.status })
    .from(agreementItems)
    .where(eq(agreementItems.caseId, caseId))
    .all()
    .filter((i) => i.status !== 'done').length;
}

/** Closing a case ends what was still running: planned meetings are cancelled, running processes end early. */
export function endDeliveryOnClosure(tx: Tx, staff: StaffUser, caseId: number, today: string) {
  cancelPlannedMeetings(tx, staff, caseId, null, 'Cancelled: the case closed.', 'meeting.cancelled_by_closure');
  const running = tx
    .select({ id: processes.id })
    .from(processes)
    .where(and(eq(processes.caseId, caseId), eq(processes.status, 'running')))
    .all();
  for (const p of running) {
    tx.update(processes).set({ status: 'ended_early', endedOn: today, outcome: 'Ended when the case closed.' }).where(eq(processes.id, p.id)).run();
    recordAudit(tx, actorOf(staff), 'process.ended', { type: 'process', id: p.id });
  }
}
