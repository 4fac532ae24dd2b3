// The facilitator's review: the queue, the review page with safety flags, decisions
// (pass on with redactions, return, do not pass on), paper letters, printing, read receipts
// and the whole exchange for the case file. Approval writes `relayed_text` once, in the
// same transaction as the decision.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  cases,
  exchangeMembers,
  exchanges,
  letterFlagsOff,
  letterReviews,
  letterSecondReadings,
  letters,
  letterVersions,
  participants,
  referrals,
  staffUsers,
} from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { atLimit, findSafetyFlags } from '~/models/safety-flags/safety-flags.server';
import { awaitsDecision, exchangeRelays } from '~/models/states';
import { caseScope } from '~/models/cases/case-scope.server';
import { needsOf } from '~/models/cases/needs.server';
import type { Tx } from '#db/client.server';
import { recordAudit, recordView } from '~/models/audit.server';
import { freezeIfUnsafe } from '~/models/cases/exchange-safety.server';
import { letterInScope } from './shared.server';
import { keepField, standingFlags } from './flag-answers';
import { relayApproved } from './relay.server';
import { alertSecondReaders } from './notifications.server';
import { isBlank, withoutHidden } from '~/utils/hidden-text';
import { type FlagOffRow } from './paper-and-record.server';

/** Letters waiting for review, oldest first: a facilitator's own cases, or every case for a manager. */
export function listReviewQueue(staff: StaffUser) {
  return db
    .select({
      id: letters.id,
      submittedAt: letters.submittedAt,
      onPaper: letters.onPaper,
      caseId: cases.id,
      reference: referrals.reference,
      facilitator: staffUsers.name,
      exchangeStatus: exchanges.status,
      status: letters.status,
    })
    .from(letters)
    .innerJoin(exchanges, eq(exchanges.id, letters.exchangeId))
    .innerJoin(cases, eq(cases.id, exchanges.caseId))
    .innerJoin(referrals, eq(referrals.id, cases.referralId))
    .innerJoin(staffUsers, eq(staffUsers.id, cases.facilitatorId))
    .where(and(inArray(letters.status, ['waiting', 'second_reading']), caseScope(staff)))
    .orderBy(asc(letters.submittedAt), asc(letters.id))
    .limit(200)
    .all();
}

const secondReader = alias(staffUsers, 'second_reader');
/** Every decision on these letters, with who made it (and who agreed, for a kept threat). */
export function reviewsOf(letterIds: number[]) {
  if (!letterIds.length) return [];
  return db
    .select({
      versionId: letterReviews.versionId,
      decision: letterReviews.decision,
      message: letterReviews.messageToAuthor,
      reason: letterReviews.reasonForRecord,
      redactions: letterReviews.redactions,
      kept: letterReviews.kept,
      at: letterReviews.createdAt,
      by: staffUsers.name,
      secondBy: secondReader.name,
    })
    .from(letterReviews)
    .innerJoin(staffUsers, eq(staffUsers.id, letterReviews.byStaffId))
    .leftJoin(secondReader, eq(secondReader.id, letterReviews.secondByStaffId))
    .where(inArray(letterReviews.letterId, letterIds))
    .all();
}

