// One reading of a letter for every finder: what a reader would make of it, whatever
// characters it was typed with. Hidden characters go; compatibility forms fold (Unicode
// NFKC: fullwidth "０７７", mathematical "𝟎𝟕", circled and superscript digits, ligatures);
// digits of other scripts become 0–9; Cyrillic and Greek look-alikes in a word that is
// made to look Latin become Latin letters. The override is removed wherever the letter is
// shown, so the reading is in the order typed; `visualOrder` reads a run under a
// right-to-left override backwards as well, as it would show if the override stayed. Every character of the reading knows where it came from, so a flag
// found in the reading falls on the characters that were written.
import { findHidden } from '~/utils/hidden-text';

export type Normalised = {
  /** What the finders read. */
  text: string;
  /** For each UTF-16 unit of `text`, where its character starts and ends in the letter. */
  from: Int32Array;
  to: Int32Array;
};

/** Cyrillic and Greek letters that look like Latin ones. */
const LOOK_ALIKE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  // Armenian and others that pass for Latin letters.
  օ: 'o',
  ս: 'u',
  ց: 'g',
  һ: 'h',
  ь: 'b',
  ɑ: 'a',
  ı: 'i',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  κ: 'k',
  ι: 'i',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const MARK = /\p{M}/u;

/** The value of a decimal digit of any script: Unicode keeps each script's 0–9 together, zero first. */
function digitValue(c: string): string {
  let code = c.codePointAt(0)!;
  let n = 0;
  while (n < 9 && DIGIT.test(String.fromCodePoint(code - 1))) {
    code--;
    n++;
  }
  // Runs longer than ten (mathematical digits) still start at a zero.
  return String((c.codePointAt(0)! - code) % 10);
}

export function normalise(letter: string, { visualOrder = false } = {}): Normalised {
  const hidden = findHidden(letter);
  // Most letters: plain text with nothing to fold. The reading is the letter.
  if (!hidden.length && /^[\u0000-\u007F\u00C0-\u00FF\u2018\u2019\u201C\u201D\u2013\u2014\u2022\u00A3\u20AC]*$/.test(letter)) {
    const from = new Int32Array(letter.length);
    const to = new Int32Array(letter.length);
    for (let i = 0; i < letter.length; i++) {
      from[i] = i;
      to[i] = i + 1;
    }
    return { text: letter, from, to };
  }
  const skip = new Set(hidden.map((h) => h.start));
  // Characters in order of reading, each with where it came from.
  type Piece = { text: string; start: number; end: number };
  let pieces: Piece[] = [];
  const overrides: [number, number][] = [];
  let overrideFrom = -1;
  let at = 0;
  for (const c of letter) {
    const start = at;
    at += c.length;
    if (c === '\u202E') overrideFrom = pieces.length;
    else if ((c === '\u202C' || c === '\n') && overrideFrom >= 0) {
      overrides.push([overrideFrom, pieces.length]);
      overrideFrom = -1;
    }
    if (skip.has(start)) continue;
    // A combining mark belongs to the character before it: fold them together.
    const last = pieces[pieces.length - 1];
    if (MARK.test(c) && last && last.end === start) {
      last.text += c;
      last.end = at;
      continue;
    }
    pieces.push({ text: c, start, end: at });
  }
  if (overrideFrom >= 0) overrides.push([overrideFrom, pieces.length]);
  // Right-to-left override: the reader sees the run backwards, so the reading is backwards too.
  if (visualOrder) for (const [a, b] of overrides) pieces = [...pieces.slice(0, a), ...pieces.slice(a, b).reverse(), ...pieces.slice(b)];
  // Fold each character: NFKC; marks that no letter takes ("0̲7̲") off plain letters and digits; other scripts' digits to 0–9.
  for (const p of pieces) {
    if (p.text.length === 1 && p.text.charCodeAt(0) < 0x80) continue;
    let t = p.text.normalize('NFKC');
    t = Array.from(t, (ch) => (DIGIT.test(ch) && !/[0-9]/.test(ch) ? digitValue(ch) : ch)).join('');
    if (/^[\u0000-\u007F]\p{M}+$/u.test(t)) t = t[0]!;
    p.text = t;
  }
  // Look-alikes: only in a word that is already partly Latin, or made only of look-alikes.
  let wordStart = 0;
  const fold = (a: number, b: number) => {
    const word = pieces.slice(a, b);
    const letters = word.filter((p) => LETTER.test(p.text));
    const alike = letters.filter((p) => LOOK_ALIKE[p.text] !== undefined);
    if (!alike.length) return;
    if (word.some((p) => LATIN_OR_DIGIT.test(p.text)) || alike.length === letters.length) for (const p of alike) p.text = LOOK_ALIKE[p.text]!;
  };
  pieces.forEach((p, i) => {
    if (/\s/.test(p.text)) {
      fold(wordStart, i);
      wordStart = i + 1;
    }
  });
  fold(wordStart, pieces.length);
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const p of pieces) {
    text += p.text;
    for (let i = 0; i < p.text.length; i++) {
      from.push(p.start);
      to.push(p.end);
    }
  }
  return { text, from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** Where a span of the reading came from in the letter: from its first written character to its last. */
export function spanInLetter(n: Normalised, start: number, end: number): [number, number] {
  let a = Infinity;
  let b = -1;
  for (let i = start; i < end; i++) {
    a = Math.min(a, n.from[i]!);
    b = Math.max(b, n.to[i]!);
  }
  return b < 0 ? [n.from[start] ?? 0, n.from[start] ?? 0] : [a, b];
}
