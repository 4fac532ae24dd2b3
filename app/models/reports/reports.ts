// The reporting side's rules, declared once and free of the database: the period a report
// covers, how small numbers are hidden, how the form's answers group into the
// commissioner's categories, and what each count counts. The dashboard, the CSV return and
// the definitions page all read these.

/** A report covers whole months, from the first day of `from` to the last day of `to`. */
export type Period = { from: string; to: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The longest period one report may cover: enough for any return, bounded for the server. */
export const MAX_MONTHS = 120;

export const monthOf = (at: Date) => {
  const parts = Object.fromEntries(londonParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
};
const londonParts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', timeZone: 'Europe/London' });

export function addMonths(month: string, n: number) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** Every month of the period, in order. */
export function monthsOf(period: Period) {
  const out: string[] = [];
  for (let m = period.from; m <= period.to && out.length <= MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The calendar quarter that `now` falls in (January, April, July, October). */
export function quarterOf(now: Date): Period {
  const [y, m] = monthOf(now).split('-').map(Number) as [number, number];
  const first = `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}`;
  return { from: first, to: addMonths(first, 2) };
}

/** Reads `from` and `to` (YYYY-MM) from a query string: the quarter by default, an error for anything else. */
export function parsePeriod(params: URLSearchParams, now = new Date()): { period: Period; error?: undefined } | { period?: undefined; error: string } {
  const from = params.get('from');
  const to = params.get('to');
  if (!from && !to) return { period: quarterOf(now) };
  if (!from || !MONTH.test(from)) return { error: 'Enter the first month as a year and month, like 2026-04' };
  if (!to || !MONTH.test(to)) return { error: 'Enter the last month as a year and month, like 2026-06' };
  if (to < from) return { error: 'The last month must be the same as or after the first month' };
  if (monthsOf({ from, to }).length > MAX_MONTHS) return { error: `A report can cover at most ${MAX_MONTHS / 12} years` };
  return { period: { from, to } };
}

/** Midnight UK time at the start of a month, as a timestamp: what places a referral in a month. */
export function monthStartMs(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const utc = Date.UTC(y, m - 1, 1);
  // The UK is on UTC or one hour ahead; the offset at that moment says which.
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' }).format(new Date(utc)));
  return utc - hour * 3_600_000;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthName = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
export const monthLabel = (month: string) => monthName.format(new Date(`${month}-15T00:00:00Z`));
export const shortMonthLabel = (month: string) => shortMonthName.format(new Date(`${month}-15T00:00:00Z`));
export const periodLabel = (p: Period) => (p.from === p.to ? monthLabel(p.from) : `${monthLabel(p.from)} to ${monthLabel(p.to)}`);

// ---------------------------------------------------------------------------------------
// Small numbers

/** How a count is shown: the number, or hidden because it is small, or hidden so a total cannot give a small one away. */
export type Shown = { n: number; shown: number | null; hidden?: 'small' | 'withheld'; empty?: boolean };
export type Cell = Shown & { key: string; label: string };

export const hiddenText = (threshold: number, why: 'small' | 'withheld') => (why === 'small' ? `fewer than ${threshold}` : 'withheld');
export const showCount = (s: Shown, threshold: number) => (s.shown === null ? hiddenText(threshold, s.hidden ?? 'small') : s.shown.toLocaleString('en-GB'));

/** A count on its own: 1 to threshold − 1 is hidden. Zero is shown: it says nobody. */
export function suppressOne(n: number, threshold: number): Shown {
  return n > 0 && n < threshold ? { n, shown: null, hidden: 'small' } : { n, shown: n };
}

/**
 * A breakdown that adds up to a total that is shown: small cells are hidden (primary). The
 * total minus the shown cells is the sum of the hidden ones, so while that sum is itself
 * small (one hidden cell, or [10, 1, 1] whose hidden pair must be 1 and 1), the next
 * smallest non-zero cell is withheld too (secondary). If none is left, the total is.
 */
export function suppressBreakdown(cells: readonly { key: string; label: string; n: number }[], threshold: number): { cells: Cell[]; total: Shown } {
  const out: Cell[] = cells.map((c) => ({ ...c, ...suppressOne(c.n, threshold) }));
  const totalN = cells.reduce((a, c) => a + c.n, 0);
  let total = suppressOne(totalN, threshold);
  const hiddenSum = () => out.filter((c) => c.shown === null).reduce((a, c) => a + c.n, 0);
  while (total.shown !== null && hiddenSum() > 0 && hiddenSum() < threshold) {
    const next = out.filter((c) => c.shown !== null && c.n > 0).sort((a, b) => a.n - b.n)[0];
    if (next) Object.assign(next, { shown: null, hidden: 'withheld' as const });
    else total = { n: totalN, shown: null, hidden: 'withheld' };
  }
  return { cells: out, total };
}

/**
 * A count shown beside a larger one it is part of (contacted of referred, all done of
 * agreed): withheld when the difference, the people who did not get there, is small.
 */
export function suppressPart(part: number, whole: Shown, threshold: number): Shown {
  const own = suppressOne(part, threshold);
  if (own.shown === null || whole.shown === null) return own;
  const gap = whole.n - part;
  return gap > 0 && gap < threshold ? { n: part, shown: null, hidden: 'withheld' } : own;
}

/**
 * A share (answers that said yes, of those who answered): shown only when the yeses and
 * the others are each none or at least the threshold, so "80% of 5" cannot say one said no.
 */
export function share(yes: number, of: number, threshold: number) {
  const small = (n: number) => n > 0 && n < threshold;
  const percent = of >= threshold && !small(yes) && !small(of - yes) ? Math.round((100 * yes) / of) : null;
  return { yes, of, percent, hidden: percent !== null ? null : of < threshold ? ('few' as const) : ('small' as const) };
}
export type Share = ReturnType<typeof share>;
export const shareText = (s: { percent: number | null; of: number | null; hidden: 'few' | 'small' | null }, threshold: number, of = 'answers') =>
  s.percent !== null
    ? `${s.percent}% of ${s.of!.toLocaleString('en-GB')}`
    : s.hidden === 'few'
      ? s.of === 0
        ? `no ${of}`
        : `fewer than ${threshold} ${of}`
      : `withheld (a group of fewer than ${threshold})`;

/**
 * What may leave the server: every count without its true value where it is hidden, every
 * share without its raw numbers unless the share is shown. The page's data reaches the
 * browser whole, so hiding on screen alone would hide nothing.
 */
export function forDisplay<T>(value: T): T {
  if (Array.isArray(value)) return value.map(forDisplay) as T;
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const o = value as Record<string, unknown>;
  if ('shown' in o && 'n' in o) {
    const { n, ...rest } = o;
    return forDisplay({ ...rest, empty: n === 0 }) as T;
  }
  if ('percent' in o && 'yes' in o && 'of' in o) return { percent: o.percent, hidden: o.hidden, of: o.percent === null && o.of !== 0 ? null : o.of } as T;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, forDisplay(v)])) as T;
}

// ---------------------------------------------------------------------------------------
// The commissioner's categories

// The stages of the justice system and the areas are data, in `report_categories`
// (report-categories.server.ts, decision 020): a new MoJ category is a migration.

/** The steps of the funnel, in order: each counts the cases that reached it. */
export const FUNNEL_STEPS = [
  ['referred', 'Referred'],
  ['contacted', 'Contact made'],
  ['assessed', 'Assessed'],
  ['suitable', 'Suitable'],
  ['started', 'Process started'],
  ['completed', 'Process completed'],
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number][0];

// ---------------------------------------------------------------------------------------
// What each count counts

export type Definition = { section: string; counts: string; placedBy: string };

/** Said on the definitions page and beside every row of the CSV return. */
export const DEFINITIONS = {
  referrals: {
    section: 'Referrals',
    counts:
      'Referrals: one for each referral form sent, by a person about themselves or by a partner agency. A person referred twice counts twice. Referrals deleted at the request of the person who sent them still count in the totals and by month; their details are gone, so they show as "Deleted at the sender’s request" in the other breakdowns.',
    placedBy: 'The date and time the referral arrived (UK time).',
  },
  asb: {
    section: 'Crime or anti-social behaviour',
    counts:
      'Referrals, and processes completed, split into crime and anti-social behaviour (ASB), which is funded apart: the victims’ money must not pay for ASB work. ASB: the referral was tagged as being dealt with as anti-social behaviour, or its offence was anti-social behaviour.',
    placedBy: 'Referrals: the date the referral arrived. Processes completed: the day the process ended.',
  },
  age: {
    section: 'Youth or adult',
    counts:
      'Referrals, and processes completed, by the age of the person responsible at the time of the offence, as the partner who referred recorded it. Self-referrals are not asked it. Youth referrals are checked with the youth offending team.',
    placedBy: 'Referrals: the date the referral arrived. Processes completed: the day the process ended.',
  },
  area: {
    section: 'Where people live',
    counts:
      'Referrals by the local authority area the person referred lives in, as they or the partner chose it from the service’s list of areas (held as data, so the list can change). Not known: not given, or chosen as not known. The case extract also has the first part of the postcode where a partner gave it.',
    placedBy: 'The date the referral arrived.',
  },
  heard: {
    section: 'How people heard about the service',
    counts:
      'Referrals by the answer to “How did you hear about the service?”, asked of self-referrers and of partners. It is optional: Not given counts those who skipped it.',
    placedBy: 'The date the referral arrived.',
  },
  tookPart: {
    section: 'People who took part',
    counts:
      'The people in the cases with a process completed in the period who gave informed consent that was not withdrawn: victims, people responsible and supporters. A person counts once in a period however many processes their case completed.',
    placedBy: 'The day a process in their case ended as completed.',
  },
  equality: {
    section: 'Equality monitoring (a separate file)',
    counts:
      'Answers to the optional equality questions, asked of self-referrers after they refer and of people taking part on their own page. Every question can be skipped, and every one has "Prefer not to say". The answers are kept apart from every case and person: only the month and whether the person referred or took part. Each question is a breakdown of its own, with small numbers hidden.',
    placedBy: 'The month the answers were given. Months that have not ended are left out.',
  },
  funnel: {
    section: 'From referral to completion',
    counts:
      'Referrals that arrived in the period, followed to the furthest step they reached by the day the report is made. Contact made: a contact with anyone in the case is logged. Assessed: a risk assessment is recorded for someone in the case. Suitable: someone’s risk decision allows a restorative process and nobody’s says it is not suitable. Process started and completed: a restorative process was recorded, and one was recorded as completed.',
    placedBy: 'The date the referral arrived. Steps reached after the period count, so figures for a recent period grow as cases move on.',
  },
  left: {
    section: 'Why cases left',
    counts:
      'Referrals from the period that were declined (by the reason recorded) or withdrawn by the person who sent them, and their cases that were closed before a process was completed (by the closure reason).',
    placedBy: 'The date the referral arrived.',
  },
  processes: {
    section: 'Processes delivered',
    counts:
      'Restorative processes: one for each process recorded on a case (a conference, a letter exchange, …). A case can have more than one. Direct processes are those where the people meet or talk; indirect ones pass words between them.',
    placedBy: 'Started: the day the process started. Completed: the day it ended, when it was recorded as completed.',
  },
  timeliness: {
    section: 'Time to first contact',
    counts:
      'Referrals from the period that have a case with a contact logged: calendar days from the day the referral arrived to the first contact logged with anyone in the case. The target is the service’s first-contact clock in working days.',
    placedBy: 'The date the referral arrived.',
  },
  outcomes: {
    section: 'Outcome agreements',
    counts: 'Cases from the period with an outcome agreement (at least one agreed item), and those where every agreed item is recorded as done.',
    placedBy: 'The date the case’s referral arrived.',
  },
  feedback: {
    section: 'What participants said',
    counts:
      'Answers to the anonymous survey. Each share is of the people who answered that question. Satisfied: "satisfied" or "very satisfied". Felt safe, would recommend, helped to cope: "yes". A share is shown only from the threshold number of answers.',
    placedBy: 'The month the answer was given. Months that have not ended are left out, so no one’s answer can be picked out as it arrives.',
  },
  complaints: {
    section: 'Complaints',
    counts:
      'Complaints about the service, from the website form or recorded by a manager. Answered on time: answered on or before the day the answer was due (the complaint clock in working days). Upheld: answered as upheld or partly upheld. Managers’ figures only.',
    placedBy: 'Received: the day the complaint arrived. Answered, on time and upheld: the day it was answered.',
  },
  open: {
    section: 'Open work',
    counts: 'Cases not yet closed, by stage and facilitator; agreed items still open after their due date; letters sent for review and not yet decided.',
    placedBy: 'Not by period: as things stand when the report is made.',
  },
  cases: {
    section: 'Case extract (CSV)',
    counts:
      'One row per referral from the period that became a case: dates, source, offence kind, justice stage, process kinds, stage and closure reason. No names, contact details or free text.',
    placedBy: 'The date the referral arrived.',
  },
} as const satisfies Record<string, Definition>;
