// The safety flags against the labelled letters: the set is what it says it is, and the
// flags meet the goals on the part the tests hold (the rest is reported by `npm run bench`).
import { describe, expect, it } from 'vitest';
import { FLAG_KINDS } from '~/models/safety-flags/safety-flags';
import { GOALS, HELD_BACK, HELD_OUT, LETTERS, TUNING, WRITERS, pct, score } from './letters';

describe('the labelled letters', () => {
  it('are at least 300, about half clean, in all three voices, covering every kind several times', () => {
    expect(LETTERS.length).toBeGreaterThanOrEqual(1500);
    const clean = LETTERS.filter((l) => !l.flags.length).length / LETTERS.length;
    expect(clean).toBeGreaterThan(0.4);
    expect(clean).toBeLessThan(0.6);
    for (const voice of ['victim', 'prison', 'supporter']) expect(LETTERS.filter((l) => l.voice === voice).length, voice).toBeGreaterThan(30);
    // Hidden characters are not labelled: natural letters do not carry them (normalise.test.ts has the tricks).
    for (const kind of FLAG_KINDS.filter((k) => k !== 'hidden'))
      expect(LETTERS.filter((l) => l.flags.some(([k]) => k === kind)).length, kind).toBeGreaterThanOrEqual(5);
  });

  it('label only words that are in their letter, with unique ids', () => {
    expect(new Set(LETTERS.map((l) => l.id)).size).toBe(LETTERS.length);
    for (const l of LETTERS) for (const [, words] of l.flags) expect(l.text.includes(words), `${l.id}: ${words}`).toBe(true);
  });

  it('are split: the first writers four in five to the tests and one in five to the bench; whole writers held out; no letter in two parts', () => {
    expect(TUNING.length + HELD_BACK.length + HELD_OUT.length).toBe(LETTERS.length);
    expect(HELD_BACK.length).toBeGreaterThanOrEqual(Math.floor((TUNING.length + HELD_BACK.length) / 5) - 5);
    const held = new Set([...HELD_BACK, ...HELD_OUT].map((l) => l.id));
    expect(TUNING.some((l) => held.has(l.id))).toBe(false);
    // At least ten writers in all, eight of them held out whole, each with a register of their own.
    expect(WRITERS.length).toBeGreaterThanOrEqual(8);
    for (const w of WRITERS) expect(w.letters.length, w.name).toBeGreaterThanOrEqual(100);
  });
});

describe('the safety flags on the tests’ part of the letters', () => {
  const s = score(TUNING);
  const detail = `misses:\n${s.misses.join('\n')}\nclean letters flagged:\n${s.alarms.join('\n')}`;
  it(`find at least ${pct(GOALS.contact)} of contact details and handles`, () => expect(s.contact, detail).toBeGreaterThanOrEqual(GOALS.contact));
  it(`find at least ${pct(GOALS.where)} of places`, () => expect(s.where, detail).toBeGreaterThanOrEqual(GOALS.where));
  it(`find at least ${pct(GOALS.threat)} of threats`, () => expect(s.threat, detail).toBeGreaterThanOrEqual(GOALS.threat));
  it(`flag at most ${pct(GOALS.cleanFlagged)} of clean letters`, () => expect(s.cleanFlagged, detail).toBeLessThanOrEqual(GOALS.cleanFlagged));
});
