// Meetings of a direct process: planned only when everyone attending may meet, prepared (the
// checklist and each attendee's needs), recorded as held only when prepared and while the
// essentials hold; cancelled with their process or the case.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { meetingAttendees, meetings, processes, staffUsers } from '#db/schema';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { inviteToFeedback } from '~/models/feedback/feedback.server';
import { loadCasePeople } from '~/models/cases/exchange-safety.server';
import { refuseWhileLapsed } from '~/models/cases/essentials.server';
import { type GateParticipant } from '~/models/cases/case-stages';
import { isDirect, meetingGaps, PREP_CHECKS, preparationGaps, staleRiskReviews } from './outcomes';
import { needsOf } from '~/models/cases/needs.server';
import { needCheck, needWords } from '~/models/cases/needs';
import { type DeliveryRefusal, actorOf, caseForDelivery, caseToDeliver, getOutcomes } from './outcomes.server';

export type MeetingPlan = {
  processId: number;
  startsAt: string;
  mode: 'in_person' | 'video' | 'phone';
  venue?: string;
  attendeeIds: number[];
  otherAttendees?: string;
};

/** Plans a meeting: only for a running direct process, and only if the gate holds for everyone attending. */
export function planMeeting(staff: StaffUser, caseId: number, plan: MeetingPlan): { ok: true; id: number } | DeliveryRefusal | null {
  return db.transaction((tx) => {
    const { kase, deliverable } = caseForDelivery(tx, staff, caseId);
    if (!kase) return null;
    if (!deliverable) return { ok: false, error: 'stage' };
    const proc = tx
      .select()
      .from(processes)
      .where(and(eq(processes.id, plan.processId), eq(processes.caseId, caseId)))
      .get();
    if (!proc || proc.status !== 'running' || !isDirect(proc.kind)) return { ok: false, error: 'not-running' };
    if (proc.interruptedAt) {
      recordAudit(tx, actorOf(staff), 'refused.plan_meeting', { type: 'process', id: proc.id });
      return { ok: false, error: 'interrupted' };
    }
    if (plan.startsAt.slice(0, 10) < proc.startedOn) return { ok: false, error: 'before-process' };
    const lapsed = refuseWhileLapsed(tx, actorOf(staff), caseId, 'plan-meeting', { kind: proc.kind });
    if (lapsed) return lapsed;
    const people = loadCasePeople(tx, caseId);
    const ids = [...new Set(plan.attendeeIds)];
    const attendees = people.filter((p) => ids.includes(p.id));
    if (attendees.length !== ids.length) return { ok: false, error: 'bad-person' };
    const gaps = meetingGaps(attendees);
    if (gaps.length) return { ok: false, error: 'gate', gaps };
    const id = tx
      .insert(meetings)
      .values({
        caseId,
        processId: proc.id,
        startsAt: plan.startsAt,
        mode: plan.mode,
        venue: plan.mode === 'in_person' ? (plan.venue ?? null) : null,
        otherAttendees: plan.otherAttendees ?? null,
        checklist: [],
        byStaffId: staff.id,
      })
      .returning({ id: meetings.id })
      .get().id;
    tx.insert(meetingAttendees)
      .values(ids.map((participantId) => ({ meetingId: id, participantId })))
      .run();
    recordAudit(tx, actorOf(staff), 'meeting.planned', { type: 'meeting', id });
    return { ok: true, id };
  });
}

function plannedMeeting(tx: Tx, caseId: number, meetingId: number) {
  return tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.caseId, caseId)))
    .get();
}

/** Each attendee's recorded needs, as checks the preparation must confirm (an interpreter, help with reading, …). */
function needChecksFor(tx: Tx, attendees: GateParticipant[]) {
  const names = new Map(attendees.map((p) => [p.id, p.name]));
  return needsOf(
    tx,
    attendees.map((p) => p.id),
  ).map((n) => ({ key: needCheck(n), words: `${names.get(n.participantId)}: ${needWords(n).toLowerCase()}` }));
}

/** What a planned meeting still needs before it can be recorded as held, given the people attending. */
const preparationGapsFor = (tx: Tx, meeting: { startsAt: string; checklist: string[] }, attendees: GateParticipant[]) =>
  preparationGaps(meeting.checklist, staleRiskReviews(attendees, meeting.startsAt.slice(0, 10), env.RISK_REVIEW_DAYS), needChecksFor(tx, attendees));

