// The essentials hold for a case's whole life, not only at "ready" (decision 019). Every
// write to a case, its people or their assessments ends with `keepCaseSafe`, which, in
// the same transaction:
//  - opens a lapse when a case past "ready" loses an essential (and closes it when they
//    are all recorded again), each with its audit row;
//  - interrupts every running process the people no longer allow, for good: it can only
//    end early, and a new one starts once the essentials hold again;
//  - pauses a running letter exchange (freezeIfUnsafe, decision 010).
// Delivery steps and forward moves ask `refuseWhileLapsed`, which refuses with the gaps in
// words and records the refusal in the audit trail.
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import { caseLapses, cases, processes } from '#db/schema';
import { recordAudit, type Actor } from '~/models/audit.server';
import { describeGap, essentialGaps } from './case-stages';
import { freezeIfUnsafe, loadCasePeople } from './exchange-safety.server';
import { DELIVERY_STAGES, processGaps } from '~/models/outcomes/outcomes';
import type { FreezeCause } from '~/models/states';

/** The steps a lapse refuses, each with its audit action. */
export const REFUSED_STEPS = {
  'start-process': 'refused.start_process',
  'complete-process': 'refused.complete_process',
  'plan-meeting': 'refused.plan_meeting',
  'hold-meeting': 'refused.hold_meeting',
  'add-item': 'refused.add_item',
  'record-agreement': 'refused.record_agreement',
  'move-forward': 'refused.move_forward',
  'close-completed': 'refused.close_completed',
} as const;
export type RefusedStep = keyof typeof REFUSED_STEPS;

/** The case's open lapse, if its essentials are missing now. */
export function openLapse(tx: Tx, caseId: number) {
  return tx
    .select()
    .from(caseLapses)
    .where(and(eq(caseLapses.caseId, caseId), isNull(caseLapses.endedAt)))
    .get();
}

/**
 * Records a lapse's start or end, interrupts the processes the people no longer allow, and
 * pauses letters if they are no longer safe. Call it inside the transaction of every change
 * to a case, its people or their assessments. Returns the exchange's freeze cause, if any.
 */
export function keepCaseSafe(tx: Tx, caseId: number, actor: Actor, cause?: FreezeCause, now = new Date()): FreezeCause | null {
  const kase = tx.select({ stage: cases.stage }).from(cases).where(eq(cases.id, caseId)).get();
  if (kase) {
    const people = loadCasePeople(tx, caseId);
    const past = DELIVERY_STAGES.includes(kase.stage);
    const gaps = past ? essentialGaps(people) : [];
    const open = openLapse(tx, caseId);
    if (gaps.length && !open) {
      tx.insert(caseLapses)
        .values({ caseId, startedAt: now, gaps: gaps.map((g) => ({ participantId: g.participantId, what: g.what })) })
        .run();
      recordAudit(tx, actor, 'case.essentials_lapsed', { type: 'case', id: caseId });
    } else if (!gaps.length && open) {
      tx.update(caseLapses).set({ endedAt: now }).where(eq(caseLapses.id, open.id)).run();
      recordAudit(tx, actor, past ? 'case.essentials_restored' : 'case.lapse_ended_by_stage', { type: 'case', id: caseId });
    }
    const running = tx
      .select({ id: processes.id, kind: processes.kind })
      .from(processes)
      .where(and(eq(processes.caseId, caseId), eq(processes.status, 'running'), isNull(processes.interruptedAt)))
      .all();
    for (const p of running) {
      if (!processGaps(p.kind, people).length) continue;
      tx.update(processes).set({ interruptedAt: now }).where(eq(processes.id, p.id)).run();
      recordAudit(tx, actor, 'process.interrupted', { type: 'process', id: p.id });
    }
  }
  return freezeIfUnsafe(tx, caseId, actor, cause);
}

export type LapseRefusal = { ok: false; error: 'lapsed'; gaps: string[] };

/**
 * Refuses a step while the case's essentials (or, for a process, what its kind needs) are
 * missing: the audit records what was refused, and the answer says why in words.
 */
export function refuseWhileLapsed(
  tx: Tx,
  actor: Actor,
  caseId: number,
  step: RefusedStep,
  opts: { kind?: Parameters<typeof processGaps>[0]; subject?: { type: 'process' | 'meeting'; id: number } } = {},
): LapseRefusal | null {
  const people = loadCasePeople(tx, caseId);
  const gaps = opts.kind ? processGaps(opts.kind, people) : essentialGaps(people).map(describeGap);
  if (!gaps.length) return null;
  recordAudit(tx, actor, REFUSED_STEPS[step], opts.subject ?? { type: 'case', id: caseId });
  return { ok: false, error: 'lapsed', gaps };
}
