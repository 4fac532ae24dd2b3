// Who looked at what: one member of staff's audit rows (what they did and what they opened),
// newest first, each tied back to its case so a manager can follow it, with views outside
// the viewer's own cases marked (recordView in audit.server.ts sets the mark).
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';

export const ACTIVITY_PAGE_SIZE = 100;

/** For each kind of record, the SQL that finds its case and the case's reference. */
const CASE_OF: Partial<Record<string, string>> = {
  case: 'select c.id as caseId, r.reference from cases c join referrals r on r.id = c.referral_id where c.id = ?',
  participant:
    'select c.id as caseId, r.reference from participants p join cases c on c.id = p.case_id join referrals r on r.id = c.referral_id where p.id = ?',
  letter:
    'select c.id as caseId, r.reference from letters l join exchanges e on e.id = l.exchange_id join cases c on c.id = e.case_id join referrals r on r.id = c.referral_id where l.id = ?',
  referral: 'select c.id as caseId, r.reference from referrals r left join cases c on c.referral_id = r.id where r.id = ?',
  process: 'select c.id as caseId, r.reference from processes x join cases c on c.id = x.case_id join referrals r on r.id = c.referral_id where x.id = ?',
  meeting: 'select c.id as caseId, r.reference from meetings x join cases c on c.id = x.case_id join referrals r on r.id = c.referral_id where x.id = ?',
  agreement_item:
    'select c.id as caseId, r.reference from agreement_items x join cases c on c.id = x.case_id join referrals r on r.id = c.referral_id where x.id = ?',
  exchange: 'select c.id as caseId, r.reference from exchanges x join cases c on c.id = x.case_id join referrals r on r.id = c.referral_id where x.id = ?',
};

export function staffActivity(manager: StaffUser, staffUserId: number, { before = null as number | null, viewsOnly = false } = {}) {
  if (manager.role !== 'manager') return null;
  const rows = db.$client
    .prepare(
      `select id, created_at as at, action, subject_type as subjectType, subject_id as subjectId, outside_assignment as outsideAssignment
       from audit_events where actor_type = 'staff' and actor_id = @actor ${before ? 'and id < @before' : ''} ${viewsOnly ? "and action like '%.viewed'" : ''}
       order by id desc limit @limit`,
    )
    .all({ actor: String(staffUserId), ...(before ? { before } : {}), limit: ACTIVITY_PAGE_SIZE + 1 }) as {
    id: number;
    at: number;
    action: string;
    subjectType: string;
    subjectId: string | null;
    outsideAssignment: number | null;
  }[];
  const older = rows.length > ACTIVITY_PAGE_SIZE ? rows[ACTIVITY_PAGE_SIZE - 1]!.id : null;
  rows.length = Math.min(rows.length, ACTIVITY_PAGE_SIZE);
  const cache = new Map<string, { caseId: number | null; reference: string } | null>();
  const caseOf = (type: string, id: string | null) => {
    const sql = CASE_OF[type];
    if (!sql || id === null) return null;
    const key = `${type}:${id}`;
    if (!cache.has(key)) cache.set(key, (db.$client.prepare(sql).get(Number(id)) as { caseId: number | null; reference: string } | undefined) ?? null);
    return cache.get(key)!;
  };
  return {
    older,
    rows: rows.map((r) => ({
      ...r,
      at: new Date(r.at).toISOString(),
      outsideAssignment: r.outsideAssignment === 1,
      inTriage: r.outsideAssignment === null && r.action.endsWith('.viewed'),
      ...(caseOf(r.subjectType, r.subjectId) ?? { caseId: null, reference: null }),
    })),
  };
}
