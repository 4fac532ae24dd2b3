// New messages on a case: a referrer's message or a participant's letter marks the case
// unread (urgent when it reads like a threat or someone frightened), and the referrer's
// message sends the facilitator a content-free email through the outbox. The facilitator
// opening the case marks it read. Both are changes to the case, so both are audited.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { cases, staffUsers } from '#db/schema';
import { caseMessageEmail } from '#emails/case-message';
import type { Tx } from '#db/client.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit, type Actor } from '~/models/audit.server';
import { looksUrgent } from '~/models/safety-flags/threats.server';

/** Marks the case unread (and urgent if the words look it). `email`: tell the facilitator now. */
export function markCaseUnread(tx: Tx, where: { caseId: number } | { referralId: number }, words: string, actor: Actor, email: boolean) {
  const urgent = looksUrgent(words);
  const kase = tx
    .update(cases)
    .set({ unreadSince: sql`coalesce(${cases.unreadSince}, ${Date.now()})`, unreadUrgent: urgent ? true : sql`${cases.unreadUrgent}` })
    .where('caseId' in where ? eq(cases.id, where.caseId) : eq(cases.referralId, where.referralId))
    .returning({ id: cases.id, facilitatorId: cases.facilitatorId })
    .get();
  if (!kase) return;
  recordAudit(tx, actor, urgent ? 'case.marked_urgent' : 'case.marked_unread', { type: 'case', id: kase.id });
  if (!email && !urgent) return;
  const f = tx.select({ email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, kase.facilitatorId)).get();
  if (f) enqueueEmail(tx, f.email, 'case-message', caseMessageEmail({ caseId: kase.id, urgent, publicUrl: env.PUBLIC_URL }));
}

/** The assigned facilitator has opened the case: it is read. Writes only if it was unread. */
export function markCaseRead(tx: Tx, staff: StaffUser, caseId: number) {
  const changed = tx
    .update(cases)
    .set({ unreadSince: null, unreadUrgent: false })
    .where(and(eq(cases.id, caseId), eq(cases.facilitatorId, staff.id), isNotNull(cases.unreadSince)))
    .run().changes;
  if (changed) recordAudit(tx, { type: 'staff', id: staff.id }, 'case.marked_read', { type: 'case', id: caseId });
}
