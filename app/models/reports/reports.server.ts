// The figures behind the dashboard and the commissioner's return, read from the records the
// portal keeps. Every count goes through the small-number rules in ./reports before it
// leaves here. Managers see the whole service; a facilitator sees their own caseload.
import { HEARD_ABOUT, OFFENCE_KINDS } from '~/data/referral-options';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { recordAudit } from '~/models/audit.server';
import { CASE_STAGES } from '#db/schema';
import { CLOSURE_REASONS, STAGE_LABELS } from '~/models/cases/case-stages';
import { summarise } from '~/models/feedback/feedback';
import { isDirect, PROCESS_KINDS, type ProcessKind } from '~/models/outcomes/outcomes';
import { AGENCIES } from '~/models/referrals/partner-questions';
import {
  addMonths,
  type DEFINITIONS,
  FUNNEL_STEPS,
  monthsOf,
  monthStartMs,
  share,
  shortMonthLabel,
  suppressBreakdown,
  suppressOne,
  suppressPart,
  shareText,
  type Period,
  type Shown,
} from './reports';
import { workingDaysBetween } from '~/models/working-days';
import { categoriesOf, categoryMapper } from './report-categories.server';

type Scope = { facilitatorId: number | null };
const scopeOf = (user: StaffUser): Scope => ({ facilitatorId: user.role === 'manager' ? null : user.id });

const OPEN_STAGES = CASE_STAGES.filter((s) => s !== 'closed');
const AGE_ORDER = [
  ['youth', 'Under 18 (youth)'],
  ['adult', '18 or over (adult)'],
  ['not_known', 'Not known'],
  ['not_asked', 'Not asked (self-referrals)'],
] as const;
const ASB_SPLIT = [
  ['crime', 'Crime'],
  ['asb', 'Anti-social behaviour'],
] as const;
const DELETED = 'deleted';
const DELETED_LABEL = 'Deleted at the sender’s request';

/** The period as the database stores it: timestamps for arrival, days for what staff record. */
function bounds(period: Period) {
  const next = addMonths(period.to, 1);
  return { fromMs: monthStartMs(period.from), toMs: monthStartMs(next), fromDay: `${period.from}-01`, toDay: `${next}-01` };
}

const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
const dayOf = (ms: number) => ukDay.format(new Date(ms));
const daysBetween = (fromDay: string, toDay: string) => Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);

function breakdown(counts: Map<string, number>, order: readonly (readonly [string, string, ...unknown[]])[], threshold: number) {
  const known = order.map(([key, label]) => ({ key, label, n: counts.get(key) ?? 0 }));
  const rest = [...counts].filter(([k]) => !order.some(([key]) => key === k)).map(([key, n]) => ({ key, label: key === DELETED ? DELETED_LABEL : key, n }));
  return suppressBreakdown([...known, ...rest], threshold);
}

const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

/** A second breakdown of cells another one hides (direct or indirect, of the kinds): all of it withheld, or it would split the hidden ones. */
function withheldIf(hide: boolean, b: ReturnType<typeof suppressBreakdown>) {
  if (!hide) return b;
  const withheld = <T extends Shown>(c: T): T => ({ ...c, shown: null, hidden: 'withheld' });
  return { cells: b.cells.map(withheld), total: b.total };
}

/** Referrals of the period, counted by every field the report breaks them down by (one row per combination). */
type ReferralGroup = {
  source: 'self' | 'partner';
  agency: string | null;
  initiatedBy: string | null;
  offence: string;
  stage: string;
  status: string;
  n: number;
};
type CaseRow = {
  id: number;
  referredAt: number;
  stage: string;
  closure: string | null;
  firstContact: string | null;
  assessed: number;
  suitable: number;
  kinds: string | null;
  completed: number;
  items: number;
  itemsDone: number;
};

// A facilitator's figures start from their own cases (an index on cases.facilitator_id),
// not from every referral of the period.
const referralsFrom = (scope: Scope) =>
  scope.facilitatorId ? 'cases c indexed by cases_facilitator_idx join referrals r on r.id = c.referral_id' : 'referrals r';
