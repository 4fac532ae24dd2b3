import { auditEvents } from '#db/schema';
import type { Tx } from '#db/client.server';
import type { AuditAction, SubjectType } from './audit-vocabulary';

export type Actor = { type: 'referrer' | 'staff' | 'system'; id?: string | number | null };

/** Writes one audit row. Call it inside the transaction that makes the change. */
export function recordAudit(tx: Tx, actor: Actor, action: AuditAction, subject: { type: SubjectType; id?: string | number | null }) {
  tx.insert(auditEvents)
    .values({
      actorType: actor.type,
      actorId: actor.id == null ? null : String(actor.id),
      action,
      subjectType: subject.type,
      subjectId: subject.id == null ? null : String(subject.id),
    })
    .run();
}

/**
 * Read audit: a member of staff opened a record. `facilitatorId` is whose case it is (null
 * for a referral still in triage, which nobody holds yet): a view by anyone else is marked
 * as outside their assignment, for the manager's "who viewed what".
 */
export function recordView(
  tx: Tx,
  staff: { id: number },
  action: Extract<AuditAction, `${string}.viewed`>,
  subject: { type: SubjectType; id: number },
  facilitatorId: number | null,
) {
  tx.insert(auditEvents)
    .values({
      actorType: 'staff',
      actorId: String(staff.id),
      action,
      subjectType: subject.type,
      subjectId: String(subject.id),
      outsideAssignment: facilitatorId === null ? null : facilitatorId !== staff.id,
    })
    .run();
}