/** The review page: the latest version with its safety flags, and the letter's whole history. Opening it is audited. */
export function getLetterForReview(staff: StaffUser, letterId: number) {
  const found = letterInScope(db, staff, letterId);
  if (!found) return null;
  const versions = db.select().from(letterVersions).where(eq(letterVersions.letterId, letterId)).orderBy(asc(letterVersions.version)).all();
  const reviews = reviewsOf([letterId]);
  const names = memberNames(db, found.ex.id);
  const latest = versions[versions.length - 1];
  const turnedOnBy = alias(staffUsers, 'turned_on_by');
  // Every kind turned off on any version of this letter, with who, why and when it came back: the page shows the current version's, the history the rest.
  const flagsOff = db
    .select({
      versionId: letterFlagsOff.versionId,
      kind: letterFlagsOff.kind,
      reason: letterFlagsOff.reason,
      by: staffUsers.name,
      at: letterFlagsOff.createdAt,
      onAt: letterFlagsOff.turnedOnAt,
      onBy: turnedOnBy.name,
    })
    .from(letterFlagsOff)
    .innerJoin(staffUsers, eq(staffUsers.id, letterFlagsOff.byStaffId))
    .leftJoin(turnedOnBy, eq(turnedOnBy.id, letterFlagsOff.turnedOnByStaffId))
    .where(eq(letterFlagsOff.letterId, letterId))
    .orderBy(asc(letterFlagsOff.id))
    .all() as FlagOffRow[];
  db.transaction((tx) => recordView(tx, staff, 'letter.viewed', { type: 'letter', id: letterId }, found.kase.facilitatorId));
  return {
    letter: found.l,
    exchange: found.ex,
    caseId: found.kase.id,
    versions,
    reviews,
    latest,
    flags: latest
      ? findSafetyFlags(
          latest.body,
          names.map((n) => n.name),
        )
      : [],
    flagsOff,
    author: names.find((n) => n.memberId === found.l.authorMemberId),
    recipient: names.find((n) => n.memberId === found.l.recipientMemberId),
    // What the author and the recipient need (the review asks about the recipient's before passing it on).
    needs: needsOf(
      db,
      names.map((n) => n.participantId),
    ),
  };
}

/** The text of the latest version, for working out what a decision removes. No audit: it is not a viewing. */
export function getLatestBodyForDecision(staff: StaffUser, letterId: number): string | null {
  if (!letterInScope(db, staff, letterId)) return null;
  return (
    db.select({ body: letterVersions.body }).from(letterVersions).where(eq(letterVersions.letterId, letterId)).orderBy(desc(letterVersions.version)).get()
      ?.body ?? ''
  );
}

export type Decision =
  // needsArranged: the facilitator confirmed how the recipient will read it, where they have recorded needs.
  // keep: the reason for each standing flag left in, by its field (keepField).
  | { kind: 'approve'; redactions: [number, number][]; needsArranged?: boolean; keep?: Record<string, string> }
  | { kind: 'return'; messageToAuthor: string }
  | { kind: 'not_passed_on'; reasonForRecord: string; messageToAuthor: string };
export type DecideError = 'not-found' | 'stale' | 'frozen' | 'needs' | 'unanswered' | 'too-many';
type DecideResult =
  { ok: true; secondReader?: true } | { ok: false; error: Exclude<DecideError, 'unanswered'> } | { ok: false; error: 'unanswered'; unanswered: string[] };

/**
 * Records a decision on the version the facilitator read. If the letter has moved on
 * (another decision, a newer version) nothing happens. Approval and relay are one step.
 */