function attendeesOf(tx: Tx, caseId: number, meetingId: number) {
  const ids = tx.select({ id: meetingAttendees.participantId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).all();
  return loadCasePeople(tx, caseId).filter((p) => ids.some((a) => a.id === p.id));
}

function meetingPreparationGaps(tx: Tx, caseId: number, meeting: { id: number; startsAt: string; checklist: string[] }) {
  return preparationGapsFor(tx, meeting, attendeesOf(tx, caseId, meeting.id));
}

/** Saves what is confirmed so far: the fixed checks, and the attendees' needs that are arranged. */
export function updatePreparation(staff: StaffUser, caseId: number, meetingId: number, checklist: string[]): { ok: true } | DeliveryRefusal | null {
  return db.transaction((tx) => {
    if (!caseToDeliver(tx, staff, caseId)) return null;
    const m = plannedMeeting(tx, caseId, meetingId);
    if (!m) return null;
    if (m.status !== 'planned') return { ok: false, error: 'not-planned' };
    const known = new Set<string>([...PREP_CHECKS.map(([v]) => v), ...needChecksFor(tx, attendeesOf(tx, caseId, meetingId)).map((n) => n.key)]);
    tx.update(meetings)
      .set({ checklist: [...new Set(checklist)].filter((c) => known.has(c)) })
      .where(eq(meetings.id, meetingId))
      .run();
    recordAudit(tx, actorOf(staff), 'meeting.prepared', { type: 'meeting', id: meetingId });
    return { ok: true };
  });
}

/** Records what happened. "Held" needs the preparation complete and the meeting's time passed. */
export function recordMeeting(
  staff: StaffUser,
  caseId: number,
  meetingId: number,
  r: { status: 'held' | 'not_held' | 'cancelled'; record: string },
  now = new Date(),
): { ok: true } | DeliveryRefusal | null {
  return db.transaction((tx) => {
    if (!caseToDeliver(tx, staff, caseId)) return null;
    const m = plannedMeeting(tx, caseId, meetingId);
    if (!m) return null;
    if (m.status !== 'planned') return { ok: false, error: 'not-planned' };
    if (r.status === 'held') {
      const proc = tx.select().from(processes).where(eq(processes.id, m.processId)).get()!;
      const subject = { type: 'meeting', id: meetingId } as const;
      if (proc.interruptedAt || proc.status !== 'running') {
        recordAudit(tx, actorOf(staff), 'refused.hold_meeting', subject);
        return { ok: false, error: 'interrupted' };
      }
      const lapsed = refuseWhileLapsed(tx, actorOf(staff), caseId, 'hold-meeting', { kind: proc.kind, subject });
      if (lapsed) return lapsed;
      // Everyone attending, supporters too, must still be allowed to meet (a risk decision may have changed since it was planned).
      const attendeeGaps = meetingGaps(attendeesOf(tx, caseId, meetingId));
      if (attendeeGaps.length) {
        recordAudit(tx, actorOf(staff), 'refused.hold_meeting', subject);
        return { ok: false, error: 'gate', gaps: attendeeGaps };
      }
      if (m.startsAt.slice(0, 10) < proc.startedOn) return { ok: false, error: 'before-process' };
      const gaps = meetingPreparationGaps(tx, caseId, m);
      if (gaps.length) return { ok: false, error: 'preparation', gaps };
      if (m.startsAt.slice(0, 10) > now.toISOString().slice(0, 10)) return { ok: false, error: 'not-yet' };
    }
    tx.update(meetings).set({ status: r.status, record: r.record }).where(eq(meetings.id, meetingId)).run();
    recordAudit(tx, actorOf(staff), 'meeting.recorded', { type: 'meeting', id: meetingId });
    if (r.status === 'held') inviteToFeedback(tx, caseId, actorOf(staff));
    return { ok: true };
  });
}

/** Cancels the planned meetings of the case (or of one of its processes), each with its audit row. */
export function cancelPlannedMeetings(
  tx: Tx,
  staff: StaffUser,
  caseId: number,
  processId: number | null,
  record: string,
  action: 'meeting.cancelled_by_closure' | 'meeting.cancelled_with_process',
) {
  const planned = tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.caseId, caseId), eq(meetings.status, 'planned'), processId === null ? undefined : eq(meetings.processId, processId)))
    .all();
  for (const m of planned) {
    tx.update(meetings).set({ status: 'cancelled', record }).where(eq(meetings.id, m.id)).run();
    recordAudit(tx, actorOf(staff), action, { type: 'meeting', id: m.id });
  }
}

/** One meeting, with who attends and what its preparation still needs. */
export function getMeeting(staff: StaffUser, caseId: number, meetingId: number) {
  const o = getOutcomes(staff, caseId);
  const m = o?.meetings.find((x) => x.id === meetingId);
  if (!o || !m) return null;
  const by = db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, m.byStaffId)).get()?.name ?? '';
  const attendees = o.people.filter((p) => m.attendeeIds.includes(p.id));
  return {
    kase: o.kase,
    lapse: o.lapse,
    meeting: m,
    by,
    attendees: attendees.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    needChecks: needChecksFor(db, attendees),
    // The people are already loaded: no second read of the attendees or their assessments.
    gaps: m.status === 'planned' ? preparationGapsFor(db, m, attendees) : [],
  };
}
