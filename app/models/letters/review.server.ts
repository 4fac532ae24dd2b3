// The facilitator's review: the queue, the review page with safety flags, decisions
// (pass on with redactions, return, do not pass on), paper letters, printing, read receipts
// and the whole exchange for the case file. Approval writes `relayed_text` once, in the
// same transaction as the decision.
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { cases, exchangeMembers, exchanges, letterFlagsOff, letterReviews, letters, letterVersions, participants, referrals, staffUsers } from '#db/schema';
import { newLetterEmail } from '#emails/new-letter';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { findSafetyFlags } from '~/models/safety-flags/safety-flags.server';
import type { FlagKind } from '~/models/safety-flags/safety-flags';
import { awaitsDecision, exchangeRelays } from '~/models/states';
import { caseScope, findCaseToChange } from '~/models/cases/case-scope.server';
import { needsOf } from '~/models/cases/needs.server';
import type { Tx } from '#db/client.server';
import { recordAudit, recordView } from '~/models/audit.server';
import { freezeIfUnsafe } from '~/models/cases/exchange-safety.server';
import { letterInScope, REMOVED } from './shared.server';
import { addVersion } from './writing.server';
import { getExchangeForStaff } from './exchange.server';

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
    })
    .from(letters)
    .innerJoin(exchanges, eq(exchanges.id, letters.exchangeId))
    .innerJoin(cases, eq(cases.id, exchanges.caseId))
    .innerJoin(referrals, eq(referrals.id, cases.referralId))
    .innerJoin(staffUsers, eq(staffUsers.id, cases.facilitatorId))
    .where(and(eq(letters.status, 'waiting'), caseScope(staff)))
    .orderBy(asc(letters.submittedAt), asc(letters.id))
    .limit(200)
    .all();
}

/** Every decision on these letters, with who made it. */
function reviewsOf(letterIds: number[]) {
  if (!letterIds.length) return [];
  return db
    .select({
      versionId: letterReviews.versionId,
      decision: letterReviews.decision,
      message: letterReviews.messageToAuthor,
      reason: letterReviews.reasonForRecord,
      redactions: letterReviews.redactions,
      at: letterReviews.createdAt,
      by: staffUsers.name,
    })
    .from(letterReviews)
    .innerJoin(staffUsers, eq(staffUsers.id, letterReviews.byStaffId))
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

/** Applies redactions: each span of the text is replaced by a fixed marker. Overlaps merge. */
export function applyRedactions(text: string, spans: [number, number][]): string {
  const merged = [...spans]
    .filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b <= text.length && a < b)
    .sort((x, y) => x[0] - y[0])
    .reduce<[number, number][]>((acc, [a, b]) => {
      const last = acc[acc.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else acc.push([a, b]);
      return acc;
    }, []);
  let out = '';
  let at = 0;
  for (const [a, b] of merged) {
    out += text.slice(at, a) + REMOVED;
    at = b;
  }
  return out + text.slice(at);
}

export type Decision =
  // needsArranged: the facilitator confirmed how the recipient will read it, where they have recorded needs.
  | { kind: 'approve'; redactions: [number, number][]; needsArranged?: boolean }
  | { kind: 'return'; messageToAuthor: string }
  | { kind: 'not_passed_on'; reasonForRecord: string; messageToAuthor: string };
export type DecideError = 'not-found' | 'stale' | 'frozen' | 'needs';

/**
 * Records a decision on the version the facilitator read. If the letter has moved on
 * (another decision, a newer version) nothing happens. Approval and relay are one step.
 */
export function decideLetter(staff: StaffUser, letterId: number, versionId: number, d: Decision): { ok: true } | { ok: false; error: DecideError } {
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
      const redactions = d.kind === 'approve' ? d.redactions : null;
      tx.insert(letterReviews)
        .values({
          letterId,
          versionId,
          decision: d.kind === 'approve' ? (redactions!.length ? 'approved_with_redactions' : 'approved') : d.kind === 'return' ? 'returned' : 'not_passed_on',
          redactions,
          messageToAuthor: d.kind === 'approve' ? null : d.messageToAuthor,
          reasonForRecord: d.kind === 'not_passed_on' ? d.reasonForRecord : null,
          byStaffId: staff.id,
        })
        .run();
      const now = new Date();
      const set =
        d.kind === 'approve'
          ? { status: 'passed_on' as const, relayedText: applyRedactions(latest.body, d.redactions), passedOnAt: now, updatedAt: now }
          : d.kind === 'return'
            ? { status: 'returned' as const, draftBody: latest.body, updatedAt: now }
            : { status: 'not_passed_on' as const, updatedAt: now };
      const changed = tx
        .update(letters)
        .set(set)
        .where(and(eq(letters.id, letterId), eq(letters.status, 'waiting')))
        .run().changes;
      if (!changed) throw new Error('letter changed during decision');
      if (d.kind === 'approve') {
        const recipient = tx.select({ email: exchangeMembers.email }).from(exchangeMembers).where(eq(exchangeMembers.id, found.l.recipientMemberId)).get();
        if (recipient?.email) enqueueEmail(tx, recipient.email, 'new-letter', newLetterEmail());
      }
      recordAudit(tx, { type: 'staff', id: staff.id }, `letter.${d.kind === 'approve' ? 'passed_on' : d.kind === 'return' ? 'returned' : 'not_passed_on'}`, {
        type: 'letter',
        id: letterId,
      });
      return { ok: true } as const;
    });
  } catch (error) {
    // A second decision on the same version hits the unique index: the first one stands.
    if (error instanceof Error && /UNIQUE|letter changed/.test(error.message)) return { ok: false, error: 'stale' };
    throw error;
  }
}

