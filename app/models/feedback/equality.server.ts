// Optional equality monitoring (issue 23), so the service can show it is provided without
// discrimination. Invitations say who was asked and whether they answered; the answers are
// stored apart, with only the month and whether the person referred or took part, and
// nothing that joins them to an invitation, a case or a person (as decision 012 does for
// feedback). Asked of self-referrers once their referral is accepted (so a script cannot
// refer, answer and delete again and again), and of people taking part when they are invited
// to the feedback survey online. The answers table has no rowid, so not even the order of
// rows says who answered when.
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '#db/client.server';
import { equalityAnswers, equalityInvitations, exchangeMembers } from '#db/schema';
import { EQUALITY_QUESTIONS, type EqualityField } from '~/data/equality';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { suppressBreakdown } from '~/models/reports/reports';

/** Asks once: a referral or a participant who already has an invitation (answered or not) is not asked again. */
export function inviteToEquality(tx: Tx, who: { referralId: number } | { participantId: number }) {
  const column = 'referralId' in who ? equalityInvitations.referralId : equalityInvitations.participantId;
  const id = 'referralId' in who ? who.referralId : who.participantId;
  if (tx.select({ id: equalityInvitations.id }).from(equalityInvitations).where(eq(column, id)).get()) return;
  tx.insert(equalityInvitations).values(who).run();
}

const pending = eq(equalityInvitations.status, 'pending');

/** The pending invitation of a self-referrer signed in to "check your referral" (or just referred), or null. */
export function equalityInvitationForReferral(referralId: number): number | null {
  return (
    db
      .select({ id: equalityInvitations.id })
      .from(equalityInvitations)
      .where(and(eq(equalityInvitations.referralId, referralId), pending))
      .get()?.id ?? null
  );
}

/** The pending invitation of a letters participant, or null. */
export function equalityInvitationForMember(memberId: number): number | null {
  return (
    db
      .select({ id: equalityInvitations.id })
      .from(equalityInvitations)
      .innerJoin(exchangeMembers, eq(exchangeMembers.participantId, equalityInvitations.participantId))
      .where(and(eq(exchangeMembers.id, memberId), pending, isNotNull(equalityInvitations.participantId)))
      .get()?.id ?? null
  );
}

/** One answer (or none: every question can be skipped) per question. */
export function equalityAnswerSchema(q: (typeof EQUALITY_QUESTIONS)[number]) {
  const values = q.options.map(([v]) => v) as [string, ...string[]];
  return z.object({ [q.field]: z.enum(values, { error: 'Select one of the answers, or continue without one' }).optional() });
}

export type EqualityAnswers = Partial<Record<EqualityField, string>>;

/** Saves the answers once per invitation, unlinked. False if the invitation was used (or never existed). */
export function submitEquality(invitationId: number, answers: EqualityAnswers, now = new Date()): boolean {
  for (const q of EQUALITY_QUESTIONS) {
    const a = answers[q.field];
    if (a !== undefined && !q.options.some(([v]) => v === a)) return false;
  }
  return db.transaction((tx) => {
    const inv = tx
      .update(equalityInvitations)
      .set({ status: 'used' })
      .where(and(eq(equalityInvitations.id, invitationId), pending))
      .returning({ referralId: equalityInvitations.referralId })
      .get();
    if (!inv) return false;
    tx.insert(equalityAnswers)
      .values({
        id: randomUUID(),
        month: now.toISOString().slice(0, 7),
        asked: inv.referralId !== null ? 'referral' : 'participant',
        ageBand: answers.ageBand ?? null,
        sex: answers.sex ?? null,
        genderSame: answers.genderSame ?? null,
        ethnicGroup: answers.ethnicGroup ?? null,
        religion: answers.religion ?? null,
        disability: answers.disability ?? null,
        sexualOrientation: answers.sexualOrientation ?? null,
      })
      .run();
    return true;
  });
}

const COLUMNS: Record<EqualityField, string> = {
  ageBand: 'age_band',
  sex: 'sex',
  genderSame: 'gender_same',
  ethnicGroup: 'ethnic_group',
  religion: 'religion',
  disability: 'disability',
  sexualOrientation: 'sexual_orientation',
};

/**
 * The equality figures for whole months of the period that have ended: each question a
 * breakdown of its own with "not answered", small numbers hidden as in the reports.
 */
export function equalityResults(period: { from: string; to: string }, now = new Date()) {
  const threshold = env.REPORT_SMALL_NUMBER;
  const args = [period.from, period.to, now.toISOString().slice(0, 7)];
  const answered = (
    db.$client.prepare('select count(*) as n from equality_answers where month >= ? and month <= ? and month < ?').get(...args) as { n: number }
  ).n;
  return {
    threshold,
    questions: EQUALITY_QUESTIONS.map((q) => {
      const col = COLUMNS[q.field];
      const rows = db.$client
        .prepare(`select ${col} as value, count(*) as n from equality_answers where month >= ? and month <= ? and month < ? group by ${col}`)
        .all(...args) as { value: string | null; n: number }[];
      const count = (v: string | null) => rows.find((r) => r.value === v)?.n ?? 0;
      return {
        field: q.field,
        title: q.title,
        ...suppressBreakdown(
          [...q.options.map(([key, label]) => ({ key, label, n: count(key) })), { key: 'not_answered', label: 'Skipped', n: count(null) }],
          threshold,
        ),
      };
    }),
    answered,
  };
}
