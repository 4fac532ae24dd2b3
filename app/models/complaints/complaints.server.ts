// Complaints about the service: sent by anyone on the public form (no account, contact
// details optional) or recorded by a manager when one arrives another way; then
// acknowledged and answered, each by its working-day deadline. Every write is one
// transaction with its audit row. Managers only on the staff side.
import { createHmac, randomInt } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { complaints, referrals, staffUsers } from '#db/schema';
import type { Tx } from '#db/client.server';
import { reserveAttempt } from '~/utils/attempts.server';
import { ukIsoDay } from '~/utils/dates';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { isIssuedFormKey } from '~/utils/form-key.server';
import { REFERENCE_ALPHABET } from '~/utils/passphrase.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { COMPLAINT_STEPS, stageOf, type ComplaintStage, type ComplaintStep } from './complaints';
import type { PublicComplaint, RecordedComplaint } from '~/models/data-protection/data-protection-schemas';
import { addWorkingDays } from '~/models/working-days';

/** New complaints from one address in the attempt window (15 minutes): enough for a family, not a flood. */
export const MAX_COMPLAINTS_PER_ADDRESS = 5;
/** Answered complaints the list shows below the open ones. */
const RECENTLY_ANSWERED = 50;

const PUBLIC_FORM = { type: 'system', id: 'public-form' } as const;

/** The deadlines of a complaint that arrived on `receivedOn` (a UK day). */
export function deadlinesFor(receivedOn: string) {
  const from = new Date(`${receivedOn}T12:00:00Z`);
  return {
    acknowledgeBy: addWorkingDays(from, env.COMPLAINT_ACKNOWLEDGE_WORKING_DAYS),
    answerBy: addWorkingDays(from, env.COMPLAINT_ANSWER_WORKING_DAYS),
  };
}