export function decideLetter(staff: StaffUser, letterId: number, versionId: number, d: Decision): DecideResult {
  try {
    return db.transaction((tx) => {
      const found = letterInScope(tx, staff, letterId);
      if (!found) return { ok: false, error: 'not-found' } as const;
      if (!exchangeRelays(found.ex.status)) return { ok: false, error: 'frozen' } as const;
      // The safety rules again, at the moment of relay: if they no longer hold, pause now.
      if (freezeIfUnsafe(tx, found.kase.id, { type: 'staff', id: staff.id })) return { ok: false, error: 'frozen' } as const;
      const latest = tx.select().from(letterVersions).where(eq(letterVersions.letterId, letterId)).orderBy(desc(letterVersions.version)).get();
      if (!awaitsDecision(found.l.status) || !latest || latest.id !== versionId) return { ok: false, error: 'stale' } as const;
      // A recipient with recorded needs (an interpreter, help with reading, …): the letter goes
      // only once the facilitator confirms how they will read it.
      if (d.kind === 'approve' && !d.needsArranged && needsOf(tx, [recipientOf(tx, found.l.recipientMemberId)]).length)
        return { ok: false, error: 'needs' } as const;
      if (d.kind === 'approve') {
        // Every contact, where and threat flag still standing needs a reason to stay.
        const names = memberNames(tx, found.ex.id).map((n) => n.name);
        const offRows = tx
          .select({ kind: letterFlagsOff.kind, reason: letterFlagsOff.reason })
          .from(letterFlagsOff)
          .where(and(eq(letterFlagsOff.versionId, latest.id), isNull(letterFlagsOff.turnedOnAt)))
          .all();
        const flags = findSafetyFlags(latest.body, names);
        // More flagged than can be shown: nobody can have answered them all.
        if (atLimit(flags)) return { ok: false, error: 'too-many' } as const;
        const standing = standingFlags(flags, new Set(offRows.map((r) => r.kind)), d.redactions);
        const keep = d.keep ?? {};
        const unanswered = standing.filter((f) => isBlank(keep[keepField(f)] ?? ''));
        if (unanswered.length) return { ok: false, error: 'unanswered', unanswered: unanswered.map(keepField) } as const;
        const kept = standing.map((f) => ({ kind: f.kind, text: withoutHidden(f.text), reason: keep[keepField(f)]!.trim() }));
        // A threat turned off as a kind is still a threat left in: kept, with the reason given for turning it off, and read again like any other.
        const threatOff = offRows.find((r) => r.kind === 'threat');
        if (threatOff)
          for (const f of standingFlags(
            flags.filter((x) => x.kind === 'threat'),
            new Set(),
            d.redactions,
          ))
            kept.push({ kind: 'threat', text: withoutHidden(f.text), reason: `Threat flags turned off: ${threatOff.reason}` });
        if (kept.some((k) => k.kind === 'threat')) {
          // A kept threat waits for a second reader: nothing goes yet.
          tx.insert(letterSecondReadings)
            .values({ letterId, versionId, firstByStaffId: staff.id, redactions: d.redactions, kept, needsArranged: !!d.needsArranged })
            .run();
          const moved = tx
            .update(letters)
            .set({ status: 'second_reading', updatedAt: new Date() })
            .where(and(eq(letters.id, letterId), eq(letters.status, 'waiting')))
            .run().changes;
          if (!moved) throw new Error('letter changed during decision');
          recordAudit(tx, { type: 'staff', id: staff.id }, 'letter.second_reader_asked', { type: 'letter', id: letterId });
          alertSecondReaders(tx, letterId, staff.id);
          return { ok: true, secondReader: true } as const;
        }
        relayApproved(tx, found.l, latest, 'waiting', { redactions: d.redactions, kept, byStaffId: staff.id, secondByStaffId: null });
        return { ok: true } as const;
      }
      tx.insert(letterReviews)
        .values({
          letterId,
          versionId,
          decision: d.kind === 'return' ? 'returned' : 'not_passed_on',
          messageToAuthor: d.messageToAuthor,
          reasonForRecord: d.kind === 'not_passed_on' ? d.reasonForRecord : null,
          byStaffId: staff.id,
        })
        .run();
      const now = new Date();
      const set =
        d.kind === 'return' ? { status: 'returned' as const, draftBody: latest.body, updatedAt: now } : { status: 'not_passed_on' as const, updatedAt: now };
      const changed = tx
        .update(letters)
        .set(set)
        .where(and(eq(letters.id, letterId), eq(letters.status, 'waiting')))
        .run().changes;
      if (!changed) throw new Error('letter changed during decision');
      recordAudit(tx, { type: 'staff', id: staff.id }, `letter.${d.kind === 'return' ? 'returned' : 'not_passed_on'}`, { type: 'letter', id: letterId });
      return { ok: true } as const;
    });
  } catch (error) {
    // A second decision on the same version hits the unique index: the first one stands.
    if (error instanceof Error && /UNIQUE|letter changed/.test(error.message)) return { ok: false, error: 'stale' };
    throw error;
  }
}

/** The exchange's people, by member. */
function recipientOf(tx: Tx, memberId: number) {
  return tx.select({ id: exchangeMembers.participantId }).from(exchangeMembers).where(eq(exchangeMembers.id, memberId)).get()?.id ?? 0;
}

export function memberNames(tx: Pick<typeof db, 'select'>, exchangeId: number) {
  return tx
    .select({ name: participants.name, memberId: exchangeMembers.id, role: participants.role, participantId: participants.id })
    .from(exchangeMembers)
    .innerJoin(participants, eq(participants.id, exchangeMembers.participantId))
    .where(eq(exchangeMembers.exchangeId, exchangeId))
    .all();
}
