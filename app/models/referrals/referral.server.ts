// Self-referrals: the draft while someone answers the questions, the submit, the
// passphrase confirmation, and what a referrer can do when they come back.
// Every change runs in one transaction with its audit row.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { monthOf } from '~/models/reports/reports';
import { assessments, cases, deletedReferralCounts, participants, referralDrafts, referralMessages, referrals } from '#db/schema';
import type { Tx } from '#db/client.server';
import { referralReceivedEmail } from '#emails/referral-received';
import { db } from '~/utils/db.server';
import { enqueueEmail, sweepOutboxFiles } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import { generatePassphrase, generateReference, hashSecret } from '~/utils/passphrase.server';
import type { DraftToken } from '~/utils/draft-cookie.server';
import { newKey, seal, unseal } from '~/utils/seal.server';
import { markCaseUnread } from '~/models/cases/case-alerts.server';
import { referralRows } from './referral-details';
import { formatLongDateTime, ukIsoDay } from '~/utils/dates';
import { keepCaseSafe } from '~/models/cases/essentials.server';
import { recordAudit } from '~/models/audit.server';
import { REFERRAL_MOVES } from '~/models/states';
import { assembleReferral, type DraftAnswers } from './referral-questions';
import { type StepSlug } from '~/data/referral-options';

/** A new referral reference (RJ-XXXX-XXXX), unused so far. */
export function newReferralReference(tx: Tx): string {
  let reference = generateReference();
  while (tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, reference)).get()) reference = generateReference();
  return reference;
}

/** A draft nobody has answered for this long is treated as gone, and purged. */
export const draftIdleMs = () => env.DRAFT_IDLE_MINUTES * 60 * 1000;

function getLiveDraft(token: DraftToken | null) {
  if (!token) return undefined;
  const draft = db.select().from(referralDrafts).where(eq(referralDrafts.id, token.id)).get();
  if (!draft || draft.updatedAt.getTime() <= Date.now() - draftIdleMs()) return undefined;
  return draft;
}

export function getDraftAnswers(token: DraftToken | null): { answers: DraftAnswers; submitted: boolean } {
  const draft = getLiveDraft(token);
  return { answers: (draft?.answers ?? {}) as DraftAnswers, submitted: draft?.status === 'submitted' };
}

/**
 * Stores one page's answer. Creates the draft when there is none yet and returns the
 * token to put in the cookie. Refuses (returns `submitted`) once the draft was sent.
 */
export function saveDraftAnswer(token: DraftToken | null, slug: StepSlug, answer: Record<string, unknown>): { token: DraftToken; submitted: boolean } {
  return db.transaction((tx) => {
    const draft = getLiveDraft(token);
    if (draft?.status === 'submitted') return { token: token!, submitted: true };
    if (draft) {
      const answers = { ...(draft.answers as DraftAnswers), [slug]: answer };
      tx.update(referralDrafts).set({ answers, updatedAt: new Date() }).where(eq(referralDrafts.id, draft.id)).run();
      return { token: token!, submitted: false };
    }
    const fresh: DraftToken = { id: randomBytes(16).toString('base64url'), key: newKey() };
    tx.insert(referralDrafts)
      .values({ id: fresh.id, answers: { [slug]: answer } })
      .run();
    return { token: fresh, submitted: false };
  });
}

export type SubmitResult = { status: 'submitted' } | { status: 'incomplete'; missing: StepSlug[] } | { status: 'no-draft' };

/**
 * Turns the draft into a referral. Safe to call twice: the second call (a double click,
 * a refresh, a retry) finds the draft already submitted and creates nothing.
 */