const letters = (bytes: Buffer, n: number) => Array.from(bytes.subarray(0, n), (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('');
const format = (chars: string) => `C-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
const randomReference = () => format(Array.from({ length: 8 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join(''));

/**
 * The reference a form's one-time key gives: the same key always gives the same reference,
 * so a second submit of one form finds the first complaint (the table has no column for
 * the key). Keyed with the session secret: the reference cannot be worked out from the key.
 */
const referenceForKey = (key: string) => format(letters(createHmac('sha256', env.SESSION_SECRET).update(`complaint:${key}`).digest(), 8));

export type ComplaintSent = { reference: string; acknowledgeBy: string; answerBy: string; reply: PublicComplaint['reply'] };
export type SubmitComplaintResult = ({ ok: true } & ComplaintSent) | { ok: false; error: 'bad-key' | 'limited' };

function sentAs(tx: Tx, reference: string, body: string): ComplaintSent | null | 'taken' {
  const row = tx
    .select({ body: complaints.body, acknowledgeBy: complaints.acknowledgeBy, answerBy: complaints.answerBy, email: complaints.email, phone: complaints.phone })
    .from(complaints)
    .where(eq(complaints.reference, reference))
    .get();
  if (!row) return null;
  // The same form sent again with the same words is the same complaint; anything else that
  // reached this reference is another complaint.
  if (row.body !== body) return 'taken';
  return { reference, acknowledgeBy: row.acknowledgeBy, answerBy: row.answerBy, reply: row.email ? 'email' : row.phone ? 'phone' : 'none' };
}

/**
 * A complaint from the public form. Idempotent per form: sending the same form twice (a
 * refresh, a double click) gives the first complaint. New complaints are limited per
 * address (counted before the write, in one transaction, so parallel posts cannot pass the
 * limit together). Only the contact detail for the chosen way of replying is kept.
 */
export function submitComplaint(c: PublicComplaint, address: string, now = new Date()): SubmitComplaintResult {
  if (!isIssuedFormKey(c.submissionKey)) return { ok: false, error: 'bad-key' };
  const keyed = referenceForKey(c.submissionKey);
  const again = sentAs(db, keyed, c.body);
  if (again && again !== 'taken') return { ok: true, ...again };
  const allowed = reserveAttempt([{ scope: 'complaint_address', value: address, max: MAX_COMPLAINTS_PER_ADDRESS }], now.getTime());
  if (!allowed.ok) return { ok: false, error: 'limited' };
  try {
    return insertPublicComplaint(c, keyed, now);
  } catch (error) {
    // Another server process stored the same form at the same moment: that one is this one.
    const first = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? sentAs(db, keyed, c.body) : null;
    if (first && first !== 'taken') return { ok: true, ...first };
    throw error;
  }
}

function insertPublicComplaint(c: PublicComplaint, keyed: string, now: Date): SubmitComplaintResult {
  return db.transaction((tx) => {
    const existing = sentAs(tx, keyed, c.body);
    if (existing && existing !== 'taken') return { ok: true, ...existing } as const;
    let reference = keyed;
    while (existing === 'taken' && tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference)).get())
      reference = randomReference();
    const receivedOn = ukIsoDay(now);
    const deadlines = deadlinesFor(receivedOn);
    const row = tx
      .insert(complaints)
      .values({
        reference,
        body: c.body,
        name: c.name ?? null,
        email: c.reply === 'email' ? (c.email ?? null) : null,
        phone: c.reply === 'phone' ? (c.phone ?? null) : null,
        referralReference: c.referralReference ?? null,
        receivedVia: 'online',
        receivedOn,
        ...deadlines,
      })
      .returning({ id: complaints.id })
      .get();
    recordAudit(tx, PUBLIC_FORM, 'complaint.received', { type: 'complaint', id: row.id });
    return { ok: true, reference, ...deadlines, reply: c.reply } as const;
  });
}

const newReference = (tx: Tx) => {
  let reference = randomReference();
  while (tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference)).get()) reference = randomReference();
  return reference;
};

/** A manager records a complaint that arrived by phone, letter, email or in person, on the day it arrived. */
export function recordComplaint(manager: StaffUser, c: RecordedComplaint): number {
  return db.transaction((tx) => {
    const row = tx
      .insert(complaints)
      .values({
        reference: newReference(tx),
        body: c.body,
        name: c.name ?? null,
        email: c.email ?? null,
        phone: c.phone ?? null,
        referralReference: c.referralReference ?? null,
        receivedVia: c.receivedVia,
        receivedOn: c.receivedOn,
        ...deadlinesFor(c.receivedOn),
        handledBy: manager.id,
      })
      .returning({ id: complaints.id })
      .get();
    recordAudit(tx, { type: 'staff', id: manager.id }, 'complaint.received', { type: 'complaint', id: row.id });
    return row.id;
  });
}

export type StepResult =
  | { ok: true }
  | { ok: false; error: 'not-found' }
  | { ok: false; error: 'out-of-order'; stage: ComplaintStage }
  | { ok: false; error: 'too-early'; after: string };

/**
 * One step of a complaint, as a compare-and-set: the update applies only while the complaint
 * is still at the stage the step needs, so a step taken twice (or two managers at once) is
 * refused. The day must not be before the step that came before it.
 */
function takeStep(manager: StaffUser, id: number, step: ComplaintStep, day: string, set: Partial<typeof complaints.$inferInsert>): StepResult {
  return db.transaction((tx) => {
    const c = tx
      .select({ receivedOn: complaints.receivedOn, acknowledgedOn: complaints.acknowledgedOn, answeredOn: complaints.answeredOn })
      .from(complaints)
      .where(eq(complaints.id, id))
      .get();
    if (!c) return { ok: false, error: 'not-found' } as const;
    const stage = stageOf(c);
    if (stage !== COMPLAINT_STEPS[step].from) return { ok: false, error: 'out-of-order', stage } as const;
    const after = step === 'acknowledge' ? c.receivedOn : (c.acknowledgedOn ?? c.receivedOn);
    if (day < after) return { ok: false, error: 'too-early', after } as const;
    const atStage =
      step === 'acknowledge'
        ? and(isNull(complaints.acknowledgedOn), isNull(complaints.answeredOn))
        : and(isNotNull(complaints.acknowledgedOn), isNull(complaints.answeredOn));
    const changed = tx
      .update(complaints)
      .set({ ...set, handledBy: manager.id })
      .where(and(eq(complaints.id, id), atStage))
      .run().changes;
    if (changed !== 1) return { ok: false, error: 'out-of-order', stage } as const;
    recordAudit(tx, { type: 'staff', id: manager.id }, step === 'acknowledge' ? 'complaint.acknowledged' : 'complaint.answered', { type: 'complaint', id });
    return { ok: true } as const;
  });
}

export const acknowledgeComplaint = (manager: StaffUser, id: number, acknowledgedOn: string) =>
  takeStep(manager, id, 'acknowledge', acknowledgedOn, { acknowledgedOn });

export const answerComplaint = (manager: StaffUser, id: number, a: { answeredOn: string; upheld: 'yes' | 'partly' | 'no'; answer: string }) =>
  takeStep(manager, id, 'answer', a.answeredOn, { answeredOn: a.answeredOn, upheld: a.upheld, answer: a.answer });

const listColumns = {
  id: complaints.id,
  reference: complaints.reference,
  receivedVia: complaints.receivedVia,
  receivedOn: complaints.receivedOn,
  acknowledgeBy: complaints.acknowledgeBy,
  answerBy: complaints.answerBy,
  acknowledgedOn: complaints.acknowledgedOn,
  answeredOn: complaints.answeredOn,
  upheld: complaints.upheld,
};

/** For the managers' list: every open complaint, the answer due soonest first; then the latest answered. */
export function listComplaints() {
  const open = db
    .select(listColumns)
    .from(complaints)
    .where(isNull(complaints.answeredOn))
    .orderBy(asc(complaints.answerBy), asc(complaints.id))
    .all()
    // The acknowledgement falls due first: a complaint still to acknowledge sorts by that.
    .sort((a, b) => (a.acknowledgedOn ? a.answerBy : a.acknowledgeBy).localeCompare(b.acknowledgedOn ? b.answerBy : b.acknowledgeBy));
  const answered = db
    .select(listColumns)
    .from(complaints)
    .where(isNotNull(complaints.answeredOn))
    .orderBy(desc(complaints.answeredOn), desc(complaints.answerBy))
    .limit(RECENTLY_ANSWERED)
    .all();
  return { open, answered, shownAnswered: RECENTLY_ANSWERED };
}

/** One complaint for a manager, with who handled it and the referral its reference names, if there is one. */
export function getComplaint(id: number) {
  const c = db
    .select({ complaint: complaints, handledBy: staffUsers.name })
    .from(complaints)
    .leftJoin(staffUsers, eq(staffUsers.id, complaints.handledBy))
    .where(eq(complaints.id, id))
    .get();
  if (!c) return null;
  const { createdAt: _createdAt, handledBy: _handledBy, ...complaint } = c.complaint;
  const referral = complaint.referralReference
    ? (db.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, complaint.referralReference)).get() ?? null)
    : null;
  return {
    ...complaint,
    handledBy: c.handledBy,
    referralId: referral?.id ?? null,
    // The retention purge leaves the dates and the outcome, and empties what was said.
    purged: complaint.body === '',
    stage: stageOf(complaint),
  };
}