const ownCase = 'and c.facilitator_id = @facilitatorId';

function referralsIn(period: Period, scope: Scope) {
  const { fromMs, toMs } = bounds(period);
  const own = scope.facilitatorId ? { facilitatorId: scope.facilitatorId } : {};
  // Grouped by SQLite from the covering index: a three-year report reads 100,000 rows but
  // makes only a few thousand objects.
  const groups = db.$client
    .prepare(
      `select r.source, r.agency, r.initiated_by as initiatedBy, r.offence_kind as offence, r.justice_stage as stage, r.status, count(*) as n
       from ${referralsFrom(scope)} where r.created_at >= @fromMs and r.created_at < @toMs ${scope.facilitatorId ? ownCase : ''}
       group by r.source, r.agency, r.initiated_by, r.offence_kind, r.justice_stage, r.status`,
    )
    .all({ fromMs, toMs, ...own }) as ReferralGroup[];
  // Months are UK months, which SQLite cannot tell: one count over the index for each.
  const count = db.$client.prepare(
    `select count(*) as n from ${referralsFrom(scope)} where r.created_at >= @fromMs and r.created_at < @toMs ${scope.facilitatorId ? ownCase : ''}`,
  );
  const byMonth = new Map(
    monthsOf(period).map((m) => [m, (count.get({ fromMs: monthStartMs(m), toMs: monthStartMs(addMonths(m, 1)), ...own }) as { n: number }).n]),
  );
  // The return's other splits, from their own covering index (referrals_return_idx).
  const more = db.$client
    .prepare(
      `select r.source, r.anti_social_behaviour as asb, r.offence_kind as offence, r.offender_age_group as age, r.area_code as area, r.heard_about as heard, count(*) as n
       from ${referralsFrom(scope)} where r.created_at >= @fromMs and r.created_at < @toMs ${scope.facilitatorId ? ownCase : ''}
       group by r.source, r.anti_social_behaviour, r.offence_kind, r.offender_age_group, r.area_code, r.heard_about`,
    )
    .all({ fromMs, toMs, ...own }) as ReturnGroup[];
  return { groups, more, byMonth, total: groups.reduce((a, g) => a + g.n, 0) };
}

type ReturnGroup = { source: 'self' | 'partner'; asb: number; offence: string; age: string | null; area: string | null; heard: string | null; n: number };

/** Anti-social behaviour is funded apart from crime: tagged on the form, or the offence itself. */
const isAsb = (g: { asb: number; offence: string }) => g.asb === 1 || g.offence === 'asb';

function casesIn(period: Period, scope: Scope) {
  const { fromMs, toMs } = bounds(period);
  return db.$client
    .prepare(
      `select c.id, r.created_at as referredAt, c.stage, c.closure_reason as closure,
         (select min(cl.contacted_on) from participants p join contact_logs cl on cl.participant_id = p.id where p.case_id = c.id) as firstContact,
         exists (select 1 from participants p join assessments a on a.participant_id = p.id where p.case_id = c.id and a.risk_assessed_on is not null) as assessed,
         (exists (select 1 from participants p join assessments a on a.participant_id = p.id where p.case_id = c.id and a.risk_decision in ('direct', 'direct_only', 'indirect_only'))
           and not exists (select 1 from participants p join assessments a on a.participant_id = p.id where p.case_id = c.id and a.risk_decision = 'not_suitable')) as suitable,
         (select group_concat(distinct pr.kind) from processes pr where pr.case_id = c.id) as kinds,
         exists (select 1 from processes pr where pr.case_id = c.id and pr.status = 'completed') as completed,
         (select count(*) from agreement_items ai where ai.case_id = c.id) as items,
         (select count(*) from agreement_items ai where ai.case_id = c.id and ai.status = 'done') as itemsDone
       from referrals r join cases c on c.referral_id = r.id
       where r.created_at >= @fromMs and r.created_at < @toMs ${scope.facilitatorId ? 'and c.facilitator_id = @facilitatorId' : ''}`,
    )
    .all({ fromMs, toMs, ...(scope.facilitatorId ? { facilitatorId: scope.facilitatorId } : {}) }) as CaseRow[];
}

