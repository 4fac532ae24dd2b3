// Gathers the facts for the worklist (a handful of grouped queries over the cases in
// scope, never one per case) and hands them to the rules in `worklist.ts`.
import { and, asc, count, eq, inArray, isNotNull, max, min, ne, or, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  feedbackInvitations,
  agreementItems,
  assessments,
  cases,
  contactLogs,
  exchanges,
  letters,
  participants,
  referrals,
  staffUsers,
  CASE_STAGES,
  type CaseStage,
} from '#db/schema';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';
import type { StaffUser } from '~/utils/staff-session.server';
import { caseScope } from './case-scope.server';
import { victimFirst, essentialGaps } from './case-stages';
import { DUE_FILTERS, FLAG_FILTERS, nextActions, SORTS, soonestDue, type DueState, type NextAction } from './worklist';

const pendingPaper = and(eq(feedbackInvitations.status, 'pending'), eq(feedbackInvitations.channel, 'paper'));

export type WorklistFilters = {
  stage: CaseStage | 'open' | 'all';
  due: (typeof DUE_FILTERS)[number][0];
  flag: (typeof FLAG_FILTERS)[number][0];
  sort: (typeof SORTS)[number][0];
  /** Whose cases: a facilitator's id, or 'team' (managers only). */
  who: number | 'team';
};

const pick = <T extends string>(value: string | null, options: readonly (readonly [T, string])[], fallback: T): T =>
  (options.find(([v]) => v === value)?.[0] as T | undefined) ?? fallback;

/** Filters from the query string; anything unknown falls back to the default. A facilitator always sees their own. */
export function parseWorklistFilters(url: URL, staff: StaffUser): WorklistFilters {
  const p = url.searchParams;
  const stage = p.get('stage');
  const who = p.get('who');
  return {
    stage: stage === 'all' || (CASE_STAGES as readonly string[]).includes(stage ?? '') ? (stage as CaseStage | 'all') : 'open',
    due: pick(p.get('due'), DUE_FILTERS, 'any'),
    flag: pick(p.get('flag'), FLAG_FILTERS, 'any'),
    sort: pick(p.get('sort'), SORTS, 'due'),
    who: staff.role !== 'manager' ? staff.id : who && /^\d{1,9}$/.test(who) ? Number(who) : 'team',
  };
}

export type WorklistRow = {
  caseId: number;
  reference: string;
  stage: CaseStage;
  facilitator: string;
  unread: boolean;
  urgent: boolean;
  next: NextAction;
  more: number;
  due: string | null;
  dueState: DueState;
  lastContactOn: string | null;
  pausedForSafety: boolean;
};

const MAX_CASES = 1000;
const ORDER: Record<DueState, number> = { breached: 0, due: 1, later: 2, none: 3 };

