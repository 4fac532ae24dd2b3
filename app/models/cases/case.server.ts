// Cases: the record a facilitator keeps from acceptance to closure. Every function takes
// the member of staff acting and scopes by them: a facilitator sees only their own cases,
// a manager sees all. Every change is one transaction with its audit row.
import { and, asc, count, desc, eq, min, ne } from 'drizzle-orm';
import { assessmentVersions, caseTransitions, cases, contactLogs, exchanges, participants, referrals, staffUsers, type CaseStage } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { caseIsSensitive, hasComplexTraining, needsOf, overridesOf } from './needs.server';
import { recordAudit, recordView } from '~/models/audit.server';
import { findCaseInScope, findCaseToChange } from './case-scope.server';
import { findCasePerson, loadCasePeople } from './exchange-safety.server';
import { markCaseRead } from './case-alerts.server';
import { caseNotesAndAssignments } from './case-record.server';
import { caseVictimFirst, requireVictimFirst } from './victim-first.server';
import { inviteToFeedback } from '~/models/feedback/feedback.server';
import { endDeliveryOnClosure, hasCompletedProcess, lapseOf, outstandingItems } from '~/models/outcomes/outcomes.server';
import { DELIVERY_STAGES } from '~/models/outcomes/outcomes';
import { keepCaseSafe, refuseWhileLapsed } from './essentials.server';
import { recordShareConsent, referrerNoticesFor, updateCaseReferrer } from '~/models/referrals/referrer-updates.server';
import { CLOSURE_CATEGORY } from '~/models/referrals/referrer-updates';
import { ARRIVAL_RULES, COMPLETED_CLOSURES, essentialGaps, isAllowedMove, missingEssentials, victimFirst } from './case-stages';
import { type ClosureReason } from '~/data/case-options';
import { participantInScope } from './assessment.server';

/** The case page: the case, its referral, participants, the gate and the history. Opening it is audited. */
export function getCaseForStaff(staff: StaffUser, caseId: number) {
  const kase = findCaseInScope(db, staff, caseId);
  if (!kase) return null;
  const referral = db.select().from(referrals).where(eq(referrals.id, kase.referralId)).get()!;
  const people = loadCasePeople(db, caseId);
  const history = db
    .select({
      from: caseTransitions.fromStage,
      to: caseTransitions.toStage,
      reason: caseTransitions.reason,
      at: caseTransitions.createdAt,
      by: staffUsers.name,
    })
    .from(caseTransitions)
    .innerJoin(staffUsers, eq(staffUsers.id, caseTransitions.byStaffId))
    .where(eq(caseTransitions.caseId, caseId))
    .orderBy(asc(caseTransitions.id))
    .all();
  const facilitator = db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, kase.facilitatorId)).get();
  // Who was contacted first: the order matters when the person responsible asked for it.
  const firstContacts = db
    .select({ participantId: contactLogs.participantId, on: min(contactLogs.contactedOn), firstId: min(contactLogs.id) })
    .from(contactLogs)
    .innerJoin(participants, eq(participants.id, contactLogs.participantId))
    .where(eq(participants.caseId, caseId))
    .groupBy(contactLogs.participantId)
    .all()
    .sort((a, b) => (a.on ?? '').localeCompare(b.on ?? '') || (a.firstId ?? 0) - (b.firstId ?? 0));
  // What was new when they opened it; opening it (as its facilitator) marks it read.
  const unread = kase.unreadSince ? { since: kase.unreadSince, urgent: kase.unreadUrgent } : null;
  db.transaction((tx) => {
    recordView(tx, staff, 'case.viewed', { type: 'case', id: caseId }, kase.facilitatorId);
    markCaseRead(tx, staff, caseId);
  });
  return {
    kase,
    referral,
    people,
    gaps: essentialGaps(people),
    lapse: lapseOf(db, kase, people),
    referrerNotices: referrerNoticesFor(db, referral.id),
    training: trainingOf(kase),
    // Derived from the referral and people already loaded, not read again.
    victimFirst: victimFirst(referral.initiatedBy, people),
    firstContacts,
    history,
    facilitator: facilitator?.name ?? '',
    unread,
    ...caseNotesAndAssignments(caseId),
  };
}

/** Whether a sensitive case sits with someone without the training, and any manager's recorded reason for it. */
function trainingOf(kase: { id: number; facilitatorId: number }) {
  const sensitive = caseIsSensitive(db, kase.id);
  const trained = hasComplexTraining(db, kase.facilitatorId);
  const reason =
    overridesOf(db, kase.id)
      .filter((o) => o.staffUserId === kase.facilitatorId)
      .at(-1)?.reason ?? null;
  return { sensitive, trained, reason };
}

