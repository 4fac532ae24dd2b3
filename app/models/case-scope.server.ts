// The cases a member of staff may act on: a facilitator their own, a manager every case.
// Every staff query about a case, or anything in one, is scoped through these, so a
// missing check cannot leak a record (decision 006).
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
