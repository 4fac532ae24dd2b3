// The letter exchange itself: opening it on a case, inviting participants (a reference and
// a one-time code), their set-up, pausing and resuming, and linking a self-referrer.
import { and, asc, eq, ne } from 'drizzle-orm';
import { cases, exchangeMembers, exchanges, letters, participants, referrals, staffUsers } from '#db/schema';
import { exchangePausedEmail } from '#emails/exchange-paused';
import { letterInviteEmail } from '#emails/letter-invite';
import type { Tx } from '#db/client.server';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { getDecoyHash, hashSecret, verifySecret } from '~/utils/passphrase.server';
import { releaseAttempt } from '~/utils/attempts.server';
import { endParticipantSessions } from '~/utils/session.server';
import { reserveSignInAttempt } from '~/models/referrals/sign-in.server';
import { exchangeBlocker, type FreezeCause } from '~/models/states';
import { caseScope, findCaseInScope, findCaseToChange } from '~/models/cases/case-scope.server';
import { caseRelayBlocker, loadCasePeople } from '~/models/cases/exchange-safety.server';
import { recordAudit, type Actor } from '~/models/audit.server';
import { requireVictimFirst } from '~/models/cases/victim-first.server';
import { memberContext, newMemberReference, newSetUpCode } from './shared.server';

/** The case's exchange and one of its participants, if this member of staff may act on the case. */
function findExchangeParticipant(tx: Tx, staff: StaffUser, caseId: number, participantId: number) {
  const kase = findCaseToChange(tx, staff, caseId);
  const ex = kase && tx.select().from(exchanges).where(eq(exchanges.caseId, caseId)).get();
  const p =
    ex &&
    tx
      .select()
      .from(participants)
      .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)))
      .get();
  return kase && ex && p ? { kase, ex, p } : null;
}

export const SETUP_CODE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export type OpenError = 'not-found' | 'stage' | 'gate' | 'direct-only' | 'exists';

/** Only on a case past the essentials gate whose every assessment allows indirect contact. */
export function openExchange(staff: StaffUser, caseId: number): { ok: true } | { ok: false; error: OpenError } {
  return db.transaction((tx) => {
    const kase = findCaseToChange(tx, staff, caseId);
    if (!kase) return { ok: false, error: 'not-found' } as const;
    requireVictimFirst(tx, caseId, 'deliver', null);
    const blocker = exchangeBlocker(kase.stage, loadCasePeople(tx, caseId));
    if (blocker) return { ok: false, error: blocker } as const;
    if (tx.select({ id: exchanges.id }).from(exchanges).where(eq(exchanges.caseId, caseId)).get()) return { ok: false, error: 'exists' } as const;
    const ex = tx.insert(exchanges).values({ caseId }).returning({ id: exchanges.id }).get();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.opened', { type: 'exchange', id: ex.id });
    return { ok: true } as const;
  });
}

/**
 * Invites a participant (again): a participant reference and a one-time set-up code to
 * hand over in person, by phone, by post or in prison. Shown once; only a hash is kept.
 */
export async function inviteMember(
  staff: StaffUser,
  caseId: number,
  participantId: number,
  email?: string,
): Promise<{ reference: string; setUpCode: string; emailed: boolean } | null> {
  const setUpCode = newSetUpCode();
  const setupCodeHash = await hashSecret(setUpCode);
  return db.transaction((tx) => {
    const found = findExchangeParticipant(tx, staff, caseId, participantId);
    if (!found) return null;
    requireVictimFirst(tx, caseId, 'deliver', null);
    const { ex } = found;
    const existing = tx.select().from(exchangeMembers).where(eq(exchangeMembers.participantId, participantId)).get();
    const setupExpiresAt = new Date(Date.now() + SETUP_CODE_LIFETIME_MS);
    let reference = existing?.reference;
    if (existing) {
      tx.update(exchangeMembers)
        .set({ setupCodeHash, setupExpiresAt, passphraseHash: null, ...(email ? { email } : {}) })
        .where(eq(exchangeMembers.id, existing.id))
        .run();
      // The old passphrase no longer works: nor does any session it opened.
      endParticipantSessions(tx, existing.id);
    } else {
      reference = newMemberReference(tx);
      tx.insert(exchangeMembers)
        .values({ exchangeId: ex.id, participantId, reference, setupCodeHash, setupExpiresAt, email: email ?? null })
        .run();
    }
    if (email) enqueueEmail(tx, email, 'letter-invite', letterInviteEmail({ reference: reference!, setUpCode, publicUrl: env.PUBLIC_URL }));
    recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.member_invited', { type: 'participant', id: participantId });
    return { reference: reference!, setUpCode, emailed: !!email };
  });
}

