// What a participant sees. The rule this room keeps: a recipient's view reads only
// `letters.relayed_text` of letters with status `passed_on` addressed to them (decision 007).
// Drafts, waiting, returned and refused letters, and every submitted version, are never
// read for a recipient.
import { withoutHidden } from '~/utils/hidden-text';
import { and, desc, eq, ne } from 'drizzle-orm';
import { exchangeMembers, letterReviews, letters, letterVersions, participants } from '#db/schema';
import { db } from '~/utils/db.server';
import { recordAudit } from '~/models/audit.server';
import { memberContext } from './shared.server';

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
  // Letters relayed before hidden characters were taken out on the way are shown without them too.
  return { ...letter, text: letter.text === null ? null : withoutHidden(letter.text) };
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
