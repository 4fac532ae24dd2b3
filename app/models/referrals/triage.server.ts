// The triage queue and what staff do with a referral: read it, message the referrer,
// accept it into a case for a facilitator, or decline it with a reason.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { cases, participants, referralMessages, referrals, staffUsers } from '#db/schema';
import { newMessageEmail } from '#emails/new-message';
import { db } from '~/utils/db.server';
import { enqueueEmail } from '~/utils/email.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { updateReferrer } from './referrer-updates.server';
import { DECLINE_CATEGORIES, type DeclineCategory } from './referrer-updates';
import { checkAssignment, hasComplexTraining, recordOverride } from '~/models/cases/needs.server';
import { isSensitive } from '~/models/cases/needs';
import { inviteToEquality } from '~/models/feedback/equality.server';
import { recordAudit, recordView } from '~/models/audit.server';
import { AWAITING_TRIAGE } from '~/models/states';
import { QUEUE_STATUSES, type QueueStatus } from './triage-statuses';

export const PAGE_SIZE = 25;

export type QueueFilters = { status: QueueStatus; source: 'all' | 'self' | 'partner'; facilitatorId: number | null; after: { at: number; id: number } | null };

export function parseQueueFilters(url: URL): QueueFilters {
  const status = QUEUE_STATUSES.some(([v]) => v === url.searchParams.get('status')) ? (url.searchParams.get('status') as QueueStatus) : 'new';
  const sourceParam = url.searchParams.get('source');
  const source = sourceParam === 'self' || sourceParam === 'partner' ? sourceParam : 'all';
  const f = Number(url.searchParams.get('facilitator'));
  const m = /^(\d{1,15})_(\d{1,15})$/.exec(url.searchParams.get('after') ?? '');
  return { status, source, facilitatorId: Number.isSafeInteger(f) && f > 0 ? f : null, after: m ? { at: Number(m[1]), id: Number(m[2]) } : null };
}

/** Oldest first, keyset-paginated on (created_at, id) so every page costs the same. */
type QueueRow = {
  id: number;
  reference: string;
  source: (typeof referrals.$inferSelect)['source'];
  status: (typeof referrals.$inferSelect)['status'];
  offenceKind: string | null;
  caseId: number | null;
  facilitator: string | null;
};

export function listTriageQueue(filters: QueueFilters) {
  const where: SQL[] = [];
  // Written out as literals, not bound values, so SQLite can prove the partial index
  // referrals_awaiting_triage_idx covers the query (its WHERE must imply the index's). The
  // query names that index (below): without statistics SQLite would rather look referrals
  // up by status and sort every one awaiting triage to show 25.
  if (filters.status === 'new') where.push(sql.raw(`"referrals"."status" in (${AWAITING_TRIAGE.map((s) => `'${s}'`).join(', ')})`));
  if (filters.status === 'accepted') where.push(sql`${cases.id} is not null`);
  if (filters.status === 'declined') where.push(eq(referrals.status, 'declined'));
  if (filters.status === 'withdrawn') where.push(eq(referrals.status, 'withdrawn'));
  if (filters.source !== 'all') where.push(eq(referrals.source, filters.source));
  if (filters.facilitatorId) where.push(eq(cases.facilitatorId, filters.facilitatorId));
  if (filters.after) where.push(sql`(${referrals.createdAt}, ${referrals.id}) > (${filters.after.at}, ${filters.after.id})`);
  // Written as one SQL template (not the query builder) only so the "new" page can name
  // its index: drizzle's builder has no INDEXED BY.
  const from = filters.status === 'new' ? sql`${referrals} indexed by referrals_awaiting_triage_idx` : sql`${referrals}`;
  const rows = db
    .all<QueueRow & { createdAt: number }>(
      sql`select ${referrals.id} as id, ${referrals.reference} as reference, ${referrals.source} as source, ${referrals.status} as status,
        ${referrals.offenceKind} as offenceKind, ${referrals.createdAt} as createdAt, ${cases.id} as caseId, ${staffUsers.name} as facilitator
      from ${from}
      left join ${cases} on ${cases.referralId} = ${referrals.id}
      left join ${staffUsers} on ${staffUsers.id} = ${cases.facilitatorId}
      ${where.length ? sql`where ${and(...where)}` : sql``}
      order by ${referrals.createdAt}, ${referrals.id}
      limit ${PAGE_SIZE + 1}`,
    )
    .map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > PAGE_SIZE && last ? `${last.createdAt.getTime()}_${last.id}` : null };
}