export async function submitDraft(token: DraftToken | null): Promise<SubmitResult> {
  const draft = getLiveDraft(token);
  if (!draft || !token) return { status: 'no-draft' };
  if (draft.status === 'submitted') return { status: 'submitted' };
  const assembled = assembleReferral(draft.answers as DraftAnswers);
  if (!assembled.ok) return { status: 'incomplete', missing: assembled.missing };
  const r = assembled.referral;

  const passphrase = generatePassphrase();
  const passphraseHash = await hashSecret(passphrase);

  return db.transaction((tx) => {
    // Re-read inside the transaction: another request may have submitted meanwhile.
    const current = tx.select().from(referralDrafts).where(eq(referralDrafts.id, draft.id)).get();
    if (!current) return { status: 'no-draft' } as const;
    if (current.status === 'submitted') return { status: 'submitted' } as const;

    const reference = newReferralReference(tx);
    const inserted = tx
      .insert(referrals)
      // Every answer has a column of the same name; drizzle writes NULL for an answer not given.
      .values({ ...r, reference, source: 'self', passphraseHash, antiSocialBehaviour: r.offenceKind === 'asb' })
      .returning({ id: referrals.id })
      .get();
    recordAudit(tx, { type: 'referrer', id: inserted.id }, 'referral.submitted', { type: 'referral', id: inserted.id });
    if (r.email) enqueueEmail(tx, r.email, 'referral-received', referralReceivedEmail({ reference }), inserted.id);
    tx.update(referralDrafts)
      .set({
        status: 'submitted',
        answers: {},
        referralId: inserted.id,
        sealedPassphrase: seal(passphrase, token.key),
        updatedAt: new Date(),
      })
      .where(eq(referralDrafts.id, draft.id))
      .run();
    return { status: 'submitted' } as const;
  });
}

export type Confirmation = { reference: string; passphrase: string; words: string[]; ask: [number, number] };

/** What the confirmation page shows: the reference and the passphrase, until they confirm. */
export function getConfirmation(token: DraftToken | null): Confirmation | null {
  const draft = getLiveDraft(token);
  if (!draft || !token || draft.status !== 'submitted' || !draft.referralId || !draft.sealedPassphrase) return null;
  const passphrase = unseal(draft.sealedPassphrase, token.key);
  const referral = db.select({ reference: referrals.reference }).from(referrals).where(eq(referrals.id, draft.referralId)).get();
  if (!passphrase || !referral) return null;
  const words = passphrase.split(' ');
  return { reference: referral.reference, passphrase, words, ask: pickTwoPositions(draft.id, words.length) };
}

/** Two word positions to type back, fixed for a draft so a reload asks the same ones. */
function pickTwoPositions(seed: string, n: number): [number, number] {
  const a = seed.charCodeAt(0) % n;
  let b = seed.charCodeAt(1) % n;
  if (b === a) b = (a + 1 + (seed.charCodeAt(2) % (n - 1))) % n;
  return a < b ? [a, b] : [b, a];
}

/**
 * Ends a draft for good: its answers, or after submit its sealed passphrase. Used when
 * the confirmation step is done and when someone leaves through "Exit this page".
 */
export function endDraft(token: DraftToken | null) {
  if (!token) return;
  db.delete(referralDrafts).where(eq(referralDrafts.id, token.id)).run();
}

export function purgeExpiredDrafts(now = Date.now()) {
  return db
    .delete(referralDrafts)
    .where(lt(referralDrafts.updatedAt, new Date(now - draftIdleMs())))
    .run().changes;
}

// ---- Coming back ----------------------------------------------------------------------

export function getReferralForReferrer(referralId: number) {
  const referral = db
    .select({ id: referrals.id, reference: referrals.reference, status: referrals.status, createdAt: referrals.createdAt })
    .from(referrals)
    .where(eq(referrals.id, referralId))
    .get();
  if (!referral) return null;
  const messages = db
    .select({ id: referralMessages.id, sender: referralMessages.sender, body: referralMessages.body, createdAt: referralMessages.createdAt })
    .from(referralMessages)
    .where(eq(referralMessages.referralId, referralId))
    .orderBy(asc(referralMessages.createdAt), asc(referralMessages.id))
    .all();
  return { ...referral, messages };
}

export function sendReferrerMessage(referralId: number, body: string) {
  db.transaction((tx) => {
    const m = tx.insert(referralMessages).values({ referralId, sender: 'referrer', body }).returning({ id: referralMessages.id }).get();
    recordAudit(tx, { type: 'referrer', id: referralId }, 'referral.message_sent', { type: 'referral_message', id: m.id });
    markCaseUnread(tx, { referralId }, body, { type: 'referrer', id: referralId }, true);
  });
}

/**
 * The referrer withdraws. If their referral is a case, that is their consent withdrawn in it:
 * recorded on their assessment, so the essentials lapse and nothing moves forward
 * (decision 019), letters pause, and the facilitator is told at once (content-free).
 */
