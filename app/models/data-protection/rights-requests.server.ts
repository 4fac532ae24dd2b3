// People's requests under UK GDPR (to see, delete, correct, limit or object to the use of
// their information): recorded with the day they arrived, due one calendar month later,
// shown as due or overdue until answered. Each change is an audit row.
import { db } from '~/utils/db.server';
import { ukIsoDay } from '~/utils/dates';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { monthAfter, type RightsRequestKind } from './data-protection-schemas';

const sqlite = () => db.$client;

export type RightsRequestRow = {
  id: number;
  kind: RightsRequestKind;
  requester: string;
  details: string | null;
  receivedOn: string;
  dueOn: string;
  status: 'open' | 'answered' | 'refused';
  answeredOn: string | null;
  outcome: string | null;
  recordedBy: string;
};

export function recordRightsRequest(
  manager: StaffUser,
  v: { kind: RightsRequestKind; requester: string; details?: string; receivedOn: string },
): number | null {
  if (manager.role !== 'manager') return null;
  return db.transaction((tx) => {
    const id = Number(
      sqlite()
        .prepare('insert into rights_requests (kind, requester, details, received_on, due_on, recorded_by) values (?, ?, ?, ?, ?, ?)')
        .run(v.kind, v.requester, v.details ?? null, v.receivedOn, monthAfter(v.receivedOn), manager.id).lastInsertRowid,
    );
    recordAudit(tx, { type: 'staff', id: manager.id }, 'rights_request.recorded', { type: 'rights_request', id });
    return id;
  });
}

/** False when the request is not open any more (answered in another tab, or by someone else). */
export function answerRightsRequest(manager: StaffUser, id: number, v: { status: 'answered' | 'refused'; answeredOn: string; outcome: string }): boolean {
  if (manager.role !== 'manager') return false;
  return db.transaction((tx) => {
    const changed = sqlite()
      .prepare("update rights_requests set status = ?, answered_on = ?, outcome = ? where id = ? and status = 'open' and received_on <= ?")
      .run(v.status, v.answeredOn, v.outcome, id, v.answeredOn).changes;
    if (changed) recordAudit(tx, { type: 'staff', id: manager.id }, 'rights_request.answered', { type: 'rights_request', id });
    return changed > 0;
  });
}

/** Open requests first, soonest due first; then the last 50 answered. */
export function listRightsRequests(today = ukIsoDay(Date.now())) {
  const select = `select q.id, q.kind, q.requester, q.details, q.received_on as receivedOn, q.due_on as dueOn, q.status, q.answered_on as answeredOn, q.outcome,
      s.name as recordedBy from rights_requests q join staff_users s on s.id = q.recorded_by`;
  const open = sqlite().prepare(`${select} where q.status = 'open' order by q.due_on, q.id`).all() as RightsRequestRow[];
  const closed = sqlite().prepare(`${select} where q.status <> 'open' order by q.answered_on desc, q.id desc limit 50`).all() as RightsRequestRow[];
  return {
    open: open.map((r) => ({
      ...r,
      overdue: r.dueOn < today,
      dueSoon: r.dueOn >= today && r.dueOn <= ukIsoDay(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000),
    })),
    closed,
  };
}

/** For the data protection page: how many are open and how many are late. */
export function rightsRequestCounts(today = ukIsoDay(Date.now())) {
  return sqlite().prepare("select count(*) as open, coalesce(sum(due_on < ?), 0) as overdue from rights_requests where status = 'open'").get(today) as {
    open: number;
    overdue: number;
  };
}

export function rightsRequest(id: number) {
  return (
    (sqlite()
      .prepare(
        `select q.id, q.kind, q.requester, q.details, q.received_on as receivedOn, q.due_on as dueOn, q.status, q.answered_on as answeredOn, q.outcome,
           s.name as recordedBy from rights_requests q join staff_users s on s.id = q.recorded_by where q.id = ?`,
      )
      .get(id) as RightsRequestRow | undefined) ?? null
  );
}
