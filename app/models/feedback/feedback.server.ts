// The participants' survey: invitations when a process ends, the anonymous answers, and the
// results staff see. An invitation says who was asked; an answer says only the process kind,
// the role and, once released, its release. Nothing joins the two (decisions 012, 024).
import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '#db/client.server';
import {
  assessments,
  exchangeMembers,
  exchanges,
  feedbackAnswers,
  feedbackHeldCases,
  feedbackInvitations,
  participants,
  processes,
  referrals,
} from '#db/schema';
import { feedbackInviteEmail } from '#emails/feedback-invite';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import { hashToken } from '~/utils/session.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { inviteToEquality } from './equality.server';
import { recordAudit, type Actor } from '~/models/audit.server';
import { findCaseInScope } from '~/models/cases/case-scope.server';
import type { FeedbackAnswers } from './feedback';

/**
 * Invites everyone in the case who has not been invited yet, when a process ends, a meeting
 * is held or the case closes. People with a letter-exchange sign-in answer online (and get
 * a content-free email with a one-time link if they gave an address); the rest on paper,
 * which the facilitator sends and types in.
 */
export function inviteToFeedback(tx: Tx, caseId: number, actor: Actor) {
  const proc = tx.select({ kind: processes.kind }).from(processes).where(eq(processes.caseId, caseId)).orderBy(desc(processes.id)).get();
  const exchange = tx.select({ id: exchanges.id }).from(exchanges).where(eq(exchanges.caseId, caseId)).get();
  // Only people who took part in something are asked.
  if (!proc && !exchange) return;
  const invited = new Set(
    tx
      .select({ id: feedbackInvitations.participantId })
      .from(feedbackInvitations)
      .where(eq(feedbackInvitations.caseId, caseId))
      .all()
      .map((r) => r.id),
  );
  // Those who took part: informed consent recorded and not withdrawn. Nobody who refused
  // contact, withdrew or was never assessed is sent a survey.
  const people = tx
    .select({
      id: participants.id,
      role: participants.role,
      memberEmail: exchangeMembers.email,
      member: exchangeMembers.id,
      // A self-referrer answers from "check your referral", and gets the link at the address they gave us.
      selfReferral: participants.referralId,
      referralEmail: referrals.email,
    })
    .from(participants)
    .innerJoin(assessments, eq(assessments.participantId, participants.id))
    .leftJoin(exchangeMembers, eq(exchangeMembers.participantId, participants.id))
    .leftJoin(referrals, eq(referrals.id, participants.referralId))
    .where(and(eq(participants.caseId, caseId), isNotNull(assessments.consentOn), isNull(assessments.consentWithdrawnOn)))
    .all();
  for (const p of people) {
    if (invited.has(p.id)) continue;
    invited.add(p.id);
    // Online wherever they have a way in: a letters sign-in, or their referral's reference and passphrase.
    const online = p.member !== null || p.selfReferral !== null;
    const email = p.memberEmail ?? p.referralEmail;
    const token = online ? randomBytes(24).toString('base64url') : null;
    tx.insert(feedbackInvitations)
      .values({
        caseId,
        participantId: p.id,
        processKind: proc?.kind ?? 'letters',
        role: p.role,
        channel: online ? 'online' : 'paper',
        tokenHash: token ? hashToken(token) : null,
      })
      .run();
    recordAudit(tx, actor, 'feedback.invited', { type: 'participant', id: p.id });
    // The optional equality questions, on their own page (a self-referrer was asked when they referred).
    if (online && p.selfReferral === null) inviteToEquality(tx, { participantId: p.id });
    if (token && email) enqueueEmail(tx, email, 'feedback-invite', feedbackInviteEmail({ token, publicUrl: env.PUBLIC_URL }));
  }
}

/** The pending invitation a one-time link stands for, or null. */
export function invitationForToken(token: string): number | null {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  return (
    db
      .select({ id: feedbackInvitations.id })
      .from(feedbackInvitations)
      .where(and(eq(feedbackInvitations.tokenHash, hashToken(token)), eq(feedbackInvitations.status, 'pending')))
      .get()?.id ?? null
  );
}

/** The pending online invitation of a signed-in letter-exchange participant, or null. */
export function invitationForMember(memberId: number): number | null {
  return (
    db
      .select({ id: feedbackInvitations.id })
      .from(feedbackInvitations)
      .innerJoin(exchangeMembers, eq(exchangeMembers.participantId, feedbackInvitations.participantId))
      .where(and(eq(exchangeMembers.id, memberId), eq(feedbackInvitations.status, 'pending'), eq(feedbackInvitations.channel, 'online')))
      .get()?.id ?? null
  );
}

