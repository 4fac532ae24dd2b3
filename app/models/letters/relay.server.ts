// Passing a letter on: the review row, the relayed text (written once, redactions applied,
// hidden characters out), the recipient's content-free email, the audit row. One step, in
// the caller's transaction, for a first reader's approval and for a second reader's.
import { and, eq } from 'drizzle-orm';
import { exchangeMembers, letterReviews, letters, type KeptFlag } from '#db/schema';
import type { Tx } from '#db/client.server';
import { newLetterEmail } from '#emails/new-letter';
import { enqueueEmail } from '~/utils/email.server';
import { withoutHidden } from '~/utils/hidden-text';
import { recordAudit } from '~/models/audit.server';
import { REMOVED } from './shared.server';

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

export type Approval = { redactions: [number, number][]; kept: KeptFlag[]; byStaffId: number; secondByStaffId: number | null };

/** Records the approval and relays the letter. Throws (rolling back) if the letter is no longer in `from`. */
export function relayApproved(
  tx: Tx,
  letter: { id: number; recipientMemberId: number },
  version: { id: number; body: string },
  from: 'waiting' | 'second_reading',
  a: Approval,
) {
  tx.insert(letterReviews)
    .values({
      letterId: letter.id,
      versionId: version.id,
      decision: a.redactions.length ? 'approved_with_redactions' : 'approved',
      redactions: a.redactions,
      kept: a.kept.length ? a.kept : null,
      byStaffId: a.byStaffId,
      secondByStaffId: a.secondByStaffId,
    })
    .run();
  const now = new Date();
  const changed = tx
    .update(letters)
    .set({ status: 'passed_on', relayedText: withoutHidden(applyRedactions(version.body, a.redactions)), passedOnAt: now, updatedAt: now })
    .where(and(eq(letters.id, letter.id), eq(letters.status, from)))
    .run().changes;
  if (!changed) throw new Error('letter changed during decision');
  const recipient = tx.select({ email: exchangeMembers.email }).from(exchangeMembers).where(eq(exchangeMembers.id, letter.recipientMemberId)).get();
  if (recipient?.email) enqueueEmail(tx, recipient.email, 'new-letter', newLetterEmail());
  if (a.kept.length) recordAudit(tx, { type: 'staff', id: a.byStaffId }, 'letter.flags_kept', { type: 'letter', id: letter.id });
  recordAudit(tx, { type: 'staff', id: a.secondByStaffId ?? a.byStaffId }, 'letter.passed_on', { type: 'letter', id: letter.id });
}
