import { describe, expect, it } from 'vitest';
import { dueState, nextActions, type CaseFacts } from './worklist';

const clocks = { firstContactDays: 2, infoDays: 5 };
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  stage: 'referred',
  arrivedAt: new Date('2026-11-20T10:00:00Z'), // a Friday
  unreadSince: null,
  unreadUrgent: false,
  firstContactOn: null,
  lastContactOn: null,
  victimInfoOn: null,
  waitingLetters: 0,
  oldestWaitingAt: null,
  exchangePausedByPortal: false,
  gaps: [],
  ...over,
});

describe('the next action', () => {
  it('runs the Victims’ Code clocks from arrival in working days', () => {
    const [contact, info] = nextActions(facts(), clocks);
    expect(contact).toMatchObject({ kind: 'first-contact', due: '2026-11-24', clock: 'first-contact' });
    expect(info).toMatchObject({ kind: 'give-information', due: '2026-11-27', clock: 'information' });
    expect(nextActions(facts(), { firstContactDays: 4, infoDays: 10 })[0]!.due).toBe('2026-11-26');
  });
  it('says when a letter with a threat kept waits for a second reader, before the letters waiting', () => {
    const kinds = nextActions(facts({ waitingLetters: 1, secondReadingLetters: 1 }), clocks).map((a) => [a.kind, a.words]);
    expect(kinds.slice(0, 2)).toEqual([
      ['second-reader', 'A letter with a threat kept waits for a second reader'],
      ['review-letters', 'Review the letter waiting'],
    ]);
  });

  it('puts an urgent message before everything, then letters waiting and a safety pause', () => {
    const kinds = nextActions(facts({ unreadSince: new Date(), unreadUrgent: true, waitingLetters: 2, exchangePausedByPortal: true }), clocks).map(
      (a) => a.kind,
    );
    expect(kinds.slice(0, 3)).toEqual(['urgent-message', 'exchange-paused', 'review-letters']);
  });
  it('past ready, a missing essential is a lapse to record again, and nothing else is offered at ready', () => {
    const lapsed = facts({
      stage: 'ready',
      firstContactOn: '2026-11-21',
      victimInfoOn: '2026-11-21',
      gaps: [
        { participantId: 1, who: 'Vi (victim)', what: 'consent-withdrawn' },
        { participantId: 2, who: 'Os (person responsible)', what: 'flags-not-signed-off' },
      ],
    });
    expect(nextActions(lapsed, clocks).map((a) => a.words)).toEqual([
      'The essentials have lapsed: Vi (victim): consent has been withdrawn (and 1 more). Record them again before anything moves forward',
    ]);
    expect(nextActions({ ...lapsed, gaps: [] }, clocks).map((a) => a.kind)).toEqual(['start-process']);
    expect(nextActions({ ...lapsed, stage: 'in_progress' }, clocks)[0]!.kind).toBe('essentials-lapsed');
    expect(nextActions({ ...lapsed, stage: 'closed' }, clocks)[0]!.kind).toBe('none');
  });
  it('says what the assessment is missing', () => {
    const [next] = nextActions(
      facts({
        stage: 'assessing',
        firstContactOn: '2026-11-21',
        victimInfoOn: '2026-11-21',
        gaps: [{ participantId: 1, who: 'Vi (victim)', what: 'no-consent' }],
      }),
      clocks,
    );
    expect(next!.words).toBe('Assessment incomplete: Vi (victim): record informed consent');
  });
  it('asks for the victim first when the person responsible asked for it, and no assessment until they agree', () => {
    const gaps = [{ participantId: 1, who: 'Vi (victim)', what: 'no-consent' as const }];
    const before = nextActions(facts({ stage: 'contacting', gaps, victimFirst: 'pending' }), clocks);
    expect(before[0]).toMatchObject({ kind: 'approach-victim-first', due: '2026-11-24', clock: 'first-contact' });
    expect(before.map((a) => a.kind)).not.toContain('complete-assessment');
    const approached = nextActions(facts({ stage: 'contacting', gaps, victimFirst: 'pending', firstContactOn: '2026-11-23' }), clocks);
    expect(approached[0]!.words).toBe('Record whether the victim agrees to be contacted about it');
    expect(nextActions(facts({ stage: 'contacting', victimFirst: 'declined', firstContactOn: '2026-11-23' }), clocks)[0]!.kind).toBe('victim-declined');
    expect(nextActions(facts({ stage: 'contacting', gaps, victimFirst: null, firstContactOn: '2026-11-23' }), clocks).map((a) => a.kind)).toContain(
      'complete-assessment',
    );
  });
  it('asks for the agreed items to be checked from the first one due', () => {
    const [one] = nextActions(facts({ stage: 'outcome', firstContactOn: '2026-11-01', itemDueOn: '2026-11-30', openItems: 1 }), clocks);
    expect(one).toMatchObject({ kind: 'agreement-item-due', words: 'Check the agreed item is done', due: '2026-11-30' });
    expect(nextActions(facts({ stage: 'in_progress', itemDueOn: '2026-11-30', openItems: 3 }), clocks)[0]!.words).toBe('Check the agreed items: 3 still open');
    expect(nextActions(facts({ stage: 'in_progress' }), clocks).map((a) => a.kind)).not.toContain('agreement-item-due');
  });
  it('asks for paper surveys to be sent, even once the case is closed', () => {
    expect(nextActions(facts({ stage: 'closed', paperSurveys: 1 }), clocks)[0]!.kind).toBe('survey-to-send');
    expect(nextActions(facts({ stage: 'closed' }), clocks)[0]!.kind).toBe('none');
    expect(nextActions(facts({ stage: 'outcome', paperSurveys: 2 }), clocks).map((a) => a.kind)).toContain('survey-to-send');
  });
  it('marks overdue, due and later', () => {
    const today = new Date('2026-11-23T09:00:00Z'); // Monday
    expect(dueState('2026-11-20', today)).toBe('breached');
    expect(dueState('2026-11-23', today)).toBe('due');
    expect(dueState('2026-11-24', today)).toBe('due');
    expect(dueState('2026-11-25', today)).toBe('later');
    expect(dueState(null, today)).toBe('none');
  });
});