export type MoveResult =
  | { ok: true }
  | {
      ok: false;
      error: 'not-found' | 'not-allowed' | 'stale' | 'gate' | 'lapsed' | 'reason-needed' | 'no-process' | 'items-outstanding' | 'note-needed';
      missing?: string[];
    };

/**
 * Moves a case along a declared transition. `from` is the stage the page showed: if the
 * case has moved since (another tab, another person), nothing happens ("stale"), so two
 * moves made at once cannot both apply.
 */
export function moveCase(
  staff: StaffUser,
  caseId: number,
  from: CaseStage,
  to: CaseStage,
  closureReason?: ClosureReason,
  note?: string,
  today = new Date(),
): MoveResult {
  return db.transaction((tx) => {
    const kase = findCaseInScope(tx, staff, caseId);
    if (!kase) return { ok: false, error: 'not-found' };
    if (kase.stage !== from) return { ok: false, error: 'stale' };
    if (!isAllowedMove(from, to)) return { ok: false, error: 'not-allowed' };
    requireVictimFirst(tx, caseId, 'move', null, to);
    const rules = ARRIVAL_RULES[to] ?? {};
    if (rules.needsClosureReason && !closureReason) return { ok: false, error: 'reason-needed' };
    // Closing as completed records that RJ was delivered: it needs what "outcome" needs.
    const gates = to === 'closed' && closureReason && COMPLETED_CLOSURES.includes(closureReason) ? (['essentials', 'process'] as const) : (rules.gates ?? []);
    if (gates.includes('essentials')) {
      const actor = { type: 'staff', id: staff.id } as const;
      // Before "ready" the gaps are the assessment still to do; after it, a lapse, refused and audited.
      const lapsed = DELIVERY_STAGES.includes(from) ? refuseWhileLapsed(tx, actor, caseId, to === 'closed' ? 'close-completed' : 'move-forward') : null;
      if (lapsed) return { ok: false, error: 'lapsed', missing: lapsed.gaps };
      const missing = missingEssentials(loadCasePeople(tx, caseId));
      if (missing.length) return { ok: false, error: 'gate', missing };
    }
    if (gates.includes('process') && !hasCompletedProcess(tx, caseId)) return { ok: false, error: 'no-process' };
    if (to === 'closed' && closureReason === 'completed' && outstandingItems(tx, caseId)) return { ok: false, error: 'items-outstanding' };
    if (to === 'closed' && closureReason === 'other' && !note) return { ok: false, error: 'note-needed' };
    const changed = tx
      .update(cases)
      .set({
        stage: to,
        closureReason: to === 'closed' ? closureReason : null,
        closureNote: to === 'closed' ? (note ?? null) : null,
        closedAt: to === 'closed' ? new Date() : null,
        updatedAt: new Date(),
      })
      .where(and(eq(cases.id, caseId), eq(cases.stage, from)))
      .run().changes;
    if (!changed) return { ok: false, error: 'stale' };
    tx.insert(caseTransitions)
      .values({ caseId, fromStage: from, toStage: to, byStaffId: staff.id, reason: to === 'closed' ? closureReason : (note ?? null) })
      .run();
    if (rules.referralStatus) tx.update(referrals).set({ status: rules.referralStatus }).where(eq(referrals.id, kase.referralId)).run();
    recordAudit(tx, { type: 'staff', id: staff.id }, `case.moved_to_${to}`, { type: 'case', id: caseId });
    if (to === 'closed') {
      // Closing ends what was still running, cleanly: the exchange stops, planned meetings are cancelled.
      endDeliveryOnClosure(tx, staff, caseId, today.toISOString().slice(0, 10));
      const ex = tx
        .update(exchanges)
        .set({ status: 'withdrawn', pausedBy: 'portal', pauseReason: 'stage', updatedAt: new Date() })
        .where(and(eq(exchanges.caseId, caseId), ne(exchanges.status, 'withdrawn')))
        .returning({ id: exchanges.id })
        .get();
      if (ex) recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.withdrawn', { type: 'exchange', id: ex.id });
      inviteToFeedback(tx, caseId, { type: 'staff', id: staff.id });
      // The referrer hears that it closed, or that it was not taken forward and why (in a category).
      if (hasCompletedProcess(tx, caseId)) updateCaseReferrer(tx, caseId, 'closed', { type: 'staff', id: staff.id });
      else updateCaseReferrer(tx, caseId, 'not_taken_forward', { type: 'staff', id: staff.id }, CLOSURE_CATEGORY[closureReason!] ?? 'Another reason');
    }
    keepCaseSafe(tx, caseId, { type: 'staff', id: staff.id });
    return { ok: true };
  });
}