/**
 * The participant whose one-time set-up code this is. A try is counted before the code is
 * checked, on the same limits as the passphrase (5 per reference, 20 per address), so a
 * code cannot be guessed faster, and a locked reference refuses even the right code.
 */
export async function findMemberForSetUp(referenceInput: string, setUpCode: string, address: string) {
  const reference = referenceInput.trim().toUpperCase();
  const attempt = reserveSignInAttempt('member', reference, address);
  if (!attempt.ok) return { ok: false, reason: attempt.reason } as const;
  const member = db.select().from(exchangeMembers).where(eq(exchangeMembers.reference, reference)).get();
  const live = member?.setupCodeHash && member.setupExpiresAt && member.setupExpiresAt.getTime() >= Date.now();
  const valid = await verifySecret(live ? member.setupCodeHash! : await getDecoyHash(), setUpCode.trim().toUpperCase());
  if (!member || !live || !valid) return { ok: false, reason: 'wrong' } as const;
  releaseAttempt(attempt);
  return { ok: true, member } as const;
}

export async function completeMemberSetUp(memberId: number, passphrase: string) {
  const passphraseHash = await hashSecret(passphrase);
  db.transaction((tx) => {
    tx.update(exchangeMembers).set({ passphraseHash, setupCodeHash: null, setupExpiresAt: null }).where(eq(exchangeMembers.id, memberId)).run();
    recordAudit(tx, { type: 'referrer', id: `member:${memberId}` }, 'exchange.member_set_up', { type: 'exchange_member', id: memberId });
  });
}

/** Freezes the exchange at once: nothing more is relayed until a facilitator resumes it. */
export function pauseExchange(actor: Actor & { memberId?: number; staff?: StaffUser }, exchangeId: number, how: 'paused' | 'withdrawn', reason?: string) {
  return db.transaction((tx) => {
    const changed = tx
      .update(exchanges)
      .set({ status: how, pausedBy: actor.memberId ? 'participant' : 'facilitator', pauseReason: reason ?? null, updatedAt: new Date() })
      .where(and(eq(exchanges.id, exchangeId), eq(exchanges.status, 'open')))
      .run().changes;
    if (changed) {
      recordAudit(tx, actor, `exchange.${how}`, { type: 'exchange', id: exchangeId });
      // A participant's pause or stop is news to their facilitator: tell them at once.
      if (actor.memberId) {
        const f = tx
          .select({ email: staffUsers.email, caseId: cases.id })
          .from(exchanges)
          .innerJoin(cases, eq(cases.id, exchanges.caseId))
          .innerJoin(staffUsers, eq(staffUsers.id, cases.facilitatorId))
          .where(eq(exchanges.id, exchangeId))
          .get();
        if (f) enqueueEmail(tx, f.email, 'exchange-paused', exchangePausedEmail({ caseId: f.caseId, stopped: how === 'withdrawn', publicUrl: env.PUBLIC_URL }));
      }
    }
    return changed > 0;
  });
}

export function pauseByMember(memberId: number, how: 'paused' | 'withdrawn') {
  const ctx = memberContext(memberId);
  if (!ctx) return false;
  return pauseExchange({ type: 'referrer', id: `member:${memberId}`, memberId }, ctx.m.exchangeId, how);
}

/**
 * Opens a paused exchange again, with the reason it is safe. Refused while the essentials
 * do not hold (consent, risk, stage): the answer says why. A stop by a participant is final.
 */
