// The exchange's safety rules, held by the model rather than by each page: whenever a
// change to a case leaves letters unsafe to pass on (consent withdrawn, a risk decision
// of "not suitable" or "meeting only", a new safeguarding concern, the case leaving the
// stages where letters run), the running exchange is paused in the same transaction,
// with an audit row and a content-free notice to the facilitator. Approval checks the
// same rule again, so a letter cannot be passed on even if a pause was somehow missed.
import { and, asc, eq } from 'drizzle-orm';
import { assessments, cases, exchanges, participants, staffUsers } from '#db/schema';
import { exchangeFrozenEmail } from '#emails/exchange-frozen';
import type { Tx } from '#db/client.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import { recordAudit, type Actor } from '~/models/audit.server';
import type { GateParticipant } from './case-stages';
import { relayBlocker, type FreezeCause } from '~/models/states';

/** The case's people with their assessments, as the essentials gate reads them. */
export function loadCasePeople(tx: Tx, caseId: number) {
  return tx
    .select({ p: participants, a: assessments })
    .from(participants)
    .leftJoin(assessments, eq(assessments.participantId, participants.id))
    .where(eq(participants.caseId, caseId))
    .orderBy(asc(participants.id))
    .all()
    .map(({ p, a }) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      directlyAffected: p.directlyAffected,
      contactDetails: p.contactDetails,
      supporterOf: p.supporterOf,
      contactConsent: p.contactConsent,
      assessment: a,
    })) satisfies GateParticipant[];
}

/** One of the case's people with their assessment, or undefined if not in this case. */
export function findCasePerson(tx: Tx, caseId: number, participantId: number) {
  return tx
    .select({ p: participants, a: assessments })
    .from(participants)
    .leftJoin(assessments, eq(assessments.participantId, participants.id))
    .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)))
    .get();
}

/** Why letters may not be passed on in this case now, or null. */
export function caseRelayBlocker(tx: Tx, caseId: number): FreezeCause | null {
  const kase = tx.select({ stage: cases.stage }).from(cases).where(eq(cases.id, caseId)).get();
  if (!kase) return 'stage';
  return relayBlocker(kase.stage, loadCasePeople(tx, caseId));
}

/**
 * Pauses the case's running exchange if letters are no longer safe to pass on, or always
 * when `cause` is given (a new safeguarding concern). Call it inside the transaction of
 * every change to a case, its people or their assessments. Returns the cause if it paused.
 */
export function freezeIfUnsafe(tx: Tx, caseId: number, actor: Actor, cause?: FreezeCause): FreezeCause | null {
  const ex = tx
    .select({ id: exchanges.id })
    .from(exchanges)
    .where(and(eq(exchanges.caseId, caseId), eq(exchanges.status, 'open')))
    .get();
  if (!ex) return null;
  const why = cause ?? caseRelayBlocker(tx, caseId);
  if (!why) return null;
  const changed = tx
    .update(exchanges)
    .set({ status: 'paused', pausedBy: 'portal', pauseReason: why, updatedAt: new Date() })
    .where(and(eq(exchanges.id, ex.id), eq(exchanges.status, 'open')))
    .run().changes;
  if (!changed) return null;
  recordAudit(tx, actor, 'exchange.frozen', { type: 'exchange', id: ex.id });
  const f = tx.select({ email: staffUsers.email }).from(cases).innerJoin(staffUsers, eq(staffUsers.id, cases.facilitatorId)).where(eq(cases.id, caseId)).get();
  if (f) enqueueEmail(tx, f.email, 'exchange-frozen', exchangeFrozenEmail({ caseId, publicUrl: env.PUBLIC_URL }));
  return why;
}
