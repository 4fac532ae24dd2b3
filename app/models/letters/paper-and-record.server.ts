// Around the review: turning a kind of flag off for one version (with a reason), letters on
// paper, printing, read receipts, and the whole exchange for the case file.
import { withoutHidden } from '~/utils/hidden-text';
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { exchangeMembers, exchanges, letterFlagsOff, letters, letterVersions, referrals } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { findSafetyFlags } from '~/models/safety-flags/safety-flags.server';
import type { FlagKind } from '~/models/safety-flags/safety-flags';
import { awaitsDecision } from '~/models/states';
import { findCaseToChange } from '~/models/cases/case-scope.server';
import { recordAudit } from '~/models/audit.server';
import { letterInScope } from './shared.server';
import { addVersion } from './writing.server';
import { getExchangeForStaff } from './exchange.server';
import { memberNames, reviewsOf } from './review.server';

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
  return { letterId, caseReference: reference, text: withoutHidden(found.l.relayedText ?? ''), passedOnAt: found.l.passedOnAt };
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
        .map((v) => ({ version: v.version, body: withoutHidden(v.body), at: v.createdAt, review: reviews.find((r) => r.versionId === v.id) ?? null })),
    })),
  };
}