export function withdrawReferral(referralId: number, today = new Date()): boolean {
  return db.transaction((tx) => {
    const changed = tx
      .update(referrals)
      .set({ status: 'withdrawn', withdrawnAt: new Date(), updatedAt: new Date() })
      .where(and(eq(referrals.id, referralId), inArray(referrals.status, REFERRAL_MOVES.withdraw.from)))
      .run().changes;
    if (!changed) return false;
    const actor = { type: 'referrer', id: referralId } as const;
    recordAudit(tx, actor, 'referral.withdrawn', { type: 'referral', id: referralId });
    const kase = tx.select({ id: cases.id }).from(cases).where(eq(cases.referralId, referralId)).get();
    if (kase) {
      const self = tx.select({ id: participants.id }).from(participants).where(eq(participants.referralId, referralId)).get();
      const withdrawn = self
        ? tx
            .update(assessments)
            .set({ consentWithdrawnOn: ukIsoDay(today), updatedAt: new Date() })
            .where(and(eq(assessments.participantId, self.id), isNotNull(assessments.consentOn), isNull(assessments.consentWithdrawnOn)))
            .run().changes
        : 0;
      if (withdrawn) recordAudit(tx, actor, 'assessment.consent_withdrawn', { type: 'participant', id: self!.id });
      keepCaseSafe(tx, kase.id, actor);
      markCaseUnread(tx, { caseId: kase.id }, 'The person who referred themselves withdrew', actor, true);
    }
    return true;
  });
}

/**
 * "Delete everything I told you": the referral, its messages, drafts, sessions and
 * unsent emails go (foreign keys cascade). Only a count for the month survives.
 */
export function referralHasCase(referralId: number): boolean {
  return !!db.select({ id: cases.id }).from(cases).where(eq(cases.referralId, referralId)).get();
}

/**
 * Once a facilitator has made the referral into a case, the case record (assessments,
 * other people's details) is the service's to keep or delete under its retention rules,
 * so the referrer is asked to contact us instead: returns 'has-case' and changes nothing.
 */
export function deleteReferral(referralId: number): 'deleted' | 'has-case' {
  if (referralHasCase(referralId)) return 'has-case';
  db.transaction((tx) => {
    const gone = tx.delete(referrals).where(eq(referrals.id, referralId)).returning({ createdAt: referrals.createdAt }).get();
    if (!gone) return;
    // Counted in the month it arrived, as the reports place referrals, so a report for that
    // month says the same before and after the deletion.
    const month = monthOf(gone.createdAt);
    tx.insert(deletedReferralCounts)
      .values({ month, count: 1 })
      .onConflictDoUpdate({ target: deletedReferralCounts.month, set: { count: sql`${deletedReferralCounts.count} + 1` } })
      .run();
    recordAudit(tx, { type: 'referrer', id: null }, 'referral.deleted_by_referrer', { type: 'referral', id: referralId });
  });
  // Old copies of the deleted pages can sit in the write-ahead log; fold it back now.
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  // And copies of emails about it that the file outbox wrote (the rows went by cascade).
  sweepOutboxFiles();
  return 'deleted';
}

/**
 * A self-referrer's own copy of what they told us and the messages both ways, as plain
 * text: readable on any device, nothing that runs. The download is an audit row.
 */
export function referralCopyForReferrer(referralId: number): { reference: string; text: string } | null {
  const referral = db.select().from(referrals).where(eq(referrals.id, referralId)).get();
  if (!referral) return null;
  const messages = db
    .select({ sender: referralMessages.sender, body: referralMessages.body, createdAt: referralMessages.createdAt })
    .from(referralMessages)
    .where(eq(referralMessages.referralId, referralId))
    .orderBy(asc(referralMessages.createdAt), asc(referralMessages.id))
    .all();
  const when = (d: Date) => formatLongDateTime(d);
  const lines = [
    `Your referral ${referral.reference}`,
    `Sent ${when(referral.createdAt)}`,
    '',
    'What you told us',
    '----------------',
    ...referralRows(referral).flatMap((r) => [`${r.key}:`, `  ${r.value.replace(/\n/g, '\n  ')}`]),
    '',
    'Messages',
    '--------',
    ...(messages.length
      ? messages.flatMap((m) => [`${m.sender === 'referrer' ? 'You' : 'The service'}, ${when(m.createdAt)}:`, `  ${m.body.replace(/\n/g, '\n  ')}`, ''])
      : ['None yet.']),
  ];
  db.transaction((tx) => recordAudit(tx, { type: 'referrer', id: referralId }, 'referral.downloaded_by_referrer', { type: 'referral', id: referralId }));
  return { reference: referral.reference, text: `${lines.join('\n')}\n` };
}
