import { describe, expect, it } from 'vitest';
import { forDisplay, monthOf, monthStartMs, parsePeriod, quarterOf, share, suppressBreakdown, suppressOne, suppressPart } from './reports';

const cells = (...ns: number[]) => ns.map((n, i) => ({ key: `k${i}`, label: `K${i}`, n }));
const shown = (r: ReturnType<typeof suppressBreakdown>) => [...r.cells.map((c) => c.shown ?? c.hidden), r.total.shown ?? r.total.hidden];

describe('small numbers', () => {
  it('hides 1 to 4, keeps 0, and withholds one more when a single hidden cell could be worked out', () => {
    expect(shown(suppressBreakdown(cells(10, 0, 7), 5))).toEqual([10, 0, 7, 17]);
    expect(shown(suppressBreakdown(cells(10, 3, 7, 20), 5))).toEqual([10, 'small', 'withheld', 20, 40]);
    expect(shown(suppressBreakdown(cells(10, 3, 2), 5))).toEqual([10, 'small', 'small', 15]);
    // Nothing else to withhold: the total goes instead.
    expect(shown(suppressBreakdown(cells(3, 0), 5))).toEqual(['small', 0, 'small']);
    expect(shown(suppressBreakdown(cells(6, 0, 0), 5))).toEqual([6, 0, 0, 6]);
    expect(shown(suppressBreakdown(cells(2, 9), 10))).toEqual(['small', 'small', 11]);
    // Two hidden cells that add up to a small number (each must be 1): one more is withheld.
    expect(shown(suppressBreakdown(cells(10, 1, 1), 5))).toEqual(['withheld', 'small', 'small', 12]);
    expect(shown(suppressBreakdown(cells(10, 20, 1, 1, 0), 5))).toEqual(['withheld', 20, 'small', 'small', 0, 32]);
  });

  it('withholds a part whose gap to the whole is small, and a share with a small group on either side', () => {
    expect(suppressPart(8, suppressOne(9, 5), 5)).toEqual({ n: 8, shown: null, hidden: 'withheld' });
    expect(suppressPart(9, suppressOne(9, 5), 5)).toEqual({ n: 9, shown: 9 });
    expect(suppressPart(9, suppressOne(20, 5), 5)).toEqual({ n: 9, shown: 9 });
    expect(share(4, 5, 5).percent).toBeNull();
    expect(share(1, 5, 5).percent).toBeNull();
    expect(share(5, 5, 5).percent).toBe(100);
    expect(share(5, 10, 5).percent).toBe(50);
    expect(share(3, 4, 5)).toMatchObject({ percent: null, hidden: 'few' });
  });

  it('sends nothing hidden to the browser', () => {
    const view = forDisplay({ a: suppressBreakdown(cells(10, 3, 7), 5), s: share(2, 3, 5), ok: share(5, 10, 5) });
    expect(JSON.stringify(view)).not.toMatch(/"n":|"yes":/);
    expect(view.s).toEqual({ percent: null, hidden: 'few', of: null });
    expect(view.ok).toEqual({ percent: 50, hidden: null, of: 10 });
  });
});

describe('periods', () => {
  it('defaults to the quarter, in UK time', () => {
    expect(quarterOf(new Date('2026-11-23T12:00:00Z'))).toEqual({ from: '2026-10', to: '2026-12' });
    // 00:30 on 1 April in summer time is still 31 March in UTC.
    expect(quarterOf(new Date('2026-03-31T23:30:00Z'))).toEqual({ from: '2026-04', to: '2026-06' });
    expect(monthOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12');
    expect(parsePeriod(new URLSearchParams(), new Date('2026-02-01T00:00:00Z'))).toEqual({ period: { from: '2026-01', to: '2026-03' } });
  });

  it('starts each month at UK midnight, winter and summer', () => {
    expect(new Date(monthStartMs('2026-01')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(monthStartMs('2026-04')).toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(new Date(monthStartMs('2026-11')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});
