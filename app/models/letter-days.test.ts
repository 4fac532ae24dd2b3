import { describe, expect, it } from 'vitest';
import { workingDaysBetween } from './letter.server';

describe('working days', () => {
  const d = (s: string) => new Date(`${s}T10:00:00Z`);
  it('counts Monday to Friday only', () => {
    expect(workingDaysBetween(d('2026-11-20'), d('2026-11-20'))).toBe(0); // Friday, same day
    expect(workingDaysBetween(d('2026-11-20'), d('2026-11-23'))).toBe(1); // Friday to Monday
    expect(workingDaysBetween(d('2026-11-16'), d('2026-11-19'))).toBe(3); // Monday to Thursday
    expect(workingDaysBetween(d('2026-11-21'), d('2026-11-22'))).toBe(0); // Saturday to Sunday
    expect(workingDaysBetween(d('2026-11-13'), d('2026-11-23'))).toBe(6); // over a weekend
  });
});
