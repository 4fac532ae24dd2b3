// Emails about letters, all content-free: a facilitator's alert when a letter waits, and
// the daily digest of letters that have waited over 2 working days.
import { and, eq, ne } from 'drizzle-orm';
import { cases, exchanges, letters, staffUsers } from '#db/schema';
import { letterWaitingEmail } from '#emails/letter-waiting';
import { letterSecondReaderEmail } from '#emails/letter-second-reader';
import { lettersDigestEmail } from '#emails/letters-digest';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import { env } from '~/utils/env.server';
import type { Tx } from '#db/client.server';
import { workingDaysBetween } from '~/models/working-days';

export function alertFacilitator(tx: Tx, caseId: number, letterId: number) {
  const f = tx.select({ email: staffUsers.email }).from(cases).innerJoin(staffUsers, eq(staffUsers.id, cases.facilitatorId)).where(eq(cases.id, caseId)).get();
  if (f) enqueueEmail(tx, f.email, 'letter-waiting', letterWaitingEmail({ letterId, publicUrl: env.PUBLIC_URL }));
}

/** A kept threat waits for a second reader: every active manager but the first reader is told, without content. */
export function alertSecondReaders(tx: Tx, letterId: number, firstReaderId: number) {
  const managers = tx
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'manager'), eq(staffUsers.active, true), ne(staffUsers.id, firstReaderId)))
    .all();
  for (const m of managers) if (m.email) enqueueEmail(tx, m.email, 'letter-second-reader', letterSecondReaderEmail({ letterId, publicUrl: env.PUBLIC_URL }));
}

export { workingDaysBetween };

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
