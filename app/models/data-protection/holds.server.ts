// Legal holds (a manager keeps a case past its retention period, with a reason and a review
// date), and what goes in the next days: the outlook and a case's place in the schedule.
import { monthsBefore, RETENTION_RULES, type RetentionKey } from '~/data/retention';
import { db } from '~/utils/db.server';
import { ukIsoDay } from '~/utils/dates';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { stmt } from './purge-records.server';
import { QUIET, cutoffOf, dueCount, retentionPeriods, ruleOf } from './retention.server';

export type Hold = { id: number; reason: string; reviewOn: string; placedBy: string; createdAt: string };

/** The case's standing hold, if any. */
export function holdOf(caseId: number): Hold | null {
  const row = stmt(
    `select h.id, h.reason, h.review_on as reviewOn, s.name as placedBy, h.created_at as createdAt from legal_holds h
       join staff_users s on s.id = h.placed_by where h.case_id = ? and h.released_at is null`,
  ).get(caseId) as (Omit<Hold, 'createdAt'> & { createdAt: number }) | undefined;
  return row ? { ...row, createdAt: new Date(row.createdAt).toISOString() } : null;
}

/** A manager holds a case back from the purge. False if it is already held or already purged. */
export function placeHold(manager: StaffUser, caseId: number, reason: string, reviewOn: string): boolean {
  return db.transaction((tx) => {
    const kase = stmt('select r.purged_at as purgedAt from cases c join referrals r on r.id = c.referral_id where c.id = ?').get(caseId) as
      { purgedAt: number | null } | undefined;
    if (!kase || kase.purgedAt) return false;
    if (stmt('select 1 from legal_holds where case_id = ? and released_at is null').get(caseId)) return false;
    stmt('insert into legal_holds (case_id, reason, review_on, placed_by) values (?, ?, ?, ?)').run(caseId, reason, reviewOn, manager.id);
    recordAudit(tx, { type: 'staff', id: manager.id }, 'case.hold_placed', { type: 'case', id: caseId });
    return true;
  });
}

export function releaseHold(manager: StaffUser, caseId: number, releaseReason: string): boolean {
  return db.transaction((tx) => {
    const changed = stmt('update legal_holds set released_at = ?, released_by = ?, release_reason = ? where case_id = ? and released_at is null').run(
      Date.now(),
      manager.id,
      releaseReason,
      caseId,
    ).changes;
    if (changed) recordAudit(tx, { type: 'staff', id: manager.id }, 'case.hold_released', { type: 'case', id: caseId });
    return changed > 0;
  });
}

export type DueCase = { caseId: number; reference: string; closedAt: string; dueAt: string; held: boolean };

/**
 * What the purge will remove in the next `days` days: each rule's count, the cases by name
 * (held ones marked: they will stay), every standing hold with its review date, and the
 * last runs. Reads only.
 */
export function retentionOutlook(now = Date.now(), days = 30) {
  const horizon = now + days * 86_400_000;
  const periods = retentionPeriods();
  const until = (key: RetentionKey) => cutoffOf(ruleOf(key), periods[key], horizon);
  const cases = (
    stmt(
      `select c.id as caseId, r.reference, c.closed_at as closedAt,
           exists (select 1 from legal_holds h where h.case_id = c.id and h.released_at is null) as held,
           (c.unread_since is not null or not ${QUIET}) as waiting
         from cases c join referrals r on r.id = c.referral_id
         where c.stage = 'closed' and c.closed_at < @cutoff and r.purged_at is null order by c.closed_at limit 200`,
    ).all({ cutoff: until('closed_cases') }) as { caseId: number; reference: string; closedAt: number; held: number; waiting: number }[]
  ).map((c) => ({
    ...c,
    held: !!c.held,
    waiting: !!c.waiting,
    closedAt: new Date(c.closedAt).toISOString(),
    dueAt: new Date(monthsBefore(c.closedAt, -periods.closed_cases)).toISOString(),
  }));
  const counts = Object.fromEntries(RETENTION_RULES.map((r) => [r.key, dueCount(r.key, horizon, periods)])) as Record<RetentionKey, number>;
  const holds = (
    stmt(
      `select h.case_id as caseId, r.reference, h.reason, h.review_on as reviewOn, s.name as placedBy from legal_holds h
         join cases c on c.id = h.case_id join referrals r on r.id = c.referral_id join staff_users s on s.id = h.placed_by
         where h.released_at is null order by h.review_on`,
    ).all() as { caseId: number; reference: string; reason: string; reviewOn: string; placedBy: string }[]
  ).map((h) => ({ ...h, reviewDue: h.reviewOn <= ukIsoDay(now) }));
  const runs = (
    stmt(
      'select id, started_by as startedBy, started_at as startedAt, finished_at as finishedAt, counts from retention_runs order by id desc limit 5',
    ).all() as {
      id: number;
      startedBy: string;
      startedAt: number;
      finishedAt: number | null;
      counts: string | null;
    }[]
  ).map((r) => ({
    ...r,
    startedAt: new Date(r.startedAt).toISOString(),
    finished: r.finishedAt !== null,
    total: r.counts ? Object.values(JSON.parse(r.counts) as Record<string, number>).reduce((a, b) => a + b, 0) : null,
  }));
  return { days, counts, cases, holds, runs, periods };
}

/** A case's place in the schedule: when it closed, when its personal data goes, its hold. */
export function caseRetention(caseId: number) {
  const row = stmt(
    'select c.id as caseId, r.reference, c.closed_at as closedAt, r.purged_at as purgedAt from cases c join referrals r on r.id = c.referral_id where c.id = ?',
  ).get(caseId) as { caseId: number; reference: string; closedAt: number | null; purgedAt: number | null } | undefined;
  if (!row) return null;
  const period = retentionPeriods().closed_cases;
  const due = row.closedAt === null ? null : new Date(monthsBefore(row.closedAt, -period));
  return {
    caseId: row.caseId,
    reference: row.reference,
    period,
    closedAt: row.closedAt === null ? null : new Date(row.closedAt).toISOString(),
    purgedAt: row.purgedAt === null ? null : new Date(row.purgedAt).toISOString(),
    dueAt: due?.toISOString() ?? null,
    hold: holdOf(caseId),
  };
}
