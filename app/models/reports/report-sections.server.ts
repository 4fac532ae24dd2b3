// The dashboard's other sections: who took part, complaints, what the survey said, the
// longest waits, and the open work now.
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import { STAGE_LABELS } from '~/models/cases/case-stages';
import { summarise } from '~/models/feedback/feedback';
import { share, suppressOne, suppressPart, type Period } from './reports';
import { OPEN_STAGES, type Scope, bounds, breakdown, bump, dayOf, daysBetween } from './report-data.server';

/**
 * The people who took part in the cases with a process completed in the period: each
 * victim, person responsible and supporter who gave informed consent that stands, once.
 */
export function tookPartIn(caseIds: number[], threshold: number) {
  const counts = new Map<string, number>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const batch = caseIds.slice(i, i + 500);
    const rows = db.$client
      .prepare(
        `select p.role, count(*) as n from participants p join assessments a on a.participant_id = p.id
         where p.case_id in (${batch.map(() => '?').join(', ')}) and a.consent_on is not null and a.consent_withdrawn_on is null
         group by p.role`,
      )
      .all(...batch) as { role: string; n: number }[];
    for (const r of rows) bump(counts, r.role, r.n);
  }
  return breakdown(
    counts,
    [
      ['victim', 'Victims'],
      ['offender', 'People responsible'],
      ['supporter', 'Supporters'],
    ],
    threshold,
  );
}

/**
 * Complaints received in the period (by the day they arrived) and answered in it (by the
 * day they were answered): on time, and upheld in full or in part, each beside the answered
 * count it is part of. Open ones past a deadline now: an exact count, for running the service.
 */
export function complaintsIn(period: Period, now: Date, threshold: number) {
  const { fromDay, toDay } = bounds(period);
  const received = (db.$client.prepare('select count(*) as n from complaints where received_on >= ? and received_on < ?').get(fromDay, toDay) as { n: number })
    .n;
  const answered = db.$client
    .prepare(
      `select count(*) as n, coalesce(sum(answered_on <= answer_by), 0) as onTime, coalesce(sum(upheld in ('yes', 'partly')), 0) as upheld
       from complaints where answered_on >= ? and answered_on < ?`,
    )
    .get(fromDay, toDay) as { n: number; onTime: number; upheld: number };
  const today = dayOf(now.getTime());
  const overdue = (
    db.$client
      .prepare(
        `select count(*) as n from complaints where answered_on is null
         and (answer_by < @today or (acknowledged_on is null and acknowledge_by < @today))`,
      )
      .get({ today }) as { n: number }
  ).n;
  const answeredShown = suppressOne(answered.n, threshold);
  return {
    received: suppressOne(received, threshold),
    answered: answeredShown,
    answeredOnTime: suppressPart(answered.onTime, answeredShown, threshold),
    upheld: suppressPart(answered.upheld, answeredShown, threshold),
    overdueNow: overdue,
    acknowledgeDays: env.COMPLAINT_ACKNOWLEDGE_WORKING_DAYS,
    answerDays: env.COMPLAINT_ANSWER_WORKING_DAYS,
  };
}

/**
 * Survey answers released in the period (decision 024: answers are held, then released
 * together at the start of a quarter), counted in the month of their release. Shares shown
 * only from enough answers.
 */
export function feedbackIn(period: Period, threshold: number) {
  const rows = db.$client
    .prepare(
      `select a.satisfaction, a.felt_safe as feltSafe, a.listened_to as listenedTo, a.informed, a.recommend, a.helped_cope as helpedCope, null as comments
       from feedback_releases r join feedback_answers a on a.release_id = r.id where r.month >= ? and r.month <= ?`,
    )
    .all(period.from, period.to) as Parameters<typeof summarise>[0];
  const s = summarise(rows);
  const yes = (field: string) => {
    const q = s.questions.find((x) => x.field === field)!;
    return share(q.counts.find((c) => c.value === 'yes')?.n ?? 0, q.answered, threshold);
  };
  return {
    answers: suppressOne(s.responses, threshold),
    satisfied: share(s.satisfied.n, s.satisfied.of, threshold),
    feltSafe: yes('feltSafe'),
    recommend: yes('recommend'),
    helpedCope: yes('helpedCope'),
  };
}

