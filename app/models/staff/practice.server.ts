// Practitioners' records: managers add entries; everyone's supervision and accreditation
// are worked out from them for the reports, the worklist and case assignment.
import { and, asc, desc, eq, gte, max } from 'drizzle-orm';
import { practiceRecords, staffUsers } from '#db/schema';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { accreditationState, supervisionState, type PracticeEntry } from './practice';

const ukToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** A manager records an entry for a member of staff: false if there is no such account or supervisor. */
export function addPracticeRecord(manager: StaffUser, staffUserId: number, entry: PracticeEntry): boolean {
  if (manager.role !== 'manager') return false;
  return db.transaction((tx) => {
    const exists = (id: number) => !!tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, id)).get();
    const active = (id: number) =>
      !!tx
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(and(eq(staffUsers.id, id), eq(staffUsers.active, true)))
        .get();
    if (!exists(staffUserId)) return false;
    if (entry.kind === 'supervision' && (!entry.supervisorId || entry.supervisorId === staffUserId || !active(entry.supervisorId))) return false;
    tx.insert(practiceRecords)
      .values({
        staffUserId,
        kind: entry.kind,
        onDate: entry.onDate,
        what: entry.what,
        supervisorId: entry.kind === 'supervision' ? entry.supervisorId : null,
        renewsOn: entry.kind === 'accreditation' ? (entry.renewsOn ?? null) : null,
        hours: entry.kind === 'cpd' ? (entry.hours ?? null) : null,
        byStaffId: manager.id,
      })
      .run();
    recordAudit(tx, { type: 'staff', id: manager.id }, 'practice.recorded', { type: 'staff_user', id: staffUserId });
    return true;
  });
}

/** One person's entries, newest first, with the supervisor's name. */
export function practiceRecordsOf(staffUserId: number) {
  const supervisors = new Map(
    db
      .select({ id: staffUsers.id, name: staffUsers.name })
      .from(staffUsers)
      .all()
      .map((s) => [s.id, s.name]),
  );
  return db
    .select()
    .from(practiceRecords)
    .where(eq(practiceRecords.staffUserId, staffUserId))
    .orderBy(desc(practiceRecords.onDate), desc(practiceRecords.id))
    .all()
    .map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), supervisor: r.supervisorId ? (supervisors.get(r.supervisorId) ?? null) : null }));
}

/** Supervision, accreditation and CPD for one person, as of today. */
export function practiceStatusOf(staffUserId: number, today = ukToday()) {
  const latest = (kind: 'supervision' | 'accreditation') =>
    db
      .select({ onDate: practiceRecords.onDate, renewsOn: practiceRecords.renewsOn })
      .from(practiceRecords)
      .where(and(eq(practiceRecords.staffUserId, staffUserId), eq(practiceRecords.kind, kind)))
      .orderBy(desc(practiceRecords.onDate), desc(practiceRecords.id))
      .limit(1)
      .get();
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const cpd = db
    .select({ hours: practiceRecords.hours })
    .from(practiceRecords)
    .where(and(eq(practiceRecords.staffUserId, staffUserId), eq(practiceRecords.kind, 'cpd'), gte(practiceRecords.onDate, yearAgo)))
    .all();
  const supervision = latest('supervision');
  const accreditation = latest('accreditation');
  return {
    supervision: { lastOn: supervision?.onDate ?? null, ...supervisionState(supervision?.onDate ?? null, env.SUPERVISION_WEEKS, today) },
    accreditation: {
      renewsOn: accreditation?.renewsOn ?? null,
      state: accreditationState(accreditation?.renewsOn ?? null, env.ACCREDITATION_NOTICE_DAYS, today),
    },
    cpdHoursThisYear: cpd.reduce((a, r) => a + (r.hours ?? 0), 0),
  };
}
export type PracticeStatus = ReturnType<typeof practiceStatusOf>;

/** Every active facilitator's status, for the managers' reports. */
export function practiceStatusOfTeam() {
  const today = ukToday();
  return db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), eq(staffUsers.role, 'facilitator')))
    .orderBy(asc(staffUsers.name))
    .all()
    .map((s) => ({ ...s, ...practiceStatusOf(s.id, today) }));
}

/** Names of assignable people with a warning: facilitators whose supervision is overdue (assigning a case to them warns). */
export function withSupervisionWarnings<T extends { id: number; name: string }>(people: T[]) {
  // One query for everyone's last session, not three per facilitator: this runs on every
  // referral and case page a manager opens.
  const today = ukToday();
  const last = new Map(
    db
      .select({ id: practiceRecords.staffUserId, lastOn: max(practiceRecords.onDate) })
      .from(practiceRecords)
      .where(eq(practiceRecords.kind, 'supervision'))
      .groupBy(practiceRecords.staffUserId)
      .all()
      .map((r) => [r.id, r.lastOn]),
  );
  const facilitators = new Set(
    db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.active, true), eq(staffUsers.role, 'facilitator')))
      .all()
      .map((s) => s.id),
  );
  return people.map((p) => ({
    ...p,
    supervisionOverdue: facilitators.has(p.id) && supervisionState(last.get(p.id) ?? null, env.SUPERVISION_WEEKS, today).state === 'overdue',
  }));
}
