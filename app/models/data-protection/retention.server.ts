// The retention purge: applies the schedule in app/data/retention.ts. It runs once a day
// inside the server (after RETENTION_PURGE_HOUR, UK time) and on demand as `npm run purge`.
//
// What it removes is personal data; what it keeps is the anonymous skeleton of each record
// (dates, kinds, codes, outcomes), so the reports for a period give the same figures before
// and after a purge (decision 017). It works in slices of a few milliseconds, each one IMMEDIATE
// transaction: the server answers other requests between batches, and a second process
// purging at the same time waits for the lock, then finds those rows already purged
// (`purged_at`), so nothing is done twice and the counts add up.
import { monthsBefore, RETENTION_RULES, type RetentionKey, type RetentionPeriods, type RetentionRule } from '~/data/retention';
import type Database from 'better-sqlite3';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { ukHour, ukIsoDay } from '~/utils/dates';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';

const BATCH = 50;
const AUDIT_BATCH = 1000;
/**
 * The server's run works for at most SLICE_MS at a time, then leaves the event loop alone for
 * PAUSE_MS: a request takes several turns of the loop to answer, and a purge that took
 * every other turn added a third of a second to each (bench/purge.ts measures it).
 */
const SLICE_MS = 5;
const PAUSE_MS = 10;

export function retentionPeriods(): RetentionPeriods {
  return Object.fromEntries(RETENTION_RULES.map((r) => [r.key, env[r.env]])) as RetentionPeriods;
}

/** The instant before which a record under this rule has been kept long enough. */
export function cutoffOf(rule: Pick<RetentionRule, 'unit'>, period: number, now: number): number {
  return rule.unit === 'days' ? now - period * 86_400_000 : monthsBefore(now, period);
}

const ruleOf = (key: RetentionKey) => RETENTION_RULES.find((r) => r.key === key)!;
/** Records kept by the day (complaints, requests) go once the UK day of the cutoff is past their day. */
const isoDay = (ms: number) => ukIsoDay(ms);

export type PurgeCounts = Record<RetentionKey, number>;

const sqlite = () => db.$client;
// Each statement prepared once: the purge runs the same few thousand times.
const statements = new Map<string, Database.Statement>();
function stmt(sql: string): Database.Statement {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = sqlite().prepare(sql)));
  return s;
}

// ---- What one record's purge does ------------------------------------------------------

/** The referral's own columns that hold personal data or free text. */
const REFERRAL_PERSONAL = [
  'passphrase_hash',
  'offence_other',
  'area',
  // Where they live is kept only as the area (a category the reports count), not the postcode district.
  'postcode_district',
  'crime_reference',
  'harmer_name',
  'what_to_say',
  'contact_name',
  'email',
  'phone',
  'phone_safe_times',
  'phone_message_ok',
  'postal_address',
  'interpreter_language',
  'access_needs',
  'supporter_details',
  'agency_other',
  'referrer_name',
  'referrer_email',
  'referrer_phone',
  'victim_details',
  'offender_details',
  'offence_date',
  'risks',
  'risk_notes',
  'submission_key',
  'declined_reason',
];

/** Audit rows stop pointing at a person's records once those records are gone. */
function unlinkAudit(subjectType: string, ids: (number | string)[]) {
  if (!ids.length) return;
  const unlink = stmt('update audit_events set subject_id = null where subject_type = ? and subject_id = ?');
  for (const id of ids) unlink.run(subjectType, String(id));
}

function idsOf(sql: string, ...params: unknown[]): number[] {
  return (
    stmt(sql)
      .pluck(true)
      .all(...params) as number[]
  ).map(Number);
}

function purgeReferral(referralId: number, now: number) {
  unlinkAudit('referral_message', idsOf('select id from referral_messages where referral_id = ?', referralId));
  unlinkAudit('referral', [referralId]);
  stmt("update audit_events set actor_id = null where actor_type = 'referrer' and actor_id = ?").run(String(referralId));
  stmt('delete from referral_messages where referral_id = ?').run(referralId);
  stmt('delete from referral_drafts where referral_id = ?').run(referralId);
  stmt('delete from sessions where referral_id = ?').run(referralId);
  stmt('delete from outbox where referral_id = ?').run(referralId);
  stmt(
    `update referrals set ${REFERRAL_PERSONAL.map((c) => `${c} = null`).join(', ')},
       reference = 'purged-' || id, support_needs = '[]', purged_at = ? where id = ?`,
  ).run(now, referralId);
}