/** The referrals waiting longest for a first contact: not yet triaged, or in a case nobody has contacted. */
export function slowestOpen(scope: Scope, now: Date) {
  const waiting = scope.facilitatorId
    ? []
    : (['received', 'being_looked_at'] as const).flatMap(
        (status) =>
          db.$client
            .prepare(
              'select r.id as referralId, null as caseId, r.reference, r.created_at as at from referrals r where r.status = ? order by r.created_at limit 10',
            )
            .all(status) as { referralId: number; caseId: number | null; reference: string; at: number }[],
      );
  const uncontacted = db.$client
    .prepare(
      `select r.id as referralId, c.id as caseId, r.reference, r.created_at as at from cases c join referrals r on r.id = c.referral_id
       where c.stage in ('referred', 'contacting') ${scope.facilitatorId ? 'and c.facilitator_id = @facilitatorId' : ''}
         and not exists (select 1 from participants p join contact_logs cl on cl.participant_id = p.id where p.case_id = c.id)
       order by r.created_at limit 10`,
    )
    .all(scope.facilitatorId ? { facilitatorId: scope.facilitatorId } : {}) as { referralId: number; caseId: number | null; reference: string; at: number }[];
  return [...waiting, ...uncontacted]
    .sort((a, b) => a.at - b.at)
    .slice(0, 10)
    .map((r) => ({ ...r, days: daysBetween(dayOf(r.at), dayOf(now.getTime())) }));
}

/** Work in hand now, whatever the period: exact counts, for running the service (not in the return). */
export function openWork(scope: Scope, now: Date) {
  const own = scope.facilitatorId ? { facilitatorId: scope.facilitatorId } : {};
  const byStage = db.$client
    .prepare(
      `select s.name as facilitator, c.stage, count(*) as n from cases c join staff_users s on s.id = c.facilitator_id
       where c.stage in (${OPEN_STAGES.map((s) => `'${s}'`).join(', ')}) ${scope.facilitatorId ? 'and c.facilitator_id = @facilitatorId' : ''}
       group by c.facilitator_id, c.stage`,
    )
    .all(own) as { facilitator: string; stage: (typeof OPEN_STAGES)[number]; n: number }[];
  const facilitators = [...new Set(byStage.map((r) => r.facilitator))].sort((a, b) => a.localeCompare(b));
  const today = dayOf(now.getTime());
  const overdueItems = (
    db.$client
      .prepare(
        `select count(*) as n from agreement_items ai ${scope.facilitatorId ? 'join cases c on c.id = ai.case_id and c.facilitator_id = @facilitatorId' : ''}
         where ai.status = 'open' and ai.due_on < @today`,
      )
      .get({ today, ...own }) as { n: number }
  ).n;
  const letters = db.$client
    .prepare(
      `select count(*) as n, min(l.submitted_at) as oldest from letters l
       ${scope.facilitatorId ? 'join exchanges e on e.id = l.exchange_id join cases c on c.id = e.case_id and c.facilitator_id = @facilitatorId' : ''}
       where l.status = 'waiting'`,
    )
    .get(own) as { n: number; oldest: number | null };
  return {
    stages: OPEN_STAGES.map((s) => ({ stage: s, label: STAGE_LABELS[s] })),
    rows: facilitators.map((name) => ({ name, counts: OPEN_STAGES.map((s) => byStage.find((r) => r.facilitator === name && r.stage === s)?.n ?? 0) })),
    overdueItems,
    lettersWaiting: letters.n,
    oldestLetterDays: letters.oldest ? daysBetween(dayOf(letters.oldest), today) : null,
  };
}
