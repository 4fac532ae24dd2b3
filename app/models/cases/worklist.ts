// The facilitator's worklist, as rules on plain data: for each case, the next thing to do,
// when it is due, and whether a Victims' Code clock is due or breached. The server module
// (`worklist.server.ts`) gathers the facts; this one decides, so it can be tested alone.
import type { CaseStage } from '#db/schema';
import { describeGap, STAGE_LABELS, type Gap } from './case-stages';
import { addWorkingDays } from '~/models/working-days';

export const CASE_STAGE_OPTIONS = [
  { value: 'open', label: 'Every open case' },
  ...(Object.keys(STAGE_LABELS) as CaseStage[]).map((s) => ({ value: s, label: STAGE_LABELS[s] })),
  { value: 'all', label: 'Every case, closed too' },
];

export const DUE_FILTERS = [
  ['any', 'Any time'],
  ['breached', 'Overdue'],
  ['due', 'Due today or next working day'],
] as const;
export const FLAG_FILTERS = [
  ['any', 'Any'],
  ['unread', 'New message'],
  ['urgent', 'Urgent message'],
  ['paused', 'Letters paused for safety'],
  ['specialist', 'Specialist risk flag'],
] as const;
export const SORTS = [
  ['due', 'Most pressing first'],
  ['last-contact', 'Longest since last contact'],
  ['reference', 'Reference'],
  ['stage', 'Stage'],
] as const;

export type CaseFacts = {
  stage: CaseStage;
  arrivedAt: Date;
  unreadSince: Date | null;
  unreadUrgent: boolean;
  firstContactOn: string | null;
  lastContactOn: string | null;
  /** The first day information about RJ was given to a victim in the case. */
  victimInfoOn: string | null;
  waitingLetters: number;
  /** Letters passed on with a threat kept, waiting for a second reader. */
  secondReadingLetters?: number;
  oldestWaitingAt: Date | null;
  exchangePausedByPortal: boolean;
  gaps: Gap[];
  /** The person responsible asked for it: the victim must be approached first (see case-stages). */
  victimFirst?: 'pending' | 'declined' | null;
  /** The earliest due day of the outcome agreement's items still open, and how many are open. */
  itemDueOn?: string | null;
  openItems?: number;
  /** Paper surveys still to send and type in (people without an online sign-in). */
  paperSurveys?: number;
};

export type Clocks = { firstContactDays: number; infoDays: number };

export type NextActionKind =
  | 'urgent-message'
  | 'new-message'
  | 'exchange-paused'
  | 'essentials-lapsed'
  | 'review-letters'
  | 'second-reader'
  | 'agreement-item-due'
  | 'survey-to-send'
  | 'first-contact'
  | 'approach-victim-first'
  | 'victim-declined'
  | 'give-information'
  | 'complete-assessment'
  | 'start-contacting'
  | 'start-process'
  | 'record-progress'
  | 'record-outcome'
  | 'none';

export type NextAction = { kind: NextActionKind; words: string; due: string | null; clock: 'first-contact' | 'information' | null };
export type DueState = 'breached' | 'due' | 'later' | 'none';

const BEFORE_READY: readonly CaseStage[] = ['referred', 'contacting', 'assessing'];

