// What the reports read: the period's referrals and cases in a few grouped queries, the
// scope (a facilitator's own caseload), and the helpers that count and break them down.
import { db } from '~/utils/db.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { CASE_STAGES } from '#db/schema';
import { addMonths, monthsOf, monthStartMs, suppressBreakdown, type Period, type Shown } from './reports';

export type Scope = { facilitatorId: number | null };
export const scopeOf = (user: StaffUser): Scope => ({ facilitatorId: user.role === 'manager' ? null : user.id });

export const OPEN_STAGES = CASE_STAGES.filter((s) => s !== 'closed');
export const AGE_ORDER = [
  ['youth', 'Under 18 (youth)'],
  ['adult', '18 or over (adult)'],
  ['not_known', 'Not known'],
  ['not_asked', 'Not asked (self-referrals)'],
] as const;
export const ASB_SPLIT = [
  ['crime', 'Crime'],
  ['asb', 'Anti-social behaviour'],
] as const;
export const DELETED = 'deleted';
const DELETED_LABEL = 'Deleted at the sender’s request';

/** The period as the database stores it: timestamps for arrival, days for what staff record. */
export function bounds(period: Period) {
  const next = addMonths(period.to, 1);
  return { fromMs: monthStartMs(period.from), toMs: monthStartMs(next), fromDay: `${period.from}-01`, toDay: `${next}-01` };
}

const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
export const dayOf = (ms: number) => ukDay.format(new Date(ms));
export const daysBetween = (fromDay: string, toDay: string) => Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);

export function breakdown(counts: Map<string, number>, order: readonly (readonly [string, string, ...unknown[]])[], threshold: number) {
  const known = order.map(([key, label]) => ({ key, label, n: counts.get(key) ?? 0 }));
  const rest = [...counts].filter(([k]) => !order.some(([key]) => key === k)).map(([key, n]) => ({ key, label: key === DELETED ? DELETED_LABEL : key, n }));
  return suppressBreakdown([...known, ...rest], threshold);
}

export const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

/** A second breakdown of cells another one hides (direct or indirect, of the kinds): all of it withheld, or it would split the hidden ones. */
export function withheldIf(hide: boolean, b: ReturnType<typeof suppressBreakdown>) {
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

export function referralsIn(period: Period, scope: Scope) {
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
export const isAsb = (g: { asb: number; offence: string }) => g.asb === 1 || g.offence === 'asb';

export function casesIn(period: Period, scope: Scope) {
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
