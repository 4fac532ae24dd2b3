// Survey answers are shown in releases, never as they arrive (decision 024). A member of staff
// knows who was invited online (the case's feedback page), and what they typed in from paper.
// If answers appeared month by month, the difference between two looks at the results would
// be one month's answers: take away the paper ones and what is left belongs to that month's
// few online invitees. So every answer is held until a quarter begins, and the held answers
// are released together only if there are enough of them from enough cases:
//   - at least MIN_ANSWERS answers, from at least MIN_CASES cases;
//   - and the online ones (if any) from at least MIN_ONLINE_CASES cases, so that even someone
//     who knows every paper answer cannot narrow an online answer to fewer cases than that.
// Otherwise they wait for the next quarter, with whatever arrives meanwhile. Answers carry no
// date; a release says only the quarter it opened.
import { count, eq, isNull, sql } from 'drizzle-orm';
import { feedbackAnswers, feedbackHeldCases, feedbackReleases } from '#db/schema';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { ukIsoDay } from '~/utils/dates';
import { share, suppressBreakdown, suppressOne } from '~/models/reports/reports';
import { recordAudit } from '~/models/audit.server';
import { summarise } from './feedback';

export const MIN_ANSWERS = 10;
export const MIN_CASES = 5;
export const MIN_ONLINE_CASES = 3;
/** A release happens in the first days of a quarter or waits for the next: never mid-quarter. */
export const RELEASE_DAYS = 7;

/** The quarter a UK day falls in, as '2027-Q1', and whether the day is in its first RELEASE_DAYS. */
export function quarterOf(day: string) {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const q = Math.floor((month - 1) / 3);
  return { quarter: `${year}-Q${q + 1}`, firstMonth: `${year}-${String(q * 3 + 1).padStart(2, '0')}`, opening: month === q * 3 + 1 && date <= RELEASE_DAYS };
}

export type ReleaseResult = { released: number } | { held: 'not-opening' | 'done-this-quarter' | 'too-few' };

/**
 * Releases the held answers if a quarter is opening and they are enough. Run by the server's
 * maintenance tick (startup.server.ts); one transaction, so two processes release once.
 */
export function releaseFeedbackIfDue(now = new Date()): ReleaseResult {
  const { quarter, firstMonth, opening } = quarterOf(ukIsoDay(now));
  if (!opening) return { held: 'not-opening' };
  return db.transaction((tx) => {
    if (tx.select({ id: feedbackReleases.id }).from(feedbackReleases).where(eq(feedbackReleases.quarter, quarter)).get()) return { held: 'done-this-quarter' };
    const held = tx
      .select({ n: count(), online: sql<number>`coalesce(sum(${feedbackAnswers.onPaper} = 0), 0)` })
      .from(feedbackAnswers)
      .where(isNull(feedbackAnswers.releaseId))
      .get() ?? { n: 0, online: 0 };
    const cases = tx
      .select({ all: sql<number>`count(distinct ${feedbackHeldCases.caseId})`, online: sql<number>`coalesce(sum(${feedbackHeldCases.channel} = 'online'), 0)` })
      .from(feedbackHeldCases)
      .get() ?? { all: 0, online: 0 };
    if (held.n < MIN_ANSWERS || cases.all < MIN_CASES || (held.online > 0 && cases.online < MIN_ONLINE_CASES)) return { held: 'too-few' };
    const release = tx
      .insert(feedbackReleases)
      .values({ quarter, month: firstMonth, answers: held.n, releasedAt: now })
      .returning({ id: feedbackReleases.id })
      .get();
    tx.update(feedbackAnswers).set({ releaseId: release.id }).where(isNull(feedbackAnswers.releaseId)).run();
    tx.delete(feedbackHeldCases).run();
    recordAudit(tx, { type: 'system' }, 'feedback.released', { type: 'feedback_release', id: release.id });
    return { released: held.n };
  });
}

/** The service's anonymous results, for any member of staff: released answers only. */
export function feedbackResults() {
  // From the releases to their answers: the index on release_id, never a scan of the answers.
  const rows = db.$client
    .prepare(
      `select a.satisfaction, a.felt_safe as feltSafe, a.listened_to as listenedTo, a.informed, a.recommend, a.helped_cope as helpedCope, a.comments
       from feedback_releases r join feedback_answers a on a.release_id = r.id`,
    )
    .all() as Parameters<typeof summarise>[0];
  const last = db
    .select({ quarter: feedbackReleases.quarter, month: feedbackReleases.month })
    .from(feedbackReleases)
    .orderBy(sql`${feedbackReleases.month} desc`)
    .get();
  // Small numbers hidden as in the reports (decision 015): one person's answer must not stand out.
  const threshold = env.REPORT_SMALL_NUMBER;
  const s = summarise(rows);
  return {
    threshold,
    responses: suppressOne(s.responses, threshold),
    satisfied: share(s.satisfied.n, s.satisfied.of, threshold),
    questions: s.questions.map((q) => {
      const b = suppressBreakdown(
        q.counts.map((c) => ({ key: c.value, label: c.label, n: c.n })),
        threshold,
      );
      return { field: q.field, title: q.title, answered: b.total, counts: b.cells };
    }),
    comments: s.comments,
    commentsHeldBack: s.commentsHeldBack,
    lastRelease: last ? (/^\d{4}-Q[1-4]$/.test(last.quarter) ? last.quarter : last.month) : null,
  };
}