/** Every action the case needs now, most pressing first. */
export function nextActions(f: CaseFacts, clocks: Clocks): NextAction[] {
  const out: NextAction[] = [];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const survey: NextAction[] = f.paperSurveys
    ? [{ kind: 'survey-to-send', words: 'Send the feedback survey on paper, then type in the answers', due: null, clock: null }]
    : [];
  if (f.stage === 'closed') return survey.length ? survey : [{ kind: 'none', words: 'Closed', due: null, clock: null }];
  if (f.unreadSince) {
    out.push(
      f.unreadUrgent
        ? { kind: 'urgent-message', words: 'Read the new message now: it may be about someone’s safety', due: day(f.unreadSince), clock: null }
        : { kind: 'new-message', words: 'Read the new message', due: addWorkingDays(f.unreadSince, 1), clock: null },
    );
  }
  if (f.exchangePausedByPortal) out.push({ kind: 'exchange-paused', words: 'Check why the letter exchange was paused for safety', due: null, clock: null });
  // Past "ready" the essentials still hold the case: a gap now is a lapse, and nothing moves until it is recorded again.
  const lapsed = !BEFORE_READY.includes(f.stage) && f.gaps.length > 0;
  if (lapsed)
    out.push({
      kind: 'essentials-lapsed',
      words: `The essentials have lapsed: ${describeGap(f.gaps[0]!)}${f.gaps.length > 1 ? ` (and ${f.gaps.length - 1} more)` : ''}. Record them again before anything moves forward`,
      due: null,
      clock: null,
    });
  // Before the letters waiting: a kept threat held back is the more pressing.
  if (f.secondReadingLetters)
    out.push({
      kind: 'second-reader',
      words:
        f.secondReadingLetters === 1
          ? 'A letter with a threat kept waits for a second reader'
          : `${f.secondReadingLetters} letters with a threat kept wait for a second reader`,
      due: null,
      clock: null,
    });
  if (f.waitingLetters) {
    out.push({
      kind: 'review-letters',
      words: f.waitingLetters === 1 ? 'Review the letter waiting' : `Review ${f.waitingLetters} letters waiting`,
      due: f.oldestWaitingAt ? addWorkingDays(f.oldestWaitingAt, 2) : null,
      clock: null,
    });
  }
  if (f.victimFirst === 'declined')
    out.push({ kind: 'victim-declined', words: 'The victim does not want to be contacted about it: close the case', due: null, clock: null });
  if (f.victimFirst === 'pending' && f.firstContactOn)
    out.push({ kind: 'approach-victim-first', words: 'Record whether the victim agrees to be contacted about it', due: null, clock: null });
  if (f.itemDueOn)
    out.push({
      kind: 'agreement-item-due',
      words: f.openItems && f.openItems > 1 ? `Check the agreed items: ${f.openItems} still open` : 'Check the agreed item is done',
      due: f.itemDueOn,
      clock: null,
    });
  out.push(...survey);
  if (BEFORE_READY.includes(f.stage)) {
    if (!f.firstContactOn && f.victimFirst === 'pending')
      out.push({
        kind: 'approach-victim-first',
        words: 'Approach the victim first: the person responsible asked for this',
        due: addWorkingDays(f.arrivedAt, clocks.firstContactDays),
        clock: 'first-contact',
      });
    else if (!f.firstContactOn)
      out.push({ kind: 'first-contact', words: 'Make first contact', due: addWorkingDays(f.arrivedAt, clocks.firstContactDays), clock: 'first-contact' });
    if (!f.victimInfoOn)
      out.push({
        kind: 'give-information',
        words: 'Give the victim information about restorative justice',
        due: addWorkingDays(f.arrivedAt, clocks.infoDays),
        clock: 'information',
      });
  }
  if (f.stage === 'referred') out.push({ kind: 'start-contacting', words: 'Start contacting the people involved', due: null, clock: null });
  if ((f.stage === 'contacting' || f.stage === 'assessing') && f.gaps.length && !f.victimFirst) {
    const first = describeGap(f.gaps[0]!);
    out.push({
      kind: 'complete-assessment',
      words: `Assessment incomplete: ${first}${f.gaps.length > 1 ? ` (and ${f.gaps.length - 1} more)` : ''}`,
      due: null,
      clock: null,
    });
  }
  if (f.stage === 'assessing' && !f.gaps.length)
    out.push({ kind: 'start-process', words: 'Every essential is recorded: move the case to ready', due: null, clock: null });
  if (f.stage === 'ready' && !lapsed) out.push({ kind: 'start-process', words: 'Arrange the meeting or open the letter exchange', due: null, clock: null });
  if (f.stage === 'in_progress' && !out.length) out.push({ kind: 'record-progress', words: 'Record how the process is going', due: null, clock: null });
  if (f.stage === 'outcome') out.push({ kind: 'record-outcome', words: 'Record the outcome and close the case', due: null, clock: null });
  return out.length ? out : [{ kind: 'none', words: 'Nothing due', due: null, clock: null }];
}

/** Overdue before today; due today or on the next working day; later; or no date. */
export function dueState(due: string | null, today: Date): DueState {
  if (!due) return 'none';
  const t = today.toISOString().slice(0, 10);
  if (due < t) return 'breached';
  return due <= addWorkingDays(today, 1) ? 'due' : 'later';
}

/** The soonest date among the actions, and how pressing it is. */
export function soonestDue(actions: NextAction[], today: Date): { due: string | null; state: DueState } {
  const dated = actions.filter((a) => a.due).sort((a, b) => a.due!.localeCompare(b.due!));
  const due = dated[0]?.due ?? null;
  return { due, state: dueState(due, today) };
}