function purgeCase(caseId: number, referralId: number, now: number) {
  const people = idsOf('select id from participants where case_id = ?', caseId);
  const members = idsOf('select m.id from exchange_members m join exchanges e on e.id = m.exchange_id where e.case_id = ?', caseId);
  const letters = idsOf('select l.id from letters l join exchanges e on e.id = l.exchange_id where e.case_id = ?', caseId);
  unlinkAudit('participant', people);
  unlinkAudit('exchange_member', members);
  unlinkAudit('letter', letters);
  unlinkAudit('case_note', idsOf('select id from case_notes where case_id = ?', caseId));
  unlinkAudit('contact_log', idsOf('select cl.id from contact_logs cl join participants p on p.id = cl.participant_id where p.case_id = ?', caseId));

  for (const m of members) {
    stmt('delete from sessions where exchange_member_id = ?').run(m);
    // What a participant did in the exchange is recorded as `member:<id>`.
    stmt("update audit_events set actor_id = null where actor_type = 'referrer' and actor_id = ?").run(`member:${m}`);
  }
  stmt(
    `update exchange_members set reference = 'purged-' || id, setup_code_hash = null, setup_expires_at = null, passphrase_hash = null, email = null, referral_id = null
     where exchange_id in (select id from exchanges where case_id = ?)`,
  ).run(caseId);
  stmt('update exchanges set pause_reason = null where case_id = ?').run(caseId);
  for (const l of letters) {
    stmt("update letters set draft_body = '', relayed_text = null where id = ?").run(l);
    stmt("update letter_versions set body = '' where letter_id = ?").run(l);
    stmt('update letter_reviews set redactions = null, message_to_author = null, reason_for_record = null where letter_id = ?').run(l);
    stmt("update letter_flags_off set reason = '' where letter_id = ?").run(l);
  }
  stmt('delete from case_notes where case_id = ?').run(caseId);
  // A released hold's reasons may name people ("a claim by …"); the hold's dates stay.
  stmt("update legal_holds set reason = '', release_reason = null where case_id = ?").run(caseId);
  stmt('delete from participant_changes where case_id = ?').run(caseId);
  stmt('update case_transitions set reason = null where case_id = ? and to_stage <> ?').run(caseId, 'closed');
  for (const p of people) {
    stmt('delete from assessment_versions where participant_id = ?').run(p);
    stmt(
      `update assessments set info_given_how = null, consent_how = null, motive = null, expectations = null, safeguarding_concerns = null,
         power_imbalance = null, specialist_flags = null, risk_reason = null where participant_id = ?`,
    ).run(p);
    stmt("update contact_logs set outcome = '' where participant_id = ?").run(p);
    // Needs (an interpreter's language, mental health, capacity) are personal: gone.
    stmt('delete from participant_needs where participant_id = ?').run(p);
  }
  stmt("update case_assignments set note = '' where case_id = ?").run(caseId);
  stmt("update assignment_overrides set reason = '' where case_id = ?").run(caseId);
  stmt('update referrals set yot_decision_note = null where id = ?').run(referralId);
  stmt("update participants set name = '', contact_details = null, supporter_of = null where case_id = ?").run(caseId);
  stmt('update processes set outcome = null where case_id = ?').run(caseId);
  stmt('update meetings set venue = null, other_attendees = null, record = null where case_id = ?').run(caseId);
  stmt("update agreement_items set description = '', evidence = '', completion_note = null where case_id = ?").run(caseId);
  stmt('update feedback_invitations set token_hash = null where case_id = ?').run(caseId);
  stmt('update cases set closure_note = null, unread_since = null, unread_urgent = 0, purged_at = ? where id = ?').run(now, caseId);
  purgeReferral(referralId, now);
}

// ---- The rules, a batch at a time --------------------------------------------------------

/** Nobody has written on the referral since @cutoff: a message restarts its clock. */
const QUIET = 'not exists (select 1 from referral_messages m where m.referral_id = r.id and m.created_at >= @cutoff)';

/**
 * What is due under each rule, as SQL over @cutoff (an instant; a UK day for records kept by
 * the day). The purge and the 30-day outlook both read it, so they cannot disagree. A case
 * waits while it is held, while a message on it is unread, or when someone wrote within
 * its period; a withdrawn self-referral with a case goes with its case.
 */
