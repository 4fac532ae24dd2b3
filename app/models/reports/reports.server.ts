// The figures behind the dashboard and the commissioner's return, read from the records the
// portal keeps. Every count goes through the small-number rules in ./reports before it
// leaves here. Managers see the whole service; a facilitator sees their own caseload.
import { HEARD_ABOUT, OFFENCE_KINDS } from '~/data/referral-options';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { CLOSURE_REASONS } from '~/data/case-options';
import { isDirect, PROCESS_KINDS, type ProcessKind } from '~/models/outcomes/outcomes';
import { AGENCIES } from '~/models/referrals/partner-questions';
import { FUNNEL_STEPS, monthsOf, share, shortMonthLabel, suppressOne, suppressPart, type Period, type Shown } from './reports';
import { workingDaysBetween } from '~/models/working-days';
import { categoriesOf, categoryMapper } from './report-categories.server';
import {
  AGE_ORDER,
  ASB_SPLIT,
  DELETED,
  bounds,
  breakdown,
  bump,
  casesIn,
  dayOf,
  daysBetween,
  isAsb,
  referralsIn,
  scopeOf,
  withheldIf,
} from './report-data.server';
import { complaintsIn, feedbackIn, openWork, slowestOpen, tookPartIn } from './report-sections.server';

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
  const feedback = feedbackIn(period, threshold);
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
