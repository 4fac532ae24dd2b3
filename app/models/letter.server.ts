// Shuttle mediation: letters between the people in a case, each read and decided on by a
// facilitator before the other side can see it.
//
// The rule this module keeps: a recipient's view reads only `letters.relayed_text` of
// letters with status `passed_on` addressed to them. That column is written once, in the
// same transaction as the approval, with any redactions already applied. Drafts, waiting,
// returned and refused letters, and every submitted version, are never read for a recipient.
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, max, ne, or } from 'drizzle-orm';
import { assessments, cases, exchangeMembers, exchanges, letterReviews, letters, letterVersions, participants, referrals, staffUsers } from '#db/schema';
import { exchangePausedEmail } from '#emails/exchange-paused';
import { letterInviteEmail } from '#emails/letter-invite';
import { letterWaitingEmail } from '#emails/letter-waiting';
import { lettersDigestEmail } from '#emails/letters-digest';
import { newLetterEmail } from '#emails/new-letter';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import { hashSecret, REFERENCE_ALPHABET, verifySecret } from '~/utils/passphrase.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit, type Actor } from './audit.server';
import { missingEssentials } from './case-stages';
import { findSafetyFlags } from './safety-flags';
import type { Tx } from '#db/client.server';

export const LETTER_MAX = 5000;
export const REMOVED = '[removed by the facilitator]';
export const SETUP_CODE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

const staffScope = (staff: StaffUser) => (staff.role === 'manager' ? undefined : eq(cases.facilitatorId, staff.id));

function caseInScope(tx: Tx, staff: StaffUser, caseId: number) {
  return tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), staffScope(staff)))
    .get();
}

// ---- Opening an exchange and inviting people -------------------------------------------

export type OpenError = 'not-found' | 'stage' | 'gate' | 'direct-only' | 'exists';

/** Only on a case past the essentials gate whose every assessment allows indirect contact. */
export function openExchange(staff: StaffUser, caseId: number): { ok: true } | { ok: false; error: OpenError } {
  return db.transaction((tx) => {
    const kase = caseInScope(tx, staff, caseId);
    if (!kase) return { ok: false, error: 'not-found' } as const;
    if (kase.stage !== 'ready' && kase.stage !== 'in_progress') return { ok: false, error: 'stage' } as const;
    const people = tx
      .select({ p: participants, a: assessments })
      .from(participants)
      .leftJoin(assessments, eq(assessments.participantId, participants.id))
      .where(eq(participants.caseId, caseId))
      .all();
    const gate = missingEssentials(people.map(({ p, a }) => ({ id: p.id, name: p.name, role: p.role, directlyAffected: p.directlyAffected, assessment: a })));
    if (gate.length) return { ok: false, error: 'gate' } as const;
    if (people.some(({ a }) => a?.riskDecision !== 'direct' && a?.riskDecision !== 'indirect_only')) return { ok: false, error: 'direct-only' } as const;
    if (tx.select({ id: exchanges.id }).from(exchanges).where(eq(exchanges.caseId, caseId)).get()) return { ok: false, error: 'exists' } as const;
    const ex = tx.insert(exchanges).values({ caseId }).returning({ id: exchanges.id }).get();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.opened', { type: 'exchange', id: ex.id });
    return { ok: true } as const;
  });
}

