import { describe, expect, it } from 'vitest';
import { monthsBefore, periodText, RETENTION_RULES } from './retention';

describe('monthsBefore', () => {
  it('stays inside the target month', () => {
    expect(new Date(monthsBefore(Date.UTC(2026, 2, 31, 10), 1)).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(new Date(monthsBefore(Date.UTC(2028, 2, 31), 1)).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(new Date(monthsBefore(Date.UTC(2026, 0, 15), 24)).toISOString()).toBe('2024-01-15T00:00:00.000Z');
    expect(new Date(monthsBefore(Date.UTC(2026, 0, 31), -1)).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(new Date(monthsBefore(Date.UTC(2026, 11, 31), -2)).toISOString()).toBe('2027-02-28T00:00:00.000Z');
  });
});

describe('the schedule', () => {
  it('has one rule per key, each default inside its bounds', () => {
    expect(new Set(RETENTION_RULES.map((r) => r.key)).size).toBe(RETENTION_RULES.length);
    for (const r of RETENTION_RULES) expect(r.defaultPeriod >= r.min && r.defaultPeriod <= r.max, r.key).toBe(true);
    expect(periodText(1, 'months')).toBe('1 month');
    expect(periodText(24, 'months')).toBe('24 months');
  });
});