export function resumeExchange(
  staff: StaffUser,
  caseId: number,
  reason: string,
): { ok: true } | { ok: false; error: 'not-found' | 'not-paused' | 'unsafe'; cause?: FreezeCause } {
  return db.transaction((tx) => {
    if (!findCaseToChange(tx, staff, caseId)) return { ok: false, error: 'not-found' } as const;
    const cause = caseRelayBlocker(tx, caseId);
    if (cause) return { ok: false, error: 'unsafe', cause } as const;
    const changed = tx
      .update(exchanges)
      .set({ status: 'open', pausedBy: null, pauseReason: reason, updatedAt: new Date() })
      .where(and(eq(exchanges.caseId, caseId), eq(exchanges.status, 'paused')))
      .run().changes;
    if (!changed) return { ok: false, error: 'not-paused' } as const;
    recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.resumed', { type: 'case', id: caseId });
    return { ok: true } as const;
  });
}

export function pauseByStaff(staff: StaffUser, caseId: number, reason: string) {
  const ex = db
    .select({ id: exchanges.id })
    .from(exchanges)
    .innerJoin(cases, eq(cases.id, exchanges.caseId))
    .where(and(eq(exchanges.caseId, caseId), caseScope(staff)))
    .get();
  return ex ? pauseExchange({ type: 'staff', id: staff.id, staff }, ex.id, 'paused', reason) : false;
}

export function getExchangeForStaff(staff: StaffUser, caseId: number) {
  const kase = findCaseInScope(db, staff, caseId);
  if (!kase) return null;
  const ex = db.select().from(exchanges).where(eq(exchanges.caseId, caseId)).get();
  const people = db
    .select({
      id: participants.id,
      name: participants.name,
      role: participants.role,
      memberId: exchangeMembers.id,
      reference: exchangeMembers.reference,
      setUp: exchangeMembers.passphraseHash,
      linked: exchangeMembers.referralId,
    })
    .from(participants)
    .leftJoin(exchangeMembers, eq(exchangeMembers.participantId, participants.id))
    .where(eq(participants.caseId, caseId))
    .orderBy(asc(participants.id))
    .all()
    .map((p) => ({ ...p, setUp: !!p.setUp || !!p.linked, linked: !!p.linked }));
  const list = ex
    ? db
        .select({
          id: letters.id,
          status: letters.status,
          author: letters.authorMemberId,
          recipient: letters.recipientMemberId,
          onPaper: letters.onPaper,
          submittedAt: letters.submittedAt,
          readAt: letters.readAt,
        })
        .from(letters)
        .where(and(eq(letters.exchangeId, ex.id), ne(letters.status, 'draft')))
        .orderBy(asc(letters.id))
        .all()
    : [];
  const referral = db.select({ reference: referrals.reference, source: referrals.source }).from(referrals).where(eq(referrals.id, kase.referralId)).get()!;
  return {
    kase,
    reference: referral.reference,
    selfReferral: referral.source === 'self',
    exchange: ex ?? null,
    people,
    letters: list,
    relayBlocker: caseRelayBlocker(db, caseId),
  };
}

/**
 * Links a self-referrer to the exchange as the given participant: they reach their
 * letters from "check your referral", with the passphrase they already have.
 */
export function linkSelfReferrer(staff: StaffUser, caseId: number, participantId: number): 'linked' | 'not-self-referral' | null {
  return db.transaction((tx) => {
    const found = findExchangeParticipant(tx, staff, caseId, participantId);
    if (!found) return null;
    const { kase, ex, p } = found;
    const referral = tx.select({ id: referrals.id, source: referrals.source }).from(referrals).where(eq(referrals.id, kase.referralId)).get();
    if (referral?.source !== 'self' || p.role !== 'victim') return 'not-self-referral';
    const existing = tx.select().from(exchangeMembers).where(eq(exchangeMembers.participantId, participantId)).get();
    if (existing) tx.update(exchangeMembers).set({ referralId: referral.id }).where(eq(exchangeMembers.id, existing.id)).run();
    else {
      tx.insert(exchangeMembers)
        .values({ exchangeId: ex.id, participantId, reference: newMemberReference(tx), referralId: referral.id })
        .run();
    }
    recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.self_referrer_linked', { type: 'participant', id: participantId });
    return 'linked';
  });
}

/** The exchange membership linked to a self-referral, if any. */
export function findMemberForReferral(referralId: number) {
  return db.select({ id: exchangeMembers.id }).from(exchangeMembers).where(eq(exchangeMembers.referralId, referralId)).get() ?? null;
}