const code = (n: number) => Array.from({ length: n }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');

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
  const setUpCode = `${code(4)}-${code(4)}`;
  const setupCodeHash = await hashSecret(setUpCode);
  return db.transaction((tx) => {
    const kase = caseInScope(tx, staff, caseId);
    const ex = kase && tx.select().from(exchanges).where(eq(exchanges.caseId, caseId)).get();
    const p =
      ex &&
      tx
        .select()
        .from(participants)
        .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)))
        .get();
    if (!ex || !p) return null;
    const existing = tx.select().from(exchangeMembers).where(eq(exchangeMembers.participantId, participantId)).get();
    const setupExpiresAt = new Date(Date.now() + SETUP_CODE_LIFETIME_MS);
    let reference = existing?.reference;
    if (existing) {
      tx.update(exchangeMembers)
        .set({ setupCodeHash, setupExpiresAt, passphraseHash: null, ...(email ? { email } : {}) })
        .where(eq(exchangeMembers.id, existing.id))
        .run();
    } else {
      do reference = `RJL-${code(4)}-${code(4)}`;
      while (tx.select({ id: exchangeMembers.id }).from(exchangeMembers).where(eq(exchangeMembers.reference, reference)).get());
      tx.insert(exchangeMembers)
        .values({ exchangeId: ex.id, participantId, reference, setupCodeHash, setupExpiresAt, email: email ?? null })
        .run();
    }
    if (email) enqueueEmail(tx, email, 'letter-invite', letterInviteEmail({ reference: reference!, setUpCode, publicUrl: env.PUBLIC_URL }));
    recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.member_invited', { type: 'participant', id: participantId });
    return { reference: reference!, setUpCode, emailed: !!email };
  });
}

// ---- Participants signing in ------------------------------------------------------------

export async function findMemberForSetUp(reference: string, setUpCode: string) {
  const member = db.select().from(exchangeMembers).where(eq(exchangeMembers.reference, reference.trim().toUpperCase())).get();
  if (!member?.setupCodeHash || !member.setupExpiresAt || member.setupExpiresAt.getTime() < Date.now()) return null;
  return (await verifySecret(member.setupCodeHash, setUpCode.trim().toUpperCase())) ? member : null;
}

export async function completeMemberSetUp(memberId: number, passphrase: string) {
  const passphraseHash = await hashSecret(passphrase);
  db.transaction((tx) => {
    tx.update(exchangeMembers).set({ passphraseHash, setupCodeHash: null, setupExpiresAt: null }).where(eq(exchangeMembers.id, memberId)).run();
    recordAudit(tx, { type: 'referrer', id: `member:${memberId}` }, 'exchange.member_set_up', { type: 'exchange_member', id: memberId });
  });
}

export function findMemberByReference(reference: string) {
  return db.select().from(exchangeMembers).where(eq(exchangeMembers.reference, reference.trim().toUpperCase())).get();
}

// ---- What a participant sees ------------------------------------------------------------

function memberContext(memberId: number) {
  return db
    .select({ m: exchangeMembers, ex: exchanges, p: participants })
    .from(exchangeMembers)
    .innerJoin(exchanges, eq(exchanges.id, exchangeMembers.exchangeId))
    .innerJoin(participants, eq(participants.id, exchangeMembers.participantId))
    .where(eq(exchangeMembers.id, memberId))
    .get();
}

/** The participant's home page: the exchange's state, letters to them that were passed on, and their own letters' states. */
export function getMemberHome(memberId: number) {
  const ctx = memberContext(memberId);
  if (!ctx) return null;
  const received = db
    .select({ id: letters.id, passedOnAt: letters.passedOnAt, readAt: letters.readAt, onPaper: letters.onPaper })
    .from(letters)
    .where(and(eq(letters.recipientMemberId, memberId), eq(letters.status, 'passed_on')))
    .orderBy(desc(letters.passedOnAt))
    .all();
  const sent = db
    .select({ id: letters.id, status: letters.status, updatedAt: letters.updatedAt, readAt: letters.readAt, share: letters.shareReadWithAuthor })
    .from(letters)
    .where(eq(letters.authorMemberId, memberId))
    .orderBy(desc(letters.createdAt))
    .all()
    .map((l) => ({ ...l, readAt: l.share ? l.readAt : null, feedback: latestFeedback(l.id) }));
  return { exchangeStatus: ctx.ex.status, name: ctx.p.name, role: ctx.p.role, received, sent, recipients: otherMembers(memberId, ctx.m.exchangeId) };
}

