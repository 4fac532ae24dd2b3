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