const DUE: Record<RetentionKey, { select: string; from: string; where: string; order: string; byDay?: true; batch: number }> = {
  // INDEXED BY: without statistics SQLite would walk every closed (or declined) row, purged
  // ones included, and sort them, for each batch: 40 ms at 40,000 rows (bench/purge.ts).
  closed_cases: {
    select: 'c.id, c.referral_id as referralId',
    from: 'cases c indexed by cases_purge_idx join referrals r on r.id = c.referral_id',
    where: `c.stage = 'closed' and c.purged_at is null and c.closed_at < @cutoff and c.unread_since is null and ${QUIET}
      and not exists (select 1 from legal_holds h where h.case_id = c.id and h.released_at is null)`,
    order: 'c.closed_at',
    batch: BATCH,
  },
  declined_referrals: {
    select: 'r.id',
    from: 'referrals r indexed by referrals_declined_purge_idx',
    where: `r.status = 'declined' and r.purged_at is null and r.declined_at < @cutoff and ${QUIET}`,
    order: 'r.declined_at',
    batch: BATCH,
  },
  withdrawn_self_referrals: {
    select: 'r.id',
    from: 'referrals r indexed by referrals_withdrawn_purge_idx',
    where: `r.status = 'withdrawn' and r.source = 'self' and r.purged_at is null and r.withdrawn_at < @cutoff and ${QUIET}
      and not exists (select 1 from cases c where c.referral_id = r.id)`,
    order: 'r.withdrawn_at',
    batch: BATCH,
  },
  sent_emails: { select: 'id', from: 'outbox', where: "status in ('sent', 'failed') and created_at < @cutoff", order: 'created_at', batch: AUDIT_BATCH },
  complaints: { select: 'id', from: 'complaints', where: "answered_on < @cutoff and body <> ''", order: 'answered_on', byDay: true, batch: BATCH },
  rights_requests: {
    select: 'id',
    from: 'rights_requests',
    where: "answered_on < @cutoff and requester <> ''",
    order: 'answered_on',
    byDay: true,
    batch: BATCH,
  },
  deactivated_staff: {
    select: 'id',
    from: 'staff_users',
    where: 'active = 0 and purged_at is null and deactivated_at < @cutoff',
    order: 'deactivated_at',
    batch: BATCH,
  },
  audit: { select: 'id', from: 'audit_events', where: 'created_at < @cutoff', order: 'created_at', batch: AUDIT_BATCH },
};

const cutoffParam = (key: RetentionKey, at: number, periods = retentionPeriods()) => {
  const instant = cutoffOf(ruleOf(key), periods[key], at);
  return DUE[key].byDay ? isoDay(instant) : instant;
};

type Due = { id: number; referralId?: number };
const dueRows = (key: RetentionKey, now: number): Due[] =>
  stmt(`select ${DUE[key].select} from ${DUE[key].from} where ${DUE[key].where} order by ${DUE[key].order} limit @limit`).all({
    cutoff: cutoffParam(key, now),
    limit: DUE[key].batch,
  }) as Due[];
const dueCount = (key: RetentionKey, at: number, periods: RetentionPeriods) =>
  stmt(`select count(*) from ${DUE[key].from} where ${DUE[key].where}`)
    .pluck()
    .get({ cutoff: cutoffParam(key, at, periods) }) as number;

/** What the purge does with one due row of each rule. */
const APPLY: Record<RetentionKey, (row: Due, now: number) => void> = {
  closed_cases: (r, now) => purgeCase(r.id, r.referralId!, now),
  declined_referrals: (r, now) => purgeReferral(r.id, now),
  withdrawn_self_referrals: (r, now) => purgeReferral(r.id, now),
  sent_emails: (r) => stmt('delete from outbox where id = ?').run(r.id),
  complaints: (r) =>
    stmt("update complaints set body = '', name = null, email = null, phone = null, referral_reference = null, answer = null where id = ?").run(r.id),
  rights_requests: (r) => stmt("update rights_requests set requester = '', details = null, outcome = null where id = ?").run(r.id),
  deactivated_staff: ({ id }, now) => {
    stmt('delete from practice_records where staff_user_id = ?').run(id);
    stmt('delete from sessions where staff_user_id = ?').run(id);
    stmt(
      `update staff_users set name = 'Former member of staff ' || id, email = 'former-' || id || '@staff.invalid', password_hash = null,
         totp_secret_sealed = null, totp_enrolled = 0, totp_last_step = null, setup_token_hash = null, setup_expires_at = null, purged_at = ? where id = ?`,
    ).run(now, id);
  },
  audit: (r) => stmt('delete from audit_events where id = ?').run(r.id),
};