/** What the author is told about their letter's latest decision: a message, and what was removed. */
function latestFeedback(letterId: number) {
  const r = db
    .select({ decision: letterReviews.decision, message: letterReviews.messageToAuthor, redactions: letterReviews.redactions, body: letterVersions.body })
    .from(letterReviews)
    .innerJoin(letterVersions, eq(letterVersions.id, letterReviews.versionId))
    .where(eq(letterReviews.letterId, letterId))
    .orderBy(desc(letterReviews.id))
    .get();
  if (!r) return null;
  return { decision: r.decision, message: r.message, removed: (r.redactions ?? []).map(([a, b]) => r.body.slice(a, b)) };
}

function otherMembers(memberId: number, exchangeId: number) {
  return db
    .select({ id: exchangeMembers.id, role: participants.role })
    .from(exchangeMembers)
    .innerJoin(participants, eq(participants.id, exchangeMembers.participantId))
    .where(and(eq(exchangeMembers.exchangeId, exchangeId), ne(exchangeMembers.id, memberId)))
    .all();
}

/** A letter addressed to this participant that was passed on: its relayed text only. Marks it read. */
export function readLetter(memberId: number, letterId: number) {
  const letter = db
    .select({ id: letters.id, text: letters.relayedText, passedOnAt: letters.passedOnAt, readAt: letters.readAt, onPaper: letters.onPaper })
    .from(letters)
    .where(and(eq(letters.id, letterId), eq(letters.recipientMemberId, memberId), eq(letters.status, 'passed_on')))
    .get();
  if (!letter) return null;
  if (!letter.readAt) {
    db.transaction((tx) => {
      tx.update(letters).set({ readAt: new Date() }).where(eq(letters.id, letterId)).run();
      recordAudit(tx, { type: 'referrer', id: `member:${memberId}` }, 'letter.read', { type: 'letter', id: letterId });
    });
  }
  return letter;
}

/** The author's own letter: their working copy and what happened to it. */
export function getOwnLetter(memberId: number, letterId: number) {
  const letter = db
    .select()
    .from(letters)
    .where(and(eq(letters.id, letterId), eq(letters.authorMemberId, memberId)))
    .get();
  if (!letter) return null;
  const lastVersion = db
    .select({ body: letterVersions.body })
    .from(letterVersions)
    .where(eq(letterVersions.letterId, letterId))
    .orderBy(desc(letterVersions.version))
    .get();
  return {
    id: letter.id,
    status: letter.status,
    draftBody: letter.draftBody,
    submittedBody: lastVersion?.body ?? null,
    recipientMemberId: letter.recipientMemberId,
    feedback: latestFeedback(letterId),
  };
}

// ---- Writing ----------------------------------------------------------------------------

export type WriteError = 'not-found' | 'frozen' | 'not-editable' | 'recipient';

/** Creates or updates a draft. A returned letter can be revised the same way. */
export function saveDraft(
  memberId: number,
  letterId: number | null,
  body: string,
  recipientMemberId: number,
): { ok: true; letterId: number } | { ok: false; error: WriteError } {
  return db.transaction((tx) => {
    const ctx = memberContext(memberId);
    if (!ctx) return { ok: false, error: 'not-found' } as const;
    if (ctx.ex.status !== 'open') return { ok: false, error: 'frozen' } as const;
    const recipient = tx
      .select()
      .from(exchangeMembers)
      .where(and(eq(exchangeMembers.id, recipientMemberId), eq(exchangeMembers.exchangeId, ctx.m.exchangeId), ne(exchangeMembers.id, memberId)))
      .get();
    if (!recipient) return { ok: false, error: 'recipient' } as const;
    if (letterId === null) {
      const row = tx
        .insert(letters)
        .values({ exchangeId: ctx.m.exchangeId, authorMemberId: memberId, recipientMemberId, draftBody: body })
        .returning({ id: letters.id })
        .get();
      recordAudit(tx, { type: 'referrer', id: `member:${memberId}` }, 'letter.drafted', { type: 'letter', id: row.id });
      return { ok: true, letterId: row.id } as const;
    }
    const changed = tx
      .update(letters)
      .set({ draftBody: body, recipientMemberId, updatedAt: new Date() })
      .where(and(eq(letters.id, letterId), eq(letters.authorMemberId, memberId), inArray(letters.status, ['draft', 'returned'])))
      .run().changes;
    if (!changed) return { ok: false, error: 'not-editable' } as const;
    recordAudit(tx, { type: 'referrer', id: `member:${memberId}` }, 'letter.draft_saved', { type: 'letter', id: letterId });
    return { ok: true, letterId } as const;
  });
}

