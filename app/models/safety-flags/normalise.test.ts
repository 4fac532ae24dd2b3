// The one reading of a letter (issue 25), and the trained threat reader: tricks that hide a phone number or an address from
// the finders, each shown to be flagged, with the highlight on the characters written and
// the hidden characters named as a flag of their own.
import { describe, expect, it } from 'vitest';
import { findSafetyFlags } from './safety-flags.server';
import { normalise, spanInLetter } from './normalise';
import { describeHidden, findHidden, isBlank, withoutHidden } from '~/utils/hidden-text';

const PEOPLE = ['Vera Victim', 'Owen Offender'];
const kinds = (text: string) => findSafetyFlags(text, PEOPLE).map((f) => [f.kind, f.text]);

const ZW = '\u200B';
const TRICKS: Record<string, string> = {
  'zero-width spaces': `Ring me on 0${ZW}7${ZW}7${ZW}0${ZW}0 9${ZW}0${ZW}0${ZW}1${ZW}2${ZW}3 when you can.`,
  'soft hyphens': 'Ring me on 077\u00AD00 900\u00AD123 when you can.',
  'fullwidth digits': 'Ring me on ０７７００ ９００１２３ when you can.',
  'a right-to-left override': 'Ring me on \u202E321009 00770\u202C when you can.',
  'Arabic-Indic digits': 'Ring me on ٠٧٧٠٠ ٩٠٠١٢٣ when you can.',
  'mathematical digits': 'Ring me on 𝟎𝟕𝟕𝟎𝟎 𝟗𝟎𝟎𝟏𝟐𝟑 when you can.',
  'combining underlines': 'Ring me on 0̲7̲7̲0̲0̲ 9̲0̲0̲1̲2̲3̲ when you can.',
  // From the attacker's review: what every reader sees once the override is taken out.
  'a right-to-left override around it': 'Ring me on \u202E07700 900123\u202C when you can.',
  'musical format characters': `Ring me on 0\u{1D173}7\u{1D173}7\u{1D173}0\u{1D173}0 900123 when you can.`,
  'Arabic-Indic digits with underlines': 'Ring me on ٠̲٧̲٧̲٠̲٠̲ ٩٠٠١٢٣ when you can.',
};

describe('one reading of the text', () => {
  it.each(Object.entries(TRICKS))('finds a phone number hidden with %s, and highlights what was written', (_, letter) => {
    const phone = findSafetyFlags(letter, PEOPLE).find((f) => f.kind === 'phone');
    expect(phone).toBeDefined();
    // The highlight covers the number as typed: from its first digit to its last, nothing else.
    expect(Array.from(withoutHidden(phone!.text).replace(/[^\p{N}]/gu, ''))).toHaveLength(11);
    expect(letter.slice(0, phone!.start)).toMatch(/on \u202E?$/);
  });

  it('finds email addresses with zero-width spaces or Cyrillic look-alike letters', () => {
    expect(kinds(`Write to jo${ZW}.smith@${ZW}gmail.com please.`).map(([k]) => k)).toEqual(['email', 'hidden']);
    expect(kinds('Write to jo.smith@gmаil.cоm please.')).toEqual([['email', 'jo.smith@gmаil.cоm']]);
    expect(kinds('Write to jօe@gmail.cօm please.')).toEqual([['email', 'jօe@gmail.cօm']]);
  });

  it('names hidden characters as a flag on the words they hide in, counted', () => {
    const flags = findSafetyFlags(TRICKS['zero-width spaces']!, PEOPLE).filter((f) => f.kind === 'hidden');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.why).toBe('hidden characters: 9 zero-width spaces');
    expect(withoutHidden(flags[0]!.text)).toBe('07700 900123');
    expect(findSafetyFlags(TRICKS['a right-to-left override']!, PEOPLE).find((f) => f.kind === 'hidden')!.why).toBe(
      'hidden characters: 1 right-to-left override, 1 direction control',
    );
  });

  it('leaves ordinary writing alone: curly quotes, accents, emoji, Urdu and Polish words keep their joiners', () => {
    for (const text of ['I’m sorry, Zoë – truly.', 'Dziękuję za list. Było mi przykro.', 'میں معافی چاہتا ہوں', 'نمی‌خواهم', '👩‍👩‍👧 ❤️ thanks']) {
      expect(findHidden(text)).toEqual([]);
      expect(findSafetyFlags(text, PEOPLE)).toEqual([]);
    }
  });

  it('finds a threat inside a right-to-left override, as everyone will see it', () => {
    const flags = findSafetyFlags('I am writing to you. \u202EI will kill you when I get out.\u202C That is all.', PEOPLE);
    expect(flags.map((f) => f.kind)).toContain('threat');
  });

  it('finds a threat after the same name written 150 times: each kind has its own limit', () => {
    const letter = `${'Say hello to Mr Tom Brown, '.repeat(150)}I will kill you when I get out.`;
    expect(findSafetyFlags(letter, PEOPLE).some((f) => f.kind === 'threat')).toBe(true);
  });

  it('maps every character of the reading back to the letter', () => {
    const letter = `a${ZW}b ０ é`;
    const n = normalise(letter);
    expect(n.text).toBe('ab 0 é');
    expect(spanInLetter(n, 0, 2)).toEqual([0, 3]);
    expect(letter.slice(...spanInLetter(n, 3, 4))).toBe('０');
  });
});

describe('the one rule for empty text', () => {
  it('counts text made only of invisible characters as empty, and says what they were', () => {
    expect(isBlank(`${ZW}\u200C\u2060\uFEFF\u00AD \u202E\u3164\u2800`)).toBe(true);
    // From the attacker's review: a joiner with an emoji selector, and format characters outside the usual list.
    for (const blank of ['\u200D\uFE0F', '\u{1D173}\u{1D174}', '\u{1BCA0}', '\u{13430}', '\u{E0041}\u{E0042}'])
      expect(isBlank(blank), JSON.stringify(blank)).toBe(true);
    expect(isBlank(' a ')).toBe(false);
    expect(describeHidden(findHidden(`${ZW}${ZW}\u00AD`))).toBe('2 zero-width spaces, 1 soft hyphen');
  });
});

describe('the trained threat reader', () => {
  it('flags pressure the rules miss, says which reader found it, and can be left out', () => {
    const veiled = 'Withdraw it and we can all move on, nobody needs to get hurt.';
    expect(findSafetyFlags(veiled, PEOPLE, { trained: false })).toEqual([]);
    expect(findSafetyFlags(veiled, PEOPLE).map((f) => [f.kind, f.why])).toEqual([['threat', 'reads like a threat or pressure (the trained reader)']]);
  });

  it('leaves kind words, reparation and idioms alone', () => {
    for (const clean of [
      'I hope you and your family are keeping well and I wish you all the best.',
      'I am paying back £20 a week and I have done 120 hours of unpaid work.',
      'I could murder a cup of tea after the day I have had.',
    ])
      expect(findSafetyFlags(clean, PEOPLE)).toEqual([]);
  });
});
