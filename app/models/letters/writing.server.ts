// A participant writing: drafts, revising a returned letter, and sending it for review as
// a new, unalterable version.
import { isBlank } from '~/utils/hidden-text';
import { and, count, eq, inArray, max, ne } from 'drizzle-orm';
import { exchangeMembers, letters, letterVersions } from '#db/schema';
import { db } from '~/utils/db.server';
import type { Tx } from '#db/client.server';
import { AUTHOR_EDITABLE, authorMayEdit, exchangeRelays } from '~/models/states';
import { recordAudit } from '~/models/audit.server';
import { markCaseUnread } from '~/models/cases/case-alerts.server';
import { memberContext } from './shared.server';
import { alertFacilitator } from './notifications.server';

export type WriteError = 'not-found' | 'frozen' | 'not-editable' | 'recipient' | 'too-many-drafts';

/** At most this many letters not yet sent, each: enough for anyone, and no one can fill the database (issue 26). */
export const MAX_DRAFTS = 20;

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
    if (!exchangeRelays(ctx.ex.status)) return { ok: false, error: 'frozen' } as const;
    const recipient = tx
      .select()
      .from(exchangeMembers)
      .where(and(eq(exchangeMembers.id, recipientMemberId), eq(exchangeMembers.exchangeId, ctx.m.exchangeId), ne(exchangeMembers.id, memberId)))
      .get();
    if (!recipient) return { ok: false, error: 'recipient' } as const;
    if (letterId === null) {
      const drafts = tx
        .select({ n: count() })
        .from(letters)
        .where(and(eq(letters.authorMemberId, memberId), eq(letters.status, 'draft')))
        .get()!.n;
      if (drafts >= MAX_DRAFTS) return { ok: false, error: 'too-many-drafts' } as const;
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
      .where(and(eq(letters.id, letterId), eq(letters.authorMemberId, memberId), inArray(letters.status, AUTHOR_EDITABLE)))
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
    if (!exchangeRelays(ctx.ex.status)) return { ok: false, error: 'frozen' } as const;
    const letter = tx
      .select()
      .from(letters)
      .where(and(eq(letters.id, letterId), eq(letters.authorMemberId, memberId)))
      .get();
    if (!letter || !authorMayEdit(letter.status) || isBlank(letter.draftBody)) return { ok: false, error: 'not-editable' } as const;
    addVersion(tx, letterId, letter.draftBody, null);
    tx.update(letters).set({ status: 'waiting', submittedAt: new Date(), updatedAt: new Date() }).where(eq(letters.id, letterId)).run();
    recordAudit(tx, { type: 'referrer', id: `member:${memberId}` }, 'letter.submitted', { type: 'letter', id: letterId });
    alertFacilitator(tx, ctx.ex.caseId, letterId);
    // The letter-waiting email has gone; an alarming letter also marks the case urgent (and says so by email).
    markCaseUnread(tx, { caseId: ctx.ex.caseId }, letter.draftBody, { type: 'referrer', id: `member:${memberId}` }, false);
    return { ok: true } as const;
  });
}

export function addVersion(tx: Tx, letterId: number, body: string, recordedByStaffId: number | null) {
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