export type FlagOffRow = { versionId: number; kind: FlagKind; reason: string; by: string; at: Date; onAt: Date | null; onBy: string | null };
export type FlagsOffError = 'not-found' | 'stale' | 'already' | 'not-flagged';

/**
 * Turns a kind of safety flag off for the version under review, with the facilitator's
 * reason, or back on. Only a kind flagged in that version, only while the letter waits
 * for a decision on it, and not in a closed case. A newer version shows every flag again.
 * Turning back on keeps the row (who, why, when). Each change is one audit row.
 */
export function setFlagsOff(
  staff: StaffUser,
  letterId: number,
  versionId: number,
  kind: FlagKind,
  off: { reason: string } | null,
): { ok: true } | { ok: false; error: FlagsOffError } {
  return db.transaction((tx) => {
    const found = letterInScope(tx, staff, letterId);
    if (!found) return { ok: false, error: 'not-found' } as const;
    findCaseToChange(tx, staff, found.kase.id); // a closed case answers 409
    const latest = tx
      .select({ id: letterVersions.id, body: letterVersions.body })
      .from(letterVersions)
      .where(eq(letterVersions.letterId, letterId))
      .orderBy(desc(letterVersions.version))
      .get();
    if (!awaitsDecision(found.l.status) || latest?.id !== versionId) return { ok: false, error: 'stale' } as const;
    let changed: number;
    if (off) {
      const names = memberNames(tx, found.ex.id).map((n) => n.name);
      if (!findSafetyFlags(latest.body, names).some((f) => f.kind === kind)) return { ok: false, error: 'not-flagged' } as const;
      changed = tx.insert(letterFlagsOff).values({ letterId, versionId, kind, reason: off.reason, byStaffId: staff.id }).onConflictDoNothing().run().changes;
      if (!changed) return { ok: false, error: 'already' } as const;
    } else {
      changed = tx
        .update(letterFlagsOff)
        .set({ turnedOnAt: new Date(), turnedOnByStaffId: staff.id })
        .where(and(eq(letterFlagsOff.versionId, versionId), eq(letterFlagsOff.kind, kind), isNull(letterFlagsOff.turnedOnAt)))
        .run().changes;
    }
    if (changed) recordAudit(tx, { type: 'staff', id: staff.id }, off ? 'letter.flags_turned_off' : 'letter.flags_turned_on', { type: 'letter', id: letterId });
    return { ok: true } as const;
  });
}

/** The exchange's people, by member. */
function recipientOf(tx: Tx, memberId: number) {
  return tx.select({ id: exchangeMembers.participantId }).from(exchangeMembers).where(eq(exchangeMembers.id, memberId)).get()?.id ?? 0;
}