/** One batch of a rule, until its rows or the time slice run out. Run inside one transaction. */
function batch(key: RetentionKey, now: number, until: number): { done: number; more: boolean } {
  const rows = dueRows(key, now);
  let done = 0;
  for (const row of rows) {
    APPLY[key](row, now);
    done++;
    if (performance.now() > until) break;
  }
  return { done, more: done < rows.length || rows.length === DUE[key].batch };
}

// Set when the server shuts down: a run stops between slices instead of meeting a closed
// database. What it had not reached waits for the next run.
let stopping = false;
export function stopPurging() {
  stopping = true;
}

const nextTurn = (ms: number) => new Promise<void>((resolve) => (ms ? setTimeout(resolve, ms) : setImmediate(resolve)));

/**
 * One purge over every rule. Each batch is its own transaction; between batches the event
 * loop turns, so requests are answered while a large backlog is purged. Ends with one
 * system audit row holding the counts, and the run's row in `retention_runs`.
 */
export async function purgeNow({
  now = Date.now(),
  startedBy = 'command' as 'server' | 'command',
  day = null as string | null,
} = {}): Promise<PurgeCounts | null> {
  const run = stmt('insert into retention_runs (day, started_by, started_at) values (?, ?, ?) on conflict(day) do nothing returning id').get(
    day,
    startedBy,
    now,
  ) as { id: number } | undefined;
  if (!run) return null; // another process has today's run
  const counts = Object.fromEntries(RETENTION_RULES.map((r) => [r.key, 0])) as PurgeCounts;
  // The server shares its event loop with requests: it pauses between slices. The command
  // has the loop to itself, and its transactions are as short.
  const pause = startedBy === 'server' ? PAUSE_MS : 0;
  for (const rule of RETENTION_RULES) {
    for (;;) {
      const { done, more } = sqlite()
        .transaction(() => batch(rule.key, now, performance.now() + SLICE_MS))
        .immediate();
      counts[rule.key] += done;
      if (stopping) return null;
      if (!more) break;
      await nextTurn(pause);
    }
  }
  sqlite()
    .transaction(() => {
      stmt('update retention_runs set counts = ?, finished_at = ? where id = ?').run(JSON.stringify(counts), Date.now(), run.id);
      sqlite()
        .prepare(
          "insert into audit_events (actor_type, actor_id, action, subject_type, subject_id) values ('system', ?, 'retention.purged', 'retention_run', ?)",
        )
        .run(startedBy, String(run.id));
    })
    .immediate();
  return counts;
}

/** The server's daily run: once per UK day, at or after RETENTION_PURGE_HOUR, by one process. */
export async function purgeIfDue(now = Date.now()): Promise<PurgeCounts | null> {
  if (ukHour(now) < env.RETENTION_PURGE_HOUR) return null;
  return purgeNow({ now, startedBy: 'server', day: ukIsoDay(now) });
}

// ---- Legal holds, and what is coming ----------------------------------------------------

export type Hold = { id: number; reason: string; reviewOn: string; placedBy: string; createdAt: string };

/** The case's standing hold, if any. */
export function holdOf(caseId: number): Hold | null {
  const row = stmt(
    `select h.id, h.reason, h.review_on as reviewOn, s.name as placedBy, h.created_at as createdAt from legal_holds h
       join staff_users s on s.id = h.placed_by where h.case_id = ? and h.released_at is null`,
  ).get(caseId) as (Omit<Hold, 'createdAt'> & { createdAt: number }) | undefined;
  return row ? { ...row, createdAt: new Date(row.createdAt).toISOString() } : null;
}

/** A manager holds a case back from the purge. False if it is already held or already purged. */
export function placeHold(manager: StaffUser, caseId: number, reason: string, reviewOn: string): boolean {
  return db.transaction((tx) => {
    const kase = stmt('select r.purged_at as purgedAt from cases c join referrals r on r.id = c.referral_id where c.id = ?').get(caseId) as
      { purgedAt: number | null } | undefined;
    if (!kase || kase.purgedAt) return false;
    if (stmt('select 1 from legal_holds where case_id = ? and released_at is null').get(caseId)) return false;
    stmt('insert into legal_holds (case_id, reason, review_on, placed_by) values (?, ?, ?, ?)').run(caseId, reason, reviewOn, manager.id);
    recordAudit(tx, { type: 'staff', id: manager.id }, 'case.hold_placed', { type: 'case', id: caseId });
    return true;
  });
}