/** Sends the working copy for review as a new, unalterable version. */
export function submitLetter(memberId: number, letterId: number): { ok: true } | { ok: false; error: WriteError } {
  return db.transaction((tx) => {
    const ctx = memberContext(memberId);
    if (!ctx) return { ok: false, error: 'not-found' } as const;
    if (ctx.ex.status !== 'open') return { ok: false, error: 'frozen' } as const;
    const letter = tx
      .select()
      .from(letters)
      .where(and(eq(letters.id, letterId), eq(letters.authorMemberId, memberId)))
      .get();
    if (!letter || (letter.status !== 'draft' && letter.status !== 'returned') || !letter.draftBody.trim())
      return { ok: false, error: 'not-editable' } as const;
    addVersion(tx, letterId, letter.draftBody, null);
    tx.update(letters).set({ status: 'waiting', submittedAt: new Date(), updatedAt: new Date() }).where(eq(letters.id, letterId)).run();
    recordAudit(tx, { type: 'referrer', id: `member:${memberId}` }, 'letter.submitted', { type: 'letter', id: letterId });
    alertFacilitator(tx, ctx.ex.caseId, letterId);
    return { ok: true } as const;
  });
}

function addVersion(tx: Tx, letterId: number, body: string, recordedByStaffId: number | null) {
  const last =
    tx
      .select({ v: max(letterVersions.version) })
      .from(letterVersions)
      .where(eq(letterVersions.letterId, letterId))
      .get()?.v ?? 0;
  return tx
    .insert(letterVersions)
    .values({ letterId, version: last + 1, body, recordedByStaffId })
    .returning({ id: letterVersions.id })
    .get().id;
}

// ---- Pausing ----------------------------------------------------------------------------

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

export function resumeExchange(staff: StaffUser, caseId: number, reason: string) {
  return db.transaction((tx) => {
    if (!caseInScope(tx, staff, caseId)) return false;
    const changed = tx
      .update(exchanges)
      .set({ status: 'open', pausedBy: null, pauseReason: reason, updatedAt: new Date() })
      .where(and(eq(exchanges.caseId, caseId), eq(exchanges.status, 'paused')))
      .run().changes;
    if (changed) recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.resumed', { type: 'case', id: caseId });
    return changed > 0;
  });
}

export function pauseByStaff(staff: StaffUser, caseId: number, reason: string) {
  const ex = db
    .select({ id: exchanges.id })
    .from(exchanges)
    .innerJoin(cases, eq(cases.id, exchanges.caseId))
    .where(and(eq(exchanges.caseId, caseId), staffScope(staff)))
    .get();
  return ex ? pauseExchange({ type: 'staff', id: staff.id, staff }, ex.id, 'paused', reason) : false;
}

// ---- The facilitator's side ---------------------------------------------------------------

export function getExchangeForStaff(staff: StaffUser, caseId: number) {
  const kase = caseInScope(db, staff, caseId);
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
  return { kase, reference: referral.reference, selfReferral: referral.source === 'self', exchange: ex ?? null, people, letters: list };
}

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
    .where(and(eq(letters.status, 'waiting'), staffScope(staff)))
    .orderBy(asc(letters.submittedAt), asc(letters.id))
    .limit(200)
    .all();
}

