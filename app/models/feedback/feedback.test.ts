import { describe, expect, it } from 'vitest';
import { COMMENT_BATCH, summarise } from './feedback';

const row = (over: Partial<Parameters<typeof summarise>[0][number]> = {}) => ({
  satisfaction: null,
  feltSafe: null,
  listenedTo: null,
  informed: null,
  recommend: null,
  helpedCope: null,
  comments: null,
  ...over,
});

describe('feedback results', () => {
  it('counts each answer and the share satisfied among those who answered', () => {
    const s = summarise([row({ satisfaction: 5, feltSafe: 'yes' }), row({ satisfaction: 2, feltSafe: 'no' }), row({ satisfaction: 4 }), row()]);
    expect(s.responses).toBe(4);
    expect(s.satisfied).toEqual({ n: 2, of: 3 });
    const safe = s.questions.find((q) => q.field === 'feltSafe')!;
    expect(safe.answered).toBe(2);
    expect(safe.counts.map((c) => c.n)).toEqual([1, 1, 0]);
  });
  it('shows free text only in whole batches, in an order that says nothing of when it came', () => {
    const some = (n: number) => Array.from({ length: n }, (_, i) => row({ comments: `comment ${String.fromCharCode(106 - i)}` }));
    expect(summarise(some(COMMENT_BATCH - 1)).comments).toEqual([]);
    expect(summarise(some(COMMENT_BATCH - 1)).commentsHeldBack).toBe(4);
    const seven = summarise(some(7));
    expect(seven.comments).toHaveLength(5);
    expect(seven.commentsHeldBack).toBe(2);
    expect([...seven.comments].sort()).toEqual(seven.comments);
  });
});