export function releaseHold(manager: StaffUser, caseId: number, releaseReason: string): boolean {
  return db.transaction((tx) => {
    const changed = stmt('update legal_holds set released_at = ?, released_by = ?, release_reason = ? where case_id = ? and released_at is null').run(
      Date.now(),
      manager.id,
      releaseReason,
      caseId,
    ).changes;
    if (changed) recordAudit(tx, { type: 'staff', id: manager.id }, 'case.hold_released', { type: 'case', id: caseId });
    return changed > 0;
  });
}

export type DueCase = { caseId: number; reference: string; closedAt: string; dueAt: string; held: boolean };

/**
 * What the purge will remove in the next `days` days: each rule's count, the cases by name
 * (held ones marked: they will stay), every standing hold with its review date, and the
 * last runs. Reads only.
 */
export function retentionOutlook(now = Date.now(), days = 30) {
  const horizon = now + days * 86_400_000;
  const periods = retentionPeriods();
  const until = (key: RetentionKey) => cutoffOf(ruleOf(key), periods[key], horizon);
  const cases = (
    stmt(
      `select c.id as caseId, r.reference, c.closed_at as closedAt,
           exists (select 1 from legal_holds h where h.case_id = c.id and h.released_at is null) as held,
           (c.unread_since is not null or not ${QUIET}) as waiting
         from cases c join referrals r on r.id = c.referral_id
         where c.stage = 'closed' and c.closed_at < @cutoff and r.purged_at is null order by c.closed_at limit 200`,
    ).all({ cutoff: until('closed_cases') }) as { caseId: number; reference: string; closedAt: number; held: number; waiting: number }[]
  ).map((c) => ({
    ...c,
    held: !!c.held,
    waiting: !!c.waiting,
    closedAt: new Date(c.closedAt).toISOString(),
    dueAt: new Date(monthsBefore(c.closedAt, -periods.closed_cases)).toISOString(),
  }));
  const counts = Object.fromEntries(RETENTION_RULES.map((r) => [r.key, dueCount(r.key, horizon, periods)])) as Record<RetentionKey, number>;
  const holds = (
    stmt(
      `select h.case_id as caseId, r.reference, h.reason, h.review_on as reviewOn, s.name as placedBy from legal_holds h
         join cases c on c.id = h.case_id join referrals r on r.id = c.referral_id join staff_users s on s.id = h.placed_by
         where h.released_at is null order by h.review_on`,
    ).all() as { caseId: number; reference: string; reason: string; reviewOn: string; placedBy: string }[]
  ).map((h) => ({ ...h, reviewDue: h.reviewOn <= ukIsoDay(now) }));
  const runs = (
    stmt(
      'select id, started_by as startedBy, started_at as startedAt, finished_at as finishedAt, counts from retention_runs order by id desc limit 5',
    ).all() as {
      id: number;
      startedBy: string;
      startedAt: number;
      finishedAt: number | null;
      counts: string | null;
    }[]
  ).map((r) => ({
    ...r,
    startedAt: new Date(r.startedAt).toISOString(),
    finished: r.finishedAt !== null,
    total: r.counts ? Object.values(JSON.parse(r.counts) as Record<string, number>).reduce((a, b) => a + b, 0) : null,
  }));
  return { days, counts, cases, holds, runs, periods };
}

/** A case's place in the schedule: when it closed, when its personal data goes, its hold. */
export function caseRetention(caseId: number) {
  const row = stmt(
    'select c.id as caseId, r.reference, c.closed_at as closedAt, r.purged_at as purgedAt from cases c join referrals r on r.id = c.referral_id where c.id = ?',
  ).get(caseId) as { caseId: number; reference: string; closedAt: number | null; purgedAt: number | null } | undefined;
  if (!row) return null;
  const period = retentionPeriods().closed_cases;
  const due = row.closedAt === null ? null : new Date(monthsBefore(row.closedAt, -period));
  return {
    caseId: row.caseId,
    reference: row.reference,
    period,
    closedAt: row.closedAt === null ? null : new Date(row.closedAt).toISOString(),
    purgedAt: row.purgedAt === null ? null : new Date(row.purgedAt).toISOString(),
    dueAt: due?.toISOString() ?? null,
    hold: holdOf(caseId),
  };
}