/** A referral as staff see it, for those who may (above). Opening it is audited. */
/** Anyone on staff may triage a new referral; once it is a case, only its facilitator and managers. */
export function staffMaySeeReferral(staff: StaffUser, referralId: number): boolean {
  const referral = db.select({ id: referrals.id }).from(referrals).where(eq(referrals.id, referralId)).get();
  if (!referral) return false;
  const kase = db.select({ facilitatorId: cases.facilitatorId }).from(cases).where(eq(cases.referralId, referralId)).get();
  return !kase || staff.role === 'manager' || kase.facilitatorId === staff.id;
}

export function getReferralForStaff(staff: StaffUser, referralId: number) {
  if (!staffMaySeeReferral(staff, referralId)) return null;
  const referral = db.select().from(referrals).where(eq(referrals.id, referralId)).get()!;
  const kase = db.select({ id: cases.id, facilitatorId: cases.facilitatorId }).from(cases).where(eq(cases.referralId, referralId)).get();
  const messages = db
    .select()
    .from(referralMessages)
    .where(eq(referralMessages.referralId, referralId))
    .orderBy(asc(referralMessages.createdAt), asc(referralMessages.id))
    .all();
  // A referral waiting for triage is everyone's to look at; one that was declined or
  // withdrawn is nobody's (0 is no one's id), so looking at it is marked.
  const holder = kase?.facilitatorId ?? ((AWAITING_TRIAGE as readonly string[]).includes(referral.status) ? null : 0);
  db.transaction((tx) => recordView(tx, staff, 'referral.viewed', { type: 'referral', id: referralId }, holder));
  return { referral, caseId: kase?.id ?? null, messages };
}

export type TriageError = 'not-found' | 'already-triaged' | 'no-facilitator' | 'needs-training-reason' | 'not-trained' | 'yot-decision-needed' | 'yot-delivers';

export function acceptReferral(
  staff: StaffUser,
  referralId: number,
  facilitatorId: number,
  opts: { trainingReason?: string } = {},
): { ok: true; caseId: number } | { ok: false; error: TriageError } {
  return db.transaction((tx) => {
    const facilitator = tx
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.id, facilitatorId), eq(staffUsers.active, true)))
      .get();
    if (!facilitator) return { ok: false, error: 'no-facilitator' } as const;
    const before = tx
      .select({ offence: referrals.offenceKind, age: referrals.offenderAgeGroup, yot: referrals.yotDecision })
      .from(referrals)
      .where(eq(referrals.id, referralId))
      .get();
    if (!before) return { ok: false, error: 'not-found' } as const;
    // A youth referral is accepted only once it is decided with the youth offending team that this service delivers it (or jointly).
    if (before.age === 'youth' && !before.yot) return { ok: false, error: 'yot-decision-needed' } as const;
    if (before.yot === 'yot') return { ok: false, error: 'yot-delivers' } as const;
    // A domestic abuse, sexual offence or hate crime referral goes to someone trained for it, or a manager says why not.
    const training = checkAssignment(tx, staff, isSensitive(before.offence), facilitatorId, opts.trainingReason);
    if (training === 'needs-reason') return { ok: false, error: 'needs-training-reason' } as const;
    if (training === 'not-allowed') return { ok: false, error: 'not-trained' } as const;
    const changed = tx
      .update(referrals)
      .set({ status: 'facilitator_will_contact', triagedBy: staff.id, updatedAt: new Date() })
      .where(and(eq(referrals.id, referralId), inArray(referrals.status, AWAITING_TRIAGE)))
      .run().changes;
    if (!changed)
      return {
        ok: false,
        error: tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.id, referralId)).get() ? 'already-triaged' : 'not-found',
      } as const;
    const referral = tx.select().from(referrals).where(eq(referrals.id, referralId)).get()!;
    const kase = tx.insert(cases).values({ referralId, facilitatorId }).returning({ id: cases.id }).get();
    // A self-referrer is the case's first victim; partner referrals name people in free text.
    if (referral.source === 'self') {
      tx.insert(participants)
        .values({ caseId: kase.id, role: 'victim', name: referral.contactName ?? `Self-referrer ${referral.reference}`, referralId })
        .run();
    }
    recordAudit(tx, { type: 'staff', id: staff.id }, 'referral.accepted', { type: 'referral', id: referralId });
    // A self-referrer is asked the optional equality questions once a person has accepted their
    // referral (not when it is sent: a script could otherwise refer, answer and delete, again and again).
    if (referral.source === 'self') inviteToEquality(tx, { referralId });
    recordAudit(tx, { type: 'staff', id: staff.id }, 'case.opened', { type: 'case', id: kase.id });
    if (isSensitive(before.offence) && !hasComplexTraining(tx, facilitatorId)) recordOverride(tx, staff, kase.id, facilitatorId, opts.trainingReason!);
    return { ok: true, caseId: kase.id } as const;
  });
}