function memberNames(tx: Pick<typeof db, 'select'>, exchangeId: number) {
  return tx
    .select({ name: participants.name, memberId: exchangeMembers.id, role: participants.role, participantId: participants.id })
    .from(exchangeMembers)
    .innerJoin(participants, eq(participants.id, exchangeMembers.participantId))
    .where(eq(exchangeMembers.exchangeId, exchangeId))
    .all();
}

/** A letter received on paper, typed in by the facilitator for its author. It goes through the same review. */
export function recordPaperLetter(staff: StaffUser, caseId: number, authorMemberId: number, recipientMemberId: number, body: string): number | null {
  return db.transaction((tx) => {
    if (!findCaseToChange(tx, staff, caseId)) return null;
    const ex = tx.select().from(exchanges).where(eq(exchanges.caseId, caseId)).get();
    if (!ex) return null;
    const members = tx
      .select({ id: exchangeMembers.id })
      .from(exchangeMembers)
      .where(and(eq(exchangeMembers.exchangeId, ex.id), or(eq(exchangeMembers.id, authorMemberId), eq(exchangeMembers.id, recipientMemberId))))
      .all();
    if (authorMemberId === recipientMemberId || members.length !== 2) return null;
    const row = tx
      .insert(letters)
      .values({ exchangeId: ex.id, authorMemberId, recipientMemberId, status: 'waiting', onPaper: true, submittedAt: new Date() })
      .returning({ id: letters.id })
      .get();
    addVersion(tx, row.id, body, staff.id);
    recordAudit(tx, { type: 'staff', id: staff.id }, 'letter.recorded_from_paper', { type: 'letter', id: row.id });
    return row.id;
  });
}

/** For print: an approved letter as the recipient receives it, with only the references. */
export function getLetterForPrint(staff: StaffUser, letterId: number) {
  const found = letterInScope(db, staff, letterId);
  if (!found || found.l.status !== 'passed_on') return null;
  const reference = db.select({ reference: referrals.reference }).from(referrals).where(eq(referrals.id, found.kase.referralId)).get()!.reference;
  db.transaction((tx) => recordAudit(tx, { type: 'staff', id: staff.id }, 'letter.printed', { type: 'letter', id: letterId }));
  return { letterId, caseReference: reference, text: found.l.relayedText ?? '', passedOnAt: found.l.passedOnAt };
}

/** The facilitator chooses whether the author may see that their letter was read. */
export function shareReadReceipt(staff: StaffUser, letterId: number, share: boolean): boolean {
  return db.transaction((tx) => {
    if (!letterInScope(tx, staff, letterId)) return false;
    tx.update(letters).set({ shareReadWithAuthor: share }).where(eq(letters.id, letterId)).run();
    recordAudit(tx, { type: 'staff', id: staff.id }, share ? 'letter.read_receipt_shared' : 'letter.read_receipt_hidden', { type: 'letter', id: letterId });
    return true;
  });
}

/** The whole exchange for the case file: every letter, every version, every decision. Staff only. */
export function getExchangeRecord(staff: StaffUser, caseId: number) {
  const x = getExchangeForStaff(staff, caseId);
  if (!x?.exchange) return null;
  const ids = x.letters.map((l) => l.id);
  const versions = ids.length
    ? db.select().from(letterVersions).where(inArray(letterVersions.letterId, ids)).orderBy(asc(letterVersions.letterId), asc(letterVersions.version)).all()
    : [];
  const reviews = reviewsOf(ids);
  db.transaction((tx) => recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.printed', { type: 'case', id: caseId }));
  const nameOf = (memberId: number) => x.people.find((p) => p.memberId === memberId)?.name ?? '';
  return {
    reference: x.reference,
    letters: x.letters.map((l) => ({
      id: l.id,
      from: nameOf(l.author),
      to: nameOf(l.recipient),
      status: l.status,
      onPaper: l.onPaper,
      versions: versions
        .filter((v) => v.letterId === l.id)
        .map((v) => ({ version: v.version, body: v.body, at: v.createdAt, review: reviews.find((r) => r.versionId === v.id) ?? null })),
    })),
  };
}