/** The pending online invitation of a self-referrer signed in to "check your referral", or null. */
export function invitationForReferral(referralId: number): number | null {
  return (
    db
      .select({ id: feedbackInvitations.id })
      .from(feedbackInvitations)
      .innerJoin(participants, eq(participants.id, feedbackInvitations.participantId))
      .where(and(eq(participants.referralId, referralId), eq(feedbackInvitations.status, 'pending'), eq(feedbackInvitations.channel, 'online')))
      .get()?.id ??
    db
      .select({ id: feedbackInvitations.id })
      .from(feedbackInvitations)
      .innerJoin(exchangeMembers, eq(exchangeMembers.participantId, feedbackInvitations.participantId))
      .where(and(eq(exchangeMembers.referralId, referralId), eq(feedbackInvitations.status, 'pending'), eq(feedbackInvitations.channel, 'online')))
      .get()?.id ??
    null
  );
}

function saveAnswers(tx: Tx, invitationId: number, answers: FeedbackAnswers, onPaper: boolean): boolean {
  const inv = tx
    .update(feedbackInvitations)
    .set({ status: 'used' })
    .where(and(eq(feedbackInvitations.id, invitationId), eq(feedbackInvitations.status, 'pending')))
    .returning({ processKind: feedbackInvitations.processKind, role: feedbackInvitations.role, caseId: feedbackInvitations.caseId })
    .get();
  if (!inv) return false;
  // Held until a release (releases.server.ts): the case is noted apart, so a release can wait
  // for enough cases, and nothing on the answer says when it came or from where.
  tx.insert(feedbackHeldCases)
    .values({ caseId: inv.caseId, channel: onPaper ? 'paper' : 'online' })
    .onConflictDoNothing()
    .run();
  tx.insert(feedbackAnswers)
    .values({
      id: randomUUID(),
      processKind: inv.processKind,
      role: inv.role,
      month: '',
      onPaper,
      satisfaction: answers.satisfaction ? Number(answers.satisfaction) : null,
      feltSafe: answers.feltSafe ?? null,
      listenedTo: answers.listenedTo ?? null,
      informed: answers.informed ?? null,
      recommend: answers.recommend ?? null,
      helpedCope: answers.helpedCope ?? null,
      comments: answers.comments ?? null,
    })
    .run();
  return true;
}

/** A participant's own answers, once per invitation. False if the invitation was used (or never existed). */
export function submitFeedback(invitationId: number, answers: FeedbackAnswers): boolean {
  return db.transaction((tx) => saveAnswers(tx, invitationId, answers, false));
}

/** A paper survey typed in by the case's facilitator (or a manager), marked as on paper. */
export function typeInPaperFeedback(staff: StaffUser, caseId: number, invitationId: number, answers: FeedbackAnswers): 'saved' | 'used' | null {
  return db.transaction((tx) => {
    if (!findCaseInScope(tx, staff, caseId)) return null;
    const inv = tx
      .select({ participantId: feedbackInvitations.participantId, status: feedbackInvitations.status })
      .from(feedbackInvitations)
      // Paper ones only: an online invitation is the person's own to answer.
      .where(and(eq(feedbackInvitations.id, invitationId), eq(feedbackInvitations.caseId, caseId), eq(feedbackInvitations.channel, 'paper')))
      .get();
    if (!inv) return null;
    if (!saveAnswers(tx, invitationId, answers, true)) return 'used';
    recordAudit(tx, { type: 'staff', id: staff.id }, 'feedback.paper_typed_in', { type: 'participant', id: inv.participantId });
    return 'saved';
  });
}

/** Who in the case was invited, how, and whether they have answered: never what they said. */
export function caseInvitations(staff: StaffUser, caseId: number) {
  const kase = findCaseInScope(db, staff, caseId);
  if (!kase) return null;
  const rows = db
    .select({
      id: feedbackInvitations.id,
      name: participants.name,
      role: feedbackInvitations.role,
      channel: feedbackInvitations.channel,
      status: feedbackInvitations.status,
    })
    .from(feedbackInvitations)
    .innerJoin(participants, eq(participants.id, feedbackInvitations.participantId))
    .where(eq(feedbackInvitations.caseId, caseId))
    .all();
  // Whether someone answered online is not shown: with the live figures it would say what they said.
  return { kase, invitations: rows.map((r) => ({ ...r, status: r.channel === 'online' ? null : r.status })) };
}
