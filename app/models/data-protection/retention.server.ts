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
import { env } from '~/utils/env.server';
import { sweepOutboxFiles } from '~/utils/email.server';
import { ukHour, ukIsoDay } from '~/utils/dates';
import { purgeCase, purgeReferral, sqlite, stmt } from './purge-records.server';

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

export const ruleOf = (key: RetentionKey) => RETENTION_RULES.find((r) => r.key === key)!;
/** Records kept by the day (complaints, requests) go once the UK day of the cutoff is past their day. */
const isoDay = (ms: number) => ukIsoDay(ms);

export type PurgeCounts = Record<RetentionKey, number>;

/** Nobody has written on the referral since @cutoff: a message restarts its clock. */
export const QUIET = 'not exists (select 1 from referral_messages m where m.referral_id = r.id and m.created_at >= @cutoff)';

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
export const dueCount = (key: RetentionKey, at: number, periods: RetentionPeriods) =>
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
  // Emails the file outbox wrote for rows this run deleted.
  sweepOutboxFiles();
  return counts;
}

/** The server's daily run: once per UK day, at or after RETENTION_PURGE_HOUR, by one process. */
export async function purgeIfDue(now = Date.now()): Promise<PurgeCounts | null> {
  if (ukHour(now) < env.RETENTION_PURGE_HOUR) return null;
  return purgeNow({ now, startedBy: 'server', day: ukIsoDay(now) });
}

// ---- Legal holds, and what is coming ----------------------------------------------------