/** Everything the dashboard shows for a period, small numbers already hidden. */
export function buildReport(user: StaffUser, period: Period, now = new Date()) {
  const scope = scopeOf(user);
  const threshold = env.REPORT_SMALL_NUMBER;
  const months = monthsOf(period);
  const { fromDay, toDay } = bounds(period);
  const referrals = referralsIn(period, scope);
  const kases = casesIn(period, scope);
  // The commissioner's categories, as data (report_categories); retired ones still count old referrals.
  const justiceStages = categoriesOf('justice_stage', { withRetired: true });
  const stageOf = categoryMapper(justiceStages);
  const areas = categoriesOf('area', { withRetired: true });
  const categories = (c: { code: string; label: string }[]) => c.map((x) => [x.code, x.label] as const);

  // Referrals, by month and by what the form recorded.
  const byMonth = referrals.byMonth;
  const bySource = new Map<string, number>();
  const byInitiated = new Map<string, number>();
  const byOffence = new Map<string, number>();
  const byStage = new Map<string, number>();
  for (const r of referrals.groups) {
    bump(bySource, r.source === 'self' ? 'self' : (r.agency ?? 'other'), r.n);
    // A self-referral comes from the person harmed, or someone on their behalf.
    bump(byInitiated, r.source === 'self' ? 'victim' : (r.initiatedBy ?? 'not_recorded'), r.n);
    bump(byOffence, r.offence, r.n);
    bump(byStage, stageOf(r.stage), r.n);
  }
  // Deleted referrals keep only their month: they count in the totals, not in the details.
  // Crime or anti-social behaviour, the age of the person responsible, where people live, how they heard.
  const byAsb = new Map<string, number>();
  const byAge = new Map<string, number>();
  const byArea = new Map<string, number>();
  const byHeard = new Map<string, number>();
  for (const g of referrals.more) {
    bump(byAsb, isAsb(g) ? 'asb' : 'crime', g.n);
    // Self-referrals are not asked the age of the person who harmed them.
    bump(byAge, g.source === 'self' ? 'not_asked' : (g.age ?? 'not_known'), g.n);
    bump(byArea, g.area ?? 'not_known', g.n);
    bump(byHeard, g.heard ?? 'not_given', g.n);
  }
  if (!scope.facilitatorId) {
    const deleted = db.$client.prepare('select month, count from deleted_referral_counts where month >= ? and month <= ?').all(period.from, period.to) as {
      month: string;
      count: number;
    }[];
    for (const d of deleted) {
      bump(byMonth, d.month, d.count);
      for (const m of [bySource, byInitiated, byOffence, byStage, byAsb, byAge, byArea, byHeard]) bump(m, DELETED, d.count);
    }
  }
  const monthOrder = months.map((m) => [m, shortMonthLabel(m)] as const);
  const referralFigures = {
    byMonth: breakdown(byMonth, monthOrder, threshold),
    bySource: breakdown(bySource, [['self', 'Self-referral'], ...AGENCIES], threshold),
    byInitiated: breakdown(
      byInitiated,
      [
        ['victim', 'The victim'],
        ['offender', 'The person responsible'],
        ['not_recorded', 'Not recorded'],
      ],
      threshold,
    ),
    byOffence: breakdown(byOffence, OFFENCE_KINDS, threshold),
    byJusticeStage: breakdown(byStage, categories(justiceStages), threshold),
    byAsb: breakdown(byAsb, ASB_SPLIT, threshold),
    byAge: breakdown(byAge, AGE_ORDER, threshold),
    byArea: breakdown(byArea, categories(areas), threshold),
    byHeard: breakdown(byHeard, [...HEARD_ABOUT, ['not_given', 'Not given']], threshold),
  };

  // The funnel: how far each referral of the period has gone.
  const reached: Record<(typeof FUNNEL_STEPS)[number][0], number> = {
    // Deleted referrals count as referred (managers' figures only: they have no case).
    referred: scope.facilitatorId ? referrals.total : referralFigures.byMonth.total.n,
    contacted: kases.filter((c) => c.firstContact).length,
    assessed: kases.filter((c) => c.assessed).length,
    suitable: kases.filter((c) => c.suitable).length,
    started: kases.filter((c) => c.kinds).length,
    completed: kases.filter((c) => c.completed).length,
  };
  // Each step beside the one before: a small drop between them (one person not contacted) is withheld.
  let previous: Shown | null = null;
  const funnel = FUNNEL_STEPS.map(([key, label]) => {
    const shown: Shown = previous ? suppressPart(reached[key], previous, threshold) : suppressOne(reached[key], threshold);
    if (shown.shown !== null) previous = shown;
    return { key, label, ...shown };
  });

  // Why referrals and cases left before a completed process.
  const left = new Map<string, number>();
  for (const r of referrals.groups) if (r.status === 'declined' || r.status === 'withdrawn') bump(left, r.status, r.n);
  for (const c of kases) if (c.stage === 'closed' && !c.completed) bump(left, c.closure ?? 'not_recorded');
  const leftFigures = breakdown(
    left,
    [
      ['declined', 'Declined at triage'],
      ['withdrawn', 'Withdrawn by the person who referred'],
      ...CLOSURE_REASONS,
      ['not_recorded', 'Closed, reason not recorded'],
    ],
    threshold,
  );

  // Processes started and completed in the period, by kind; completed ones direct or indirect.
  const processes = db.$client
    .prepare(
      `select pr.id, pr.case_id as caseId, pr.kind, pr.status, pr.started_on as startedOn, pr.ended_on as endedOn,
         r.anti_social_behaviour as asb, r.offence_kind as offence, r.source, r.offender_age_group as age
       from processes pr join cases c on c.id = pr.case_id ${scope.facilitatorId ? 'and c.facilitator_id = @facilitatorId' : ''}
       join referrals r on r.id = c.referral_id
       where (pr.started_on >= @fromDay and pr.started_on < @toDay) or (pr.ended_on >= @fromDay and pr.ended_on < @toDay)`,
    )
    .all({ fromDay, toDay, ...(scope.facilitatorId ? { facilitatorId: scope.facilitatorId } : {}) }) as {
    id: number;
    caseId: number;
    kind: ProcessKind;
    status: string;
    startedOn: string;
    endedOn: string | null;
    asb: number;
    offence: string;
    source: string;
    age: string | null;
  }[];
  const started = new Map<string, number>();
  const completed = new Map<string, number>();
  const directness = new Map<string, number>();
  const completedAsb = new Map<string, number>();
  const completedAge = new Map<string, number>();
  const completedCases = new Set<number>();
  for (const p of processes) {
    if (p.startedOn >= fromDay && p.startedOn < toDay) bump(started, p.kind);
    if (p.status === 'completed' && p.endedOn && p.endedOn >= fromDay && p.endedOn < toDay) {
      bump(completed, p.kind);
      bump(directness, isDirect(p.kind) ? 'direct' : 'indirect');
      bump(completedAsb, isAsb(p) ? 'asb' : 'crime');
      bump(completedAge, p.source === 'self' ? 'not_asked' : (p.age ?? 'not_known'));
      completedCases.add(p.caseId);
    }
  }

  const completedByKind = breakdown(completed, PROCESS_KINDS, threshold);
  // Another split of the same completed processes: withheld whole if the kinds hide any, or it would split the hidden ones.
  const alsoSplit = completedByKind.cells.some((c) => c.shown === null);
  const processFigures = {
    completedAsb: withheldIf(alsoSplit, breakdown(completedAsb, ASB_SPLIT, threshold)),
    completedAge: withheldIf(alsoSplit, breakdown(completedAge, AGE_ORDER, threshold)),
    tookPart: tookPartIn([...completedCases], threshold),
    started: breakdown(started, PROCESS_KINDS, threshold),
    completed: completedByKind,
    directness: withheldIf(
      completedByKind.cells.some((c) => c.shown === null),
      breakdown(
        directness,
        [
          ['direct', 'Direct (they meet or talk)'],
          ['indirect', 'Indirect (words passed between them)'],
        ],
        threshold,
      ),
    ),
  };

  // Time to first contact.
  const target = env.FIRST_CONTACT_WORKING_DAYS;
  const waits = kases
    .filter((c) => c.firstContact)
    .map((c) => ({
      days: Math.max(0, daysBetween(dayOf(c.referredAt), c.firstContact!)),
      inTime: workingDaysBetween(new Date(`${dayOf(c.referredAt)}T12:00:00Z`), new Date(`${c.firstContact}T12:00:00Z`)) <= target,
    }))
    .sort((a, b) => a.days - b.days);
  const contacted = suppressOne(waits.length, threshold);
  const median = waits.length >= threshold ? (waits[Math.floor((waits.length - 1) / 2)]!.days + waits[Math.ceil((waits.length - 1) / 2)]!.days) / 2 : null;
  const timeliness = {
    target,
    contacted,
    median,
    withinTarget: share(waits.filter((w) => w.inTime).length, waits.length, threshold),
    slowest: slowestOpen(scope, now),
  };

  // Outcome agreements, and what participants said.
  const agreed = kases.filter((c) => c.items > 0);
  const outcomes = {
    agreements: suppressOne(agreed.length, threshold),
    allDone: suppressPart(agreed.filter((c) => c.itemsDone === c.items).length, suppressOne(agreed.length, threshold), threshold),
  };
  const feedback = feedbackIn(period, now, threshold);
  // Complaints are about the whole service: a manager's figures only.
  const complaints = scope.facilitatorId ? null : complaintsIn(period, now, threshold);

  return {
    period,
    months,
    threshold,
    ownCaseload: scope.facilitatorId !== null,
    referrals: referralFigures,
    funnel,
    left: leftFigures,
    processes: processFigures,
    timeliness,
    outcomes,
    feedback,
    complaints,
    open: openWork(scope, now),
  };
}
export type Report = ReturnType<typeof buildReport>;

