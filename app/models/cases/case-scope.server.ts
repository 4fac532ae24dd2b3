// The cases a member of staff may act on: a facilitator their own, a manager every case.
// Every staff query about a case, or anything in one, is scoped through these, so a
// missing check cannot leak a record (decision 006).
import { data } from '@remix-run/node';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { cases } from '#db/schema';
import type { StaffUser } from '~/utils/staff-session.server';

/** A WHERE condition on `cases` for the cases this member of staff may see (none for a manager). */
export const caseScope = (staff: StaffUser) => (staff.role === 'manager' ? undefined : eq(cases.facilitatorId, staff.id));

/** The case, if this member of staff may act on it. */
export function findCaseInScope(tx: Tx, staff: StaffUser, caseId: number) {
  return tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), caseScope(staff)))
    .get();
}

export const CASE_CLOSED = 'This case is closed. Only notes, feedback and deletion can be recorded on it now.';

/**
 * The case, for a change to its record: undefined when out of scope (a 404), and a 409
 * thrown when it is closed, so a stale tab or a crafted request cannot change a closed
 * case. What closure still allows (notes, feedback, retention) uses `findCaseInScope`.
 */
export function findCaseToChange(tx: Tx, staff: StaffUser, caseId: number) {
  const kase = findCaseInScope(tx, staff, caseId);
  if (kase?.stage === 'closed') throw data(CASE_CLOSED, { status: 409 });
  return kase;
}
