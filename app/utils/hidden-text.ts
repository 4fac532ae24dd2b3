// Characters that show as nothing or turn text around: found, named, removed. Every free-text
// field shares one rule (text made only of them is empty), and a letter is relayed and
// printed without them. Safe for the browser.

/**
 * Characters that show as nothing: Unicode's default-ignorable code points (zero-width
 * spaces and joiners, soft hyphens, direction controls, tag characters, variation
 * selectors, Hangul fillers, musical and shorthand format controls, …), every other format
 * character except the few that show (Arabic number signs and the like), and the braille
 * blank. Unicode's own properties, not a list of ours: a character added to them is caught.
 */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/u;
/** Format characters that do show: Arabic and Syriac number and end-of-ayah signs, Kaithi and Egyptian number signs. */
const SHOWN_FORMAT = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]/u;
const JOINER = /[\u200C\u200D]/;
const VARIATION = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/;
/** Scripts whose words need the zero-width joiners to show right (Arabic, Urdu, Persian, the Indic scripts, …). */
const JOINING_LETTER = /[\p{L}\p{M}]/u;
const LATIN_LIKE = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}]/u;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;

export type Hidden = { start: number; end: number; code: number };

/**
 * Every hidden character in the text, in order. Joiners are kept where a script needs them
 * (between two letters of Arabic, Urdu, Devanagari, …, or inside an emoji sequence), and one
 * emoji or text presentation selector is kept after a character that shows.
 */
export function findHidden(text: string): Hidden[] {
  const out: Hidden[] = [];
  // One scan first: most text has nothing that could hide.
  if (!IGNORABLE.test(text)) return out;
  const chars = Array.from(text);
  let at = 0;
  // Whether the last character kept is one a selector or a joiner can belong to.
  let lastShows = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const start = at;
    at += c.length;
    let hidden: boolean = IGNORABLE.test(c) && !SHOWN_FORMAT.test(c);
    if (hidden && JOINER.test(c)) {
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      const joinsLetters: boolean =
        lastShows && JOINING_LETTER.test(before) && JOINING_LETTER.test(after) && !LATIN_LIKE.test(before) && !LATIN_LIKE.test(after);
      const joinsEmoji: boolean = c === '\u200D' && lastShows && (EMOJI.test(before) || VARIATION.test(before)) && EMOJI.test(after);
      hidden = !joinsLetters && !joinsEmoji;
    } else if (hidden && VARIATION.test(c)) {
      // One text or emoji selector, straight after a character that shows ("❤️"), is part of it.
      hidden = !(lastShows && !VARIATION.test(chars[i - 1] ?? '') && (c === '\uFE0E' || c === '\uFE0F'));
    }
    if (hidden) out.push({ start, end: at, code: c.codePointAt(0)! });
    lastShows = !hidden && !/\s/.test(c);
  }
  return out;
}

/** The text as it shows: every hidden character removed. */
export function withoutHidden(text: string): string {
  const hidden = findHidden(text);
  if (!hidden.length) return text;
  let out = '';
  let at = 0;
  for (const h of hidden) {
    out += text.slice(at, h.start);
    at = h.end;
  }
  return out + text.slice(at);
}

/** True when nothing would show: empty, spaces, or only hidden characters. */
export const isBlank = (text: string) => withoutHidden(text).trim() === '';

function nameOf(code: number): string {
  if (code === 0x200b) return 'zero-width space';
  if (code === 0x200c) return 'zero-width non-joiner';
  if (code === 0x200d) return 'zero-width joiner';
  if (code === 0x2060 || code === 0xfeff) return 'word joiner';
  if (code === 0x00ad) return 'soft hyphen';
  if (code === 0x202e) return 'right-to-left override';
  if (code === 0x202d) return 'left-to-right override';
  if (code === 0x200e || code === 0x200f || code === 0x061c) return 'direction mark';
  if ((code >= 0x202a && code <= 0x202c) || (code >= 0x2066 && code <= 0x2069)) return 'direction control';
  if (code >= 0xe0000 && code <= 0xe007f) return 'tag character';
  if ((code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef)) return 'variation selector';
  return 'invisible character';
}

/** In words, most first: "7 zero-width spaces, 1 right-to-left override". */
export function describeHidden(hidden: Pick<Hidden, 'code'>[]): string {
  const counts = new Map<string, number>();
  for (const h of hidden) counts.set(nameOf(h.code), (counts.get(nameOf(h.code)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${n} ${name}${n === 1 ? '' : 's'}`)
    .join(', ');
}
