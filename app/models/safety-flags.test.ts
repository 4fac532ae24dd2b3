import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './safety-flag-examples';
import { findSafetyFlags, looksUrgent, segmentByFlags, type Flag } from './safety-flags';

const PARTICIPANTS = ['Vera Victim', 'Owen Offender'];

export function score(examples = EXAMPLES) {
  let found = 0;
  let missed = 0;
  let falseAlarms = 0;
  const misses: string[] = [];
  const alarms: string[] = [];
  for (const ex of examples) {
    const flags = findSafetyFlags(ex.text, PARTICIPANTS);
    const overlaps = (f: Flag, kind: string, words: string) => {
      const start = ex.text.indexOf(words);
      return f.kind === kind && f.start < start + words.length && f.end > start;
    };
    for (const [kind, words] of ex.expect) {
      if (flags.some((f) => overlaps(f, kind, words))) found++;
      else {
        missed++;
        misses.push(`${kind} “${words}” in “${ex.text}”`);
      }
    }
    for (const f of flags) {
      if (!ex.expect.some(([kind, words]) => overlaps(f, kind, words))) {
        falseAlarms++;
        alarms.push(`${f.kind} “${f.text}” in “${ex.text}”`);
      }
    }
  }
  return { found, missed, falseAlarms, misses, alarms };
}

describe('safety flags', () => {
  it('find what the labelled examples say, with no misses and no false alarms', () => {
    const s = score();
    expect(s.misses).toEqual([]);
    expect(s.alarms).toEqual([]);
    expect(s.found).toBeGreaterThanOrEqual(35);
  });

  it('give exact spans of the letter', () => {
    const text = 'Ring 07700 900982 now';
    const [flag] = findSafetyFlags(text);
    expect(flag).toEqual({ kind: 'phone', start: 5, end: 17, text: '07700 900982' });
    expect(text.slice(flag!.start, flag!.end)).toBe(flag!.text);
  });

  it('do not flag the participants’ own names', () => {
    expect(findSafetyFlags('Dear Owen, from Vera', PARTICIPANTS)).toEqual([]);
    expect(findSafetyFlags('Dear Owen, from Sarah').map((f) => f.kind)).toEqual(['name', 'name']);
  });

  it('survive odd and long input', () => {
    expect(findSafetyFlags('')).toEqual([]);
    const long = 'word '.repeat(20_000);
    const t = performance.now();
    expect(findSafetyFlags(long)).toEqual([]);
    expect(performance.now() - t).toBeLessThan(5000); // a guard against pathological patterns, not a speed target
    expect(() => findSafetyFlags('\u0000\uFFFF😀@@@.. 0 0 0 0 0 0 0 0 0 0 0')).not.toThrow();
  });

  it('split text into highlightable runs that join back to the letter', () => {
    const text = 'Ring 07700 900982 or I will find you';
    const flags = findSafetyFlags(text);
    const segments = segmentByFlags(text, flags);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.flags.length).map((s) => [s.text, s.flags])).toEqual([
      ['07700 900982', ['phone']],
      ['I will find you', ['threat']],
    ]);
  });
});

describe('urgent-looking messages', () => {
  it('marks a frightened message and a threatening one, not an ordinary one', () => {
    expect(looksUrgent('He knows where I live and I saw his car outside my house.')).toBe(true);
    expect(looksUrgent('I’m scared to go out')).toBe(true);
    expect(looksUrgent('You will pay for this')).toBe(true);
    expect(looksUrgent('Thank you for calling me back, Tuesday suits me.')).toBe(false);
  });
});