/** The worklist for this member of staff: their own cases, or (a manager) anyone's or the team's. `search` matches a reference or a name. */
export function getWorklist(staff: StaffUser, f: WorklistFilters, search?: string, today = new Date()): WorklistRow[] {
  const q = search?.trim();
  const nameMatch = q
    ? or(
        contains(referrals.reference, q),
        contains(referrals.contactName, q),
        inArray(cases.id, db.select({ id: participants.caseId }).from(participants).where(contains(participants.name, q))),
      )
    : undefined;
  const base = db
    .select({
      caseId: cases.id,
      reference: referrals.reference,
      stage: cases.stage,
      facilitator: staffUsers.name,
      arrivedAt: referrals.createdAt,
      unreadSince: cases.unreadSince,
      unreadUrgent: cases.unreadUrgent,
      initiatedBy: referrals.initiatedBy,
    })
    .from(cases)
    .innerJoin(referrals, eq(referrals.id, cases.referralId))
    .innerJoin(staffUsers, eq(staffUsers.id, cases.facilitatorId))
    .where(
      and(
        caseScope(staff),
        f.who === 'team' ? undefined : eq(cases.facilitatorId, f.who),
        // "Open" also keeps a closed case while a paper survey is still to send.
        f.stage === 'open'
          ? or(ne(cases.stage, 'closed'), inArray(cases.id, db.select({ id: feedbackInvitations.caseId }).from(feedbackInvitations).where(pendingPaper)))
          : f.stage === 'all'
            ? undefined
            : eq(cases.stage, f.stage),
        nameMatch,
      ),
    )
    .orderBy(asc(cases.id))
    .limit(MAX_CASES)
    .all();
  if (!base.length) return [];
  const ids = base.map((c) => c.caseId);

  const contacts = new Map(
    db
      .select({ caseId: participants.caseId, first: min(contactLogs.contactedOn), last: max(contactLogs.contactedOn) })
      .from(contactLogs)
      .innerJoin(participants, eq(participants.id, contactLogs.participantId))
      .where(inArray(participants.caseId, ids))
      .groupBy(participants.caseId)
      .all()
      .map((r) => [r.caseId, r]),
  );
  const people = db
    .select({ p: participants, a: assessments })
    .from(participants)
    .leftJoin(assessments, eq(assessments.participantId, participants.id))
    .where(inArray(participants.caseId, ids))
    .all();
  // Letters waiting for review, and those passed on with a threat kept, waiting for a second reader: one read.
  const letterCounts = db
    .select({ caseId: exchanges.caseId, status: letters.status, n: count(letters.id), oldest: min(letters.submittedAt) })
    .from(letters)
    .innerJoin(exchanges, eq(exchanges.id, letters.exchangeId))
    .where(and(inArray(letters.status, ['waiting', 'second_reading']), inArray(exchanges.caseId, ids)))
    .groupBy(exchanges.caseId, letters.status)
    .all();
  const waiting = new Map(letterCounts.filter((r) => r.status === 'waiting').map((r) => [r.caseId, r]));
  const secondReading = new Map(letterCounts.filter((r) => r.status === 'second_reading').map((r) => [r.caseId, r.n]));
  const paused = new Set(
    db
      .select({ caseId: exchanges.caseId })
      .from(exchanges)
      .where(and(inArray(exchanges.caseId, ids), eq(exchanges.status, 'paused'), eq(exchanges.pausedBy, 'portal'), isNotNull(exchanges.pauseReason)))
      .all()
      .map((r) => r.caseId),
  );
  const items = new Map(
    db
      .select({ caseId: agreementItems.caseId, due: min(agreementItems.dueOn), n: count(agreementItems.id) })
      .from(agreementItems)
      .where(and(inArray(agreementItems.caseId, ids), eq(agreementItems.status, 'open')))
      .groupBy(agreementItems.caseId)
      .all()
      .map((r) => [r.caseId, r]),
  );
  const surveys = new Map(
    db
      .select({ caseId: feedbackInvitations.caseId, n: count(feedbackInvitations.id) })
      .from(feedbackInvitations)
      .where(and(inArray(feedbackInvitations.caseId, ids), pendingPaper))
      .groupBy(feedbackInvitations.caseId)
      .all()
      .map((r) => [r.caseId, r.n]),
  );
  const clocks = { firstContactDays: env.FIRST_CONTACT_WORKING_DAYS, infoDays: env.INFO_GIVEN_WORKING_DAYS };

  const rows = base.map((c) => {
    const mine = people.filter((r) => r.p.caseId === c.caseId);
    const gatePeople = mine.map(({ p, a }) => ({ id: p.id, name: p.name, role: p.role, directlyAffected: p.directlyAffected, assessment: a }));
    const victimInfo = mine
      .filter((r) => r.p.role === 'victim' && r.a?.infoGivenOn)
      .map((r) => r.a!.infoGivenOn!)
      .sort()[0];
    const w = waiting.get(c.caseId);
    const contact = contacts.get(c.caseId);
    // An oldest-waiting time from SQLite's min() arrives as a number.
    const oldest = w?.oldest ? new Date(w.oldest as unknown as number) : null;
    const actions = nextActions(
      {
        stage: c.stage,
        arrivedAt: c.arrivedAt,
        unreadSince: c.unreadSince,
        unreadUrgent: c.unreadUrgent,
        firstContactOn: contact?.first ?? null,
        lastContactOn: contact?.last ?? null,
        victimInfoOn: victimInfo ?? null,
        waitingLetters: w?.n ?? 0,
        secondReadingLetters: secondReading.get(c.caseId) ?? 0,
        oldestWaitingAt: oldest,
        exchangePausedByPortal: paused.has(c.caseId),
        gaps: essentialGaps(gatePeople),
        victimFirst: victimFirst(
          c.initiatedBy,
          mine.map((r) => r.p),
        ),
        itemDueOn: items.get(c.caseId)?.due ?? null,
        openItems: items.get(c.caseId)?.n ?? 0,
        paperSurveys: surveys.get(c.caseId) ?? 0,
      },
      clocks,
    );
    const soonest = soonestDue(actions, today);
    return {
      caseId: c.caseId,
      reference: c.reference,
      stage: c.stage,
      facilitator: c.facilitator,
      unread: !!c.unreadSince,
      urgent: !!c.unreadSince && c.unreadUrgent,
      next: actions[0]!,
      more: actions.length - 1,
      due: soonest.due,
      dueState: actions[0]!.kind === 'urgent-message' ? 'breached' : soonest.state,
      lastContactOn: contact?.last ?? null,
      pausedForSafety: paused.has(c.caseId),
      specialist: mine.some((r) => r.a?.specialistFlags?.length),
    };
  });

  const filtered = rows.filter(
    (r) =>
      (f.due === 'any' || (f.due === 'breached' ? r.dueState === 'breached' : r.dueState === 'due' || r.dueState === 'breached')) &&
      (f.flag === 'any' ||
        (f.flag === 'unread' && r.unread) ||
        (f.flag === 'urgent' && r.urgent) ||
        (f.flag === 'paused' && r.pausedForSafety) ||
        (f.flag === 'specialist' && r.specialist)),
  );
  const stageIndex = (s: CaseStage) => CASE_STAGES.indexOf(s);
  const byDue = (a: WorklistRow, b: WorklistRow) =>
    Number(b.urgent) - Number(a.urgent) ||
    Number(b.unread) - Number(a.unread) ||
    ORDER[a.dueState] - ORDER[b.dueState] ||
    (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
    a.caseId - b.caseId;
  const sorters: Record<WorklistFilters['sort'], (a: WorklistRow, b: WorklistRow) => number> = {
    due: byDue,
    'last-contact': (a, b) => Number(b.unread) - Number(a.unread) || (a.lastContactOn ?? '').localeCompare(b.lastContactOn ?? '') || byDue(a, b),
    reference: (a, b) => Number(b.unread) - Number(a.unread) || a.reference.localeCompare(b.reference),
    stage: (a, b) => Number(b.unread) - Number(a.unread) || stageIndex(a.stage) - stageIndex(b.stage) || byDue(a, b),
  };
  return filtered.sort(sorters[f.sort]).map(({ specialist: _s, ...r }) => r);
}

/** Case-insensitive "contains", with the search's own % and _ taken literally. */
const contains = (column: AnySQLiteColumn, q: string) => sql`${column} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