export function addParticipant(
  staff: StaffUser,
  caseId: number,
  p: { role: 'victim' | 'offender' | 'supporter'; name: string; contactDetails?: string; supporterOf?: string; directlyAffected?: boolean },
): number | null {
  return db.transaction((tx) => {
    if (!findCaseToChange(tx, staff, caseId)) return null;
    const row = tx
      .insert(participants)
      .values({
        caseId,
        role: p.role,
        name: p.name,
        contactDetails: p.contactDetails ?? null,
        supporterOf: p.supporterOf ?? null,
        directlyAffected: p.role === 'supporter' ? (p.directlyAffected ?? false) : null,
      })
      .returning({ id: participants.id })
      .get();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'participant.added', { type: 'participant', id: row.id });
    // A new person must be assessed before letters run again.
    keepCaseSafe(tx, caseId, { type: 'staff', id: staff.id });
    return row.id;
  });
}

export function getParticipantForStaff(staff: StaffUser, caseId: number, participantId: number) {
  const kase = findCaseInScope(db, staff, caseId);
  if (!kase) return null;
  const p = findCasePerson(db, caseId, participantId);
  if (!p) return null;
  const contacts = db
    .select({ id: contactLogs.id, on: contactLogs.contactedOn, method: contactLogs.method, outcome: contactLogs.outcome, by: staffUsers.name })
    .from(contactLogs)
    .innerJoin(staffUsers, eq(staffUsers.id, contactLogs.byStaffId))
    .where(eq(contactLogs.participantId, participantId))
    .orderBy(desc(contactLogs.contactedOn), desc(contactLogs.id))
    .all();
  const versions = db
    .select({
      id: assessmentVersions.id,
      section: assessmentVersions.section,
      values: assessmentVersions.values,
      at: assessmentVersions.createdAt,
      by: staffUsers.name,
    })
    .from(assessmentVersions)
    .innerJoin(staffUsers, eq(staffUsers.id, assessmentVersions.byStaffId))
    .where(eq(assessmentVersions.participantId, participantId))
    .orderBy(desc(assessmentVersions.id))
    .limit(200)
    .all();
  db.transaction((tx) => recordView(tx, staff, 'participant.viewed', { type: 'participant', id: participantId }, kase.facilitatorId));
  return { kase, participant: p.p, assessment: p.a, contacts, versions, victimFirst: caseVictimFirst(db, caseId), needs: needsOf(db, [participantId]) };
}
export function addContact(staff: StaffUser, caseId: number, participantId: number, c: { contactedOn: string; method: string; outcome: string }): boolean {
  return db.transaction((tx) => {
    const p = participantInScope(tx, staff, caseId, participantId);
    if (!p) return false;
    requireVictimFirst(tx, caseId, 'contact', p.role);
    const row = tx
      .insert(contactLogs)
      .values({ participantId, ...c, byStaffId: staff.id })
      .returning({ id: contactLogs.id })
      .get();
    tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, caseId)).run();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'contact.recorded', { type: 'contact_log', id: row.id });
    // The first contact in the case: the referrer hears that contact was made (if the person agreed).
    const contacts = tx
      .select({ n: count(contactLogs.id) })
      .from(contactLogs)
      .innerJoin(participants, eq(participants.id, contactLogs.participantId))
      .where(eq(participants.caseId, caseId))
      .get()!.n;
    if (contacts === 1) updateCaseReferrer(tx, caseId, 'contact_made', { type: 'staff', id: staff.id });
    return true;
  });
}

/** What the person referred now says about the referrer hearing how it goes (partner referrals). */
export function recordReferrerSharing(staff: StaffUser, caseId: number, answer: 'yes' | 'no', on: string): 'recorded' | 'not-partner' | null {
  return db.transaction((tx) => {
    const kase = findCaseToChange(tx, staff, caseId);
    if (!kase) return null;
    const referral = tx.select({ source: referrals.source }).from(referrals).where(eq(referrals.id, kase.referralId)).get();
    if (referral?.source !== 'partner') return 'not-partner';
    recordShareConsent(tx, kase.referralId, answer, on, { type: 'staff', id: staff.id });
    return 'recorded';
  });
}