const labelOf = (options: readonly (readonly [string, string])[], value: string) => options.find(([v]) => v === value)?.[1] ?? null;

/** The decision made with the youth offending team about a youth referral: who delivers it. */
export function recordYotDecision(
  staff: StaffUser,
  referralId: number,
  d: { decision: 'service' | 'joint' | 'yot'; on: string; note: string },
): 'recorded' | 'not-youth' | 'not-open' | null {
  return db.transaction((tx) => {
    const r = tx.select({ age: referrals.offenderAgeGroup, status: referrals.status }).from(referrals).where(eq(referrals.id, referralId)).get();
    if (!r) return null;
    if (r.age !== 'youth') return 'not-youth';
    if (!AWAITING_TRIAGE.includes(r.status as (typeof AWAITING_TRIAGE)[number])) return 'not-open';
    tx.update(referrals).set({ yotDecision: d.decision, yotDecisionOn: d.on, yotDecisionNote: d.note }).where(eq(referrals.id, referralId)).run();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'referral.yot_decision_recorded', { type: 'referral', id: referralId });
    return 'recorded';
  });
}

export function declineReferral(
  staff: StaffUser,
  referralId: number,
  reason: string,
  category: DeclineCategory = 'other',
): { ok: true } | { ok: false; error: TriageError } {
  return db.transaction((tx) => {
    const changed = tx
      .update(referrals)
      .set({ status: 'declined', declinedReason: reason, declineCategory: category, triagedBy: staff.id, declinedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(referrals.id, referralId), inArray(referrals.status, AWAITING_TRIAGE)))
      .run().changes;
    if (!changed) return { ok: false, error: 'already-triaged' } as const;
    recordAudit(tx, { type: 'staff', id: staff.id }, 'referral.declined', { type: 'referral', id: referralId });
    // The referrer hears it will not be taken forward, with the category, never the reason's words.
    updateReferrer(tx, referralId, 'not_taken_forward', { type: 'staff', id: staff.id }, labelOf(DECLINE_CATEGORIES, category));
    return { ok: true } as const;
  });
}

/** A reply to a self-referrer. The email, if they gave an address, carries no content. */
export function replyToReferrer(staff: StaffUser, referralId: number, body: string) {
  db.transaction((tx) => {
    const referral = tx
      .select({ id: referrals.id, email: referrals.email, source: referrals.source })
      .from(referrals)
      .where(eq(referrals.id, referralId))
      .get();
    if (!referral || referral.source !== 'self') return;
    const m = tx.insert(referralMessages).values({ referralId, sender: 'service', body }).returning({ id: referralMessages.id }).get();
    if (referral.email) enqueueEmail(tx, referral.email, 'new-message', newMessageEmail(), referralId);
    // Someone has now looked at it.
    tx.update(referrals)
      .set({ status: 'being_looked_at' })
      .where(and(eq(referrals.id, referralId), eq(referrals.status, 'received')))
      .run();
    recordAudit(tx, { type: 'staff', id: staff.id }, 'referral.message_sent', { type: 'referral_message', id: m.id });
  });
}
