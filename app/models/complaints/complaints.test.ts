import { describe, expect, it } from 'vitest';
import { complaintTags, nextStep, stageOf } from './complaints';

const complaint = (over: Partial<Parameters<typeof complaintTags>[0]> = {}) => ({
  acknowledgeBy: '2026-11-25',
  answerBy: '2026-12-18',
  acknowledgedOn: null,
  answeredOn: null,
  ...over,
});

describe('a complaint’s steps', () => {
  it('goes received, acknowledged, answered, one step at a time', () => {
    expect(stageOf(complaint())).toBe('received');
    expect(nextStep('received')).toBe('acknowledge');
    expect(nextStep(stageOf(complaint({ acknowledgedOn: '2026-11-24' })))).toBe('answer');
    expect(nextStep(stageOf(complaint({ acknowledgedOn: '2026-11-24', answeredOn: '2026-12-01' })))).toBeNull();
  });
});

describe('what is due, by UK day', () => {
  const texts = (c: ReturnType<typeof complaint>, today: string) => complaintTags(c, today).map((t) => t.text);

  it('the acknowledgement first: due, due today, then overdue the day after', () => {
    expect(texts(complaint(), '2026-11-24')).toEqual(['Acknowledgement due']);
    expect(texts(complaint(), '2026-11-25')).toEqual(['Acknowledgement due today']);
    expect(texts(complaint(), '2026-11-26')).toEqual(['Acknowledgement overdue']);
  });

  it('then the answer; a complaint never acknowledged shows both once the answer is late', () => {
    const acknowledged = complaint({ acknowledgedOn: '2026-11-24' });
    expect(texts(acknowledged, '2026-12-18')).toEqual(['Answer due today']);
    expect(texts(acknowledged, '2026-12-19')).toEqual(['Answer overdue']);
    expect(texts(complaint(), '2026-12-19')).toEqual(['Acknowledgement overdue', 'Answer overdue']);
  });

  it('an answered complaint says so, and whether it was late', () => {
    expect(texts(complaint({ acknowledgedOn: '2026-11-24', answeredOn: '2026-12-18' }), '2027-01-10')).toEqual(['Answered']);
    expect(texts(complaint({ acknowledgedOn: '2026-11-24', answeredOn: '2026-12-21' }), '2027-01-10')).toEqual(['Answered', 'Answered late']);
  });
});