/**
 * The people who took part in the cases with a process completed in the period: each
 * victim, person responsible and supporter who gave informed consent that stands, once.
 */
function tookPartIn(caseIds: number[], threshold: number) {
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
function complaintsIn(period: Period, now: Date, threshold: number) {
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

/** Survey answers from the period's months that have ended: shares shown only from enough answers. */
function feedbackIn(period: Period, now: Date, threshold: number) {
  const rows = db.$client
    .prepare(
      `select satisfaction, felt_safe as feltSafe, listened_to as listenedTo, informed, recommend, helped_cope as helpedCope, null as comments
       from feedback_answers where month >= ? and month <= ? and month < ?`,
    )
    // Answers are filed under the UTC month they were given (feedback.server.ts): the same clock says which month has ended.
    .all(period.from, period.to, now.toISOString().slice(0, 7)) as Parameters<typeof summarise>[0];
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
function slowestOpen(scope: Scope, now: Date) {
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
function openWork(scope: Scope, now: Date) {
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

/** One row for each count of the commissioner's return, in the dashboard's order. */
export function returnRows(report: Report) {
  const rows: { section: keyof typeof DEFINITIONS; measure: string; value: string }[] = [];
  const t = report.threshold;
  const text = (s: { shown: number | null; hidden?: 'small' | 'withheld' }) =>
    s.shown === null ? (s.hidden === 'withheld' ? 'withheld' : `fewer than ${t}`) : String(s.shown);
  const add = (section: (typeof rows)[number]['section'], title: string, b: ReturnType<typeof suppressBreakdown>) => {
    for (const c of b.cells) rows.push({ section, measure: `${title}: ${c.label}`, value: text(c) });
    rows.push({ section, measure: `${title}: total`, value: text(b.total) });
  };
  add('referrals', 'Referrals by month', report.referrals.byMonth);
  add('referrals', 'Referrals by source', report.referrals.bySource);
  add('referrals', 'Referrals by who asked for it', report.referrals.byInitiated);
  add('referrals', 'Referrals by offence', report.referrals.byOffence);
  add('referrals', 'Referrals by stage of the justice system', report.referrals.byJusticeStage);
  add('asb', 'Referrals, crime or anti-social behaviour', report.referrals.byAsb);
  add('age', 'Referrals by age of the person responsible', report.referrals.byAge);
  add('area', 'Referrals by where the person lives', report.referrals.byArea);
  add('heard', 'Referrals by how they heard about the service', report.referrals.byHeard);
  for (const f of report.funnel) rows.push({ section: 'funnel', measure: f.label, value: text(f) });
  add('left', 'Left before a completed process', report.left);
  add('processes', 'Processes started', report.processes.started);
  add('processes', 'Processes completed', report.processes.completed);
  add('processes', 'Processes completed, direct or indirect', report.processes.directness);
  add('asb', 'Processes completed, crime or anti-social behaviour', report.processes.completedAsb);
  add('age', 'Processes completed, by age of the person responsible', report.processes.completedAge);
  add('tookPart', 'People who took part', report.processes.tookPart);
  const tl = report.timeliness;
  rows.push({ section: 'timeliness', measure: 'Referrals with a first contact', value: text(tl.contacted) });
  rows.push({ section: 'timeliness', measure: 'Median days to first contact', value: tl.median === null ? `fewer than ${t} contacts` : String(tl.median) });
  rows.push({
    section: 'timeliness',
    measure: `Share contacted within ${tl.target} working days (%)`,
    value: tl.withinTarget.percent === null ? shareText(tl.withinTarget, t, 'contacts') : String(tl.withinTarget.percent),
  });
  rows.push({ section: 'outcomes', measure: 'Cases with an outcome agreement', value: text(report.outcomes.agreements) });
  rows.push({ section: 'outcomes', measure: 'Agreements with every item done', value: text(report.outcomes.allDone) });
  const fb = report.feedback;
  rows.push({ section: 'feedback', measure: 'Survey answers', value: text(fb.answers) });
  for (const [label, s] of [
    ['Satisfied or very satisfied (%)', fb.satisfied],
    ['Felt safe (%)', fb.feltSafe],
    ['Would recommend (%)', fb.recommend],
    ['Helped to cope and move on (%)', fb.helpedCope],
  ] as const) {
    rows.push({ section: 'feedback', measure: label, value: s.percent === null ? shareText(s, t) : String(s.percent) });
    rows.push({ section: 'feedback', measure: `${label.replace(' (%)', '')}: answers`, value: text(suppressOne(s.of, t)) });
  }
  const cp = report.complaints;
  if (cp) {
    rows.push({ section: 'complaints', measure: 'Complaints received', value: text(cp.received) });
    rows.push({ section: 'complaints', measure: 'Complaints answered', value: text(cp.answered) });
    rows.push({ section: 'complaints', measure: 'Complaints answered on time', value: text(cp.answeredOnTime) });
    rows.push({ section: 'complaints', measure: 'Complaints upheld or partly upheld', value: text(cp.upheld) });
  }
  return rows;
}

export type CaseExtractRow = {
  reference: string;
  referralReceived: string;
  source: string;
  agency: string;
  initiatedBy: string;
  offenceKind: string;
  justiceStage: string;
  antiSocialBehaviour: string;
  ageGroup: string;
  area: string;
  postcodeDistrict: string;
  heardAbout: string;
  caseOpened: string;
  firstContact: string;
  processKinds: string;
  stage: string;
  closureReason: string;
  closedOn: string;
  victimsTookPart: string;
  offendersTookPart: string;
};

/**
 * The case extract a batch at a time, in arrival order, so a three-year file never sits in
 * memory: `after` is where the batch before ended. Codes, dates and references only.
 */
export function caseExtractBatch(period: Period, after: { at: number; id: number } | null, size = 500) {
  const { fromMs, toMs } = bounds(period);
  const rows = db.$client
    .prepare(
      `select r.id, r.created_at as at, case when r.purged_at is null then r.reference else '' end as reference, r.source, r.agency, r.initiated_by as initiatedBy, r.offence_kind as offence, r.justice_stage as stage,
         r.anti_social_behaviour as asb, r.offender_age_group as age, r.area_code as area, r.postcode_district as postcodeDistrict, r.heard_about as heard,
         (select count(*) from participants p join assessments a on a.participant_id = p.id where p.case_id = c.id and p.role = 'victim' and a.consent_on is not null and a.consent_withdrawn_on is null
           and exists (select 1 from processes pr where pr.case_id = c.id and pr.status = 'completed')) as victimsTookPart,
         (select count(*) from participants p join assessments a on a.participant_id = p.id where p.case_id = c.id and p.role = 'offender' and a.consent_on is not null and a.consent_withdrawn_on is null
           and exists (select 1 from processes pr where pr.case_id = c.id and pr.status = 'completed')) as offendersTookPart,
         c.created_at as opened, c.stage as caseStage, c.closure_reason as closure,
         (select min(cl.contacted_on) from participants p join contact_logs cl on cl.participant_id = p.id where p.case_id = c.id) as firstContact,
         (select group_concat(distinct pr.kind) from processes pr where pr.case_id = c.id) as kinds,
         (select max(t.created_at) from case_transitions t where t.case_id = c.id and t.to_stage = 'closed') as closedAt
       from referrals r join cases c on c.referral_id = r.id
       where r.created_at >= @fromMs and r.created_at < @toMs and (r.created_at, r.id) > (@at, @id)
       order by r.created_at, r.id limit @size`,
    )
    .all({ fromMs, toMs, at: after?.at ?? -1, id: after?.id ?? -1, size }) as {
    id: number;
    at: number;
    reference: string;
    source: string;
    agency: string | null;
    initiatedBy: string | null;
    offence: string;
    stage: string;
    asb: number;
    age: string | null;
    area: string | null;
    postcodeDistrict: string | null;
    heard: string | null;
    victimsTookPart: number;
    offendersTookPart: number;
    opened: number;
    caseStage: string;
    closure: string | null;
    firstContact: string | null;
    kinds: string | null;
    closedAt: number | null;
  }[];
  const last = rows.at(-1);
  const stageOf = categoryMapper(categoriesOf('justice_stage', { withRetired: true }));
  return {
    next: last && rows.length === size ? { at: last.at, id: last.id } : null,
    rows: rows.map((r): CaseExtractRow => ({
      reference: r.reference,
      referralReceived: dayOf(r.at),
      source: r.source,
      agency: r.agency ?? '',
      initiatedBy: r.source === 'self' ? 'victim' : (r.initiatedBy ?? ''),
      offenceKind: r.offence,
      justiceStage: stageOf(r.stage),
      antiSocialBehaviour: isAsb(r) ? 'yes' : 'no',
      ageGroup: r.source === 'self' ? 'not_asked' : (r.age ?? 'not_known'),
      area: r.area ?? 'not_known',
      postcodeDistrict: r.postcodeDistrict ?? '',
      heardAbout: r.heard ?? '',
      caseOpened: dayOf(r.opened),
      firstContact: r.firstContact ?? '',
      processKinds: (r.kinds ?? '').split(',').filter(Boolean).sort().join(' '),
      stage: r.caseStage,
      closureReason: r.closure ?? '',
      closedOn: r.closedAt ? dayOf(r.closedAt) : '',
      victimsTookPart: String(r.victimsTookPart),
      offendersTookPart: String(r.offendersTookPart),
    })),
  };
}

/** Every export leaves an audit row: who, which file, which period. Managers only. */
const EXPORT_ACTIONS = { return: 'report.return_exported', cases: 'report.cases_exported', equality: 'report.equality_exported' } as const;

export function recordExport(manager: StaffUser, file: keyof typeof EXPORT_ACTIONS, period: Period) {
  db.transaction((tx) =>
    recordAudit(tx, { type: 'staff', id: manager.id }, EXPORT_ACTIONS[file], {
      type: 'report',
      id: `${period.from} to ${period.to}`,
    }),
  );
}