function letterInScope(tx: Tx, staff: StaffUser, letterId: number) {
  return tx
    .select({ l: letters, ex: exchanges, kase: cases })
    .from(letters)
    .innerJoin(exchanges, eq(exchanges.id, letters.exchangeId))
    .innerJoin(cases, eq(cases.id, exchanges.caseId))
    .where(and(eq(letters.id, letterId), staffScope(staff)))
    .get();
}

/** The review page: the latest version with its safety flags, and the letter's whole history. Opening it is audited. */
export function getLetterForReview(staff: StaffUser, letterId: number) {
  const found = letterInScope(db, staff, letterId);
  if (!found) return null;
  const versions = db.select().from(letterVersions).where(eq(letterVersions.letterId, letterId)).orderBy(asc(letterVersions.version)).all();
  const reviews = db
    .select({
      versionId: letterReviews.versionId,
      decision: letterReviews.decision,
      message: letterReviews.messageToAuthor,
      reason: letterReviews.reasonForRecord,
      at: letterReviews.createdAt,
      by: staffUsers.name,
    })
    .from(letterReviews)
    .innerJoin(staffUsers, eq(staffUsers.id, letterReviews.byStaffId))
    .where(eq(letterReviews.letterId, letterId))
    .all();
  const names = db
    .select({ name: participants.name, memberId: exchangeMembers.id, role: participants.role })
    .from(exchangeMembers)
    .innerJoin(participants, eq(participants.id, exchangeMembers.participantId))
    .where(eq(exchangeMembers.exchangeId, found.ex.id))
    .all();
  const latest = versions[versions.length - 1];
  db.transaction((tx) => recordAudit(tx, { type: 'staff', id: staff.id }, 'letter.viewed', { type: 'letter', id: letterId }));
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
    author: names.find((n) => n.memberId === found.l.authorMemberId),
    recipient: names.find((n) => n.memberId === found.l.recipientMemberId),
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
  | { kind: 'approve'; redactions: [number, number][] }
  | { kind: 'return'; messageToAuthor: string }
  | { kind: 'not_passed_on'; reasonForRecord: string; messageToAuthor: string };
export type DecideError = 'not-found' | 'stale' | 'frozen';

/**
 * Records a decision on the version the facilitator read. If the letter has moved on
 * (another decision, a newer version) nothing happens. Approval and relay are one step.
 */
export function decideLetter(staff: StaffUser, letterId: number, versionId: number, d: Decision): { ok: true } | { ok: false; error: DecideError } {
  try {
    return db.transaction((tx) => {
      const found = letterInScope(tx, staff, letterId);
      if (!found) return { ok: false, error: 'not-found' } as const;
      if (found.ex.status !== 'open') return { ok: false, error: 'frozen' } as const;
      const latest = tx.select().from(letterVersions).where(eq(letterVersions.letterId, letterId)).orderBy(desc(letterVersions.version)).get();
      if (found.l.status !== 'waiting' || !latest || latest.id !== versionId) return { ok: false, error: 'stale' } as const;
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

/** A letter received on paper, typed in by the facilitator for its author. It goes through the same review. */
export function recordPaperLetter(staff: StaffUser, caseId: number, authorMemberId: number, recipientMemberId: number, body: string): number | null {
  return db.transaction((tx) => {
    if (!caseInScope(tx, staff, caseId)) return null;
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

// ---- Alerts to facilitators ------------------------------------------------------------------

function alertFacilitator(tx: Tx, caseId: number, letterId: number) {
  const f = tx.select({ email: staffUsers.email }).from(cases).innerJoin(staffUsers, eq(staffUsers.id, cases.facilitatorId)).where(eq(cases.id, caseId)).get();
  if (f) enqueueEmail(tx, f.email, 'letter-waiting', letterWaitingEmail({ letterId, publicUrl: env.PUBLIC_URL }));
}

/** Whole working days (Monday to Friday) from `from` to `to`. */
export function workingDaysBetween(from: Date, to: Date): number {
  let days = 0;
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  while (d.getTime() < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) days++;
  }
  return days;
}

/** Once a day per facilitator: a digest of letters that have waited over 2 working days. */
export function sendDigests(now = new Date()): number {
  const today = now.toISOString().slice(0, 10);
  const waiting = db
    .select({ facilitatorId: cases.facilitatorId, email: staffUsers.email, lastDigestOn: staffUsers.lastDigestOn, submittedAt: letters.submittedAt })
    .from(letters)
    .innerJoin(exchanges, eq(exchanges.id, letters.exchangeId))
    .innerJoin(cases, eq(cases.id, exchanges.caseId))
    .innerJoin(staffUsers, eq(staffUsers.id, cases.facilitatorId))
    .where(eq(letters.status, 'waiting'))
    .all()
    .filter((l) => l.submittedAt && workingDaysBetween(l.submittedAt, now) > 2 && l.lastDigestOn !== today);
  const byStaff = new Map<number, { email: string; days: number[] }>();
  for (const l of waiting) {
    const entry = byStaff.get(l.facilitatorId) ?? { email: l.email, days: [] };
    entry.days.push(workingDaysBetween(l.submittedAt!, now));
    byStaff.set(l.facilitatorId, entry);
  }
  db.transaction((tx) => {
    for (const [staffId, { email, days }] of byStaff) {
      enqueueEmail(tx, email, 'letters-digest', lettersDigestEmail({ count: days.length, oldestDays: Math.max(...days), publicUrl: env.PUBLIC_URL }));
      tx.update(staffUsers).set({ lastDigestOn: today }).where(eq(staffUsers.id, staffId)).run();
    }
  });
  return byStaff.size;
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
  const reviews = ids.length
    ? db
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
        .where(inArray(letterReviews.letterId, ids))
        .all()
    : [];
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

/**
 * Links a self-referrer to the exchange as the given participant: they reach their
 * letters from "check your referral", with the passphrase they already have.
 */
export function linkSelfReferrer(staff: StaffUser, caseId: number, participantId: number): 'linked' | 'not-self-referral' | null {
  return db.transaction((tx) => {
    const kase = caseInScope(tx, staff, caseId);
    const ex = kase && tx.select().from(exchanges).where(eq(exchanges.caseId, caseId)).get();
    const p =
      ex &&
      tx
        .select()
        .from(participants)
        .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)))
        .get();
    if (!kase || !ex || !p) return null;
    const referral = tx.select({ id: referrals.id, source: referrals.source }).from(referrals).where(eq(referrals.id, kase.referralId)).get();
    if (referral?.source !== 'self' || p.role !== 'victim') return 'not-self-referral';
    const existing = tx.select().from(exchangeMembers).where(eq(exchangeMembers.participantId, participantId)).get();
    if (existing) tx.update(exchangeMembers).set({ referralId: referral.id }).where(eq(exchangeMembers.id, existing.id)).run();
    else {
      let reference: string;
      do reference = `RJL-${code(4)}-${code(4)}`;
      while (tx.select({ id: exchangeMembers.id }).from(exchangeMembers).where(eq(exchangeMembers.reference, reference)).get());
      tx.insert(exchangeMembers).values({ exchangeId: ex.id, participantId, reference, referralId: referral.id }).run();
    }
    recordAudit(tx, { type: 'staff', id: staff.id }, 'exchange.self_referrer_linked', { type: 'participant', id: participantId });
    return 'linked';
  });
}

/** The exchange membership linked to a self-referral, if any. */
export function findMemberForReferral(referralId: number) {
  return db.select({ id: exchangeMembers.id }).from(exchangeMembers).where(eq(exchangeMembers.referralId, referralId)).get() ?? null;
}
