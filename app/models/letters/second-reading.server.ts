// A second reader for a kept threat (issue 25): a first reader who passes a letter on with a
// threat flag kept does not send it; it waits for a manager who is not the first reader.
// They agree (it goes, and the review names both) or send it back to the first reader with
// a note (it waits for review again, the note shown on the review page).
import { and, desc, eq, isNull } from 'drizzle-orm';
import { letterSecondReadings, letters, letterVersions, staffUsers } from '#db/schema';
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { freezeIfUnsafe } from '~/models/cases/exchange-safety.server';
import { exchangeRelays } from '~/models/states';
import { letterInScope } from './shared.server';
import { relayApproved } from './relay.server';

/** The reading waiting on a letter, and the last one sent back (for the first reader's page). */
export function secondReadingsOf(letterId: number) {
  const rows = db
    .select({
      id: letterSecondReadings.id,
      versionId: letterSecondReadings.versionId,
      firstBy: staffUsers.name,
      firstByStaffId: letterSecondReadings.firstByStaffId,
      kept: letterSecondReadings.kept,
      redactions: letterSecondReadings.redactions,
      outcome: letterSecondReadings.outcome,
      note: letterSecondReadings.note,
      at: letterSecondReadings.createdAt,
      decidedAt: letterSecondReadings.decidedAt,
    })
    .from(letterSecondReadings)
    .innerJoin(staffUsers, eq(staffUsers.id, letterSecondReadings.firstByStaffId))
    .where(eq(letterSecondReadings.letterId, letterId))
    .orderBy(desc(letterSecondReadings.id))
    .all();
  return { waiting: rows.find((r) => r.outcome === null) ?? null, sentBack: rows.find((r) => r.outcome === 'sent_back') ?? null };
}

/** Who may be the second reader: a manager who did not make the first decision. */
export const maySecondRead = (staff: StaffUser, firstByStaffId: number) => staff.role === 'manager' && staff.id !== firstByStaffId;

export type SecondReadError = 'not-found' | 'not-you' | 'stale' | 'frozen';

export function secondRead(
  staff: StaffUser,
  letterId: number,
  readingId: number,
  d: { agree: true } | { agree: false; note: string },
): { ok: true } | { ok: false; error: SecondReadError } {
  try {
    return db.transaction((tx) => {
      const found = letterInScope(tx, staff, letterId);
      if (!found) return { ok: false, error: 'not-found' } as const;
      const reading = tx
        .select()
        .from(letterSecondReadings)
        .where(and(eq(letterSecondReadings.id, readingId), eq(letterSecondReadings.letterId, letterId), isNull(letterSecondReadings.outcome)))
        .get();
      if (!reading || found.l.status !== 'second_reading') return { ok: false, error: 'stale' } as const;
      if (!maySecondRead(staff, reading.firstByStaffId)) return { ok: false, error: 'not-you' } as const;
      const now = new Date();
      const done = (outcome: 'agreed' | 'sent_back', note: string | null) =>
        tx
          .update(letterSecondReadings)
          .set({ outcome, note, secondByStaffId: staff.id, decidedAt: now })
          .where(and(eq(letterSecondReadings.id, reading.id), isNull(letterSecondReadings.outcome)))
          .run();
      if (!d.agree) {
        done('sent_back', d.note);
        tx.update(letters).set({ status: 'waiting', updatedAt: now }).where(eq(letters.id, letterId)).run();
        recordAudit(tx, { type: 'staff', id: staff.id }, 'letter.second_reader_sent_back', { type: 'letter', id: letterId });
        return { ok: true } as const;
      }
      // The same checks as any relay: the exchange open and the case still safe.
      if (!exchangeRelays(found.ex.status)) return { ok: false, error: 'frozen' } as const;
      if (freezeIfUnsafe(tx, found.kase.id, { type: 'staff', id: staff.id })) return { ok: false, error: 'frozen' } as const;
      const version = tx.select().from(letterVersions).where(eq(letterVersions.id, reading.versionId)).get()!;
      done('agreed', null);
      recordAudit(tx, { type: 'staff', id: staff.id }, 'letter.second_reader_agreed', { type: 'letter', id: letterId });
      relayApproved(tx, found.l, version, 'second_reading', {
        redactions: reading.redactions,
        kept: reading.kept,
        byStaffId: reading.firstByStaffId,
        secondByStaffId: staff.id,
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof Error && /UNIQUE|letter changed/.test(error.message)) return { ok: false, error: 'stale' };
    throw error;
  }
}
