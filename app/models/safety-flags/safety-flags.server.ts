// Finds what a facilitator should look at before a letter is passed on: contact details,
// where someone can be found, threats. Flags inform; the facilitator decides.
//
// Kept libraries do what they know better than our patterns would:
// - libphonenumber-js finds phone numbers in text, UK and international, however spaced;
// - linkify-it finds web addresses and ordinary email addresses;
// - postcode says whether a candidate is a real UK postcode.
// The project's own rules (app/data/safety-rules.ts) cover what no library knows: numbers
// and emails spelled out, handles named after a platform, prison locations, schools and
// workplaces, routines, and threats phrased without threatening words.
// compromise (offline NLP) was tried for names and places: it cost 86 ms per 5,000
// characters against a budget of 5 ms, so names come from the lists here instead.
import type { Flag, FlagKind } from './safety-flags';
import { emailsAndLinks, handles, phones } from './contact.server';
import { BIRTHDAY, names } from './names.server';
import { type Add, type Reading, asciiLower, sentences, straighten } from './reading';
import { threats } from './threats.server';
import { places } from './where.server';
import { normalise, spanInLetter } from './normalise';
import { describeHidden, findHidden, type Hidden } from '~/utils/hidden-text';

/**
 * Finds the flags in a letter. `participantNames` are the people in the exchange; their
 * names are not flagged as someone else's.
 */
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/**
 * At most this many findings of each kind: a real letter has a handful; a letter of
 * "1-1-1-…" would otherwise have thousands, and a review page to match. Counted a kind at
 * a time, and the same finding once, so that names repeated 150 times cannot use up what
 * the threats are found with. A letter at the limit cannot be passed on (`atLimit`).
 */
export const MAX_FOUND = 300;

/** True when some kind reached the limit: there may be more than the page can show, so the letter cannot be passed on as it is. */
export function atLimit(flags: Pick<Flag, 'kind'>[]): boolean {
  const counts = new Map<string, number>();
  for (const f of flags) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts.values()].some((n) => n >= MAX_FOUND);
}

/** `trained: false` leaves out the trained threat reader (the bench measures the rules without it). */
export function findSafetyFlags(letter: string, participantNames: string[] = [], { trained = true } = {}): Flag[] {
  // The finders read the letter as a reader would see it; each flag falls back on the characters written.
  // In the order typed (how everyone sees it: overrides never leave), and, when a
  // right-to-left override is there, also in the order it would show with it.
  const readings = [normalise(letter), ...(/[\u202D\u202E]/.test(letter) ? [normalise(letter, { visualOrder: true })] : [])];
  const seen = new Set<string>();
  const found = readings.flatMap((reading) =>
    findInReading(reading.text, participantNames, trained).flatMap((f) => {
      const [start, end] = spanInLetter(reading, f.start, f.end);
      const key = `${f.kind} ${start} ${end}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ ...f, start, end }];
    }),
  );
  const flags = [...found, ...hiddenFlags(letter)].sort((a, b) => a.start - b.start || b.end - a.end);
  return flags.map((f) => ({ ...f, text: letter.slice(f.start, f.end) }));
}

/** Hidden characters are a flag of their own, on the word they hide in: someone may be slipping something past the reader. */
function hiddenFlags(letter: string): Flag[] {
  const hidden = findHidden(letter);
  const out: (Flag & { found: Hidden[] })[] = [];
  for (const h of hidden) {
    let start = h.start;
    let end = h.end;
    while (start > 0 && !/\s/.test(letter[start - 1]!)) start--;
    while (end < letter.length && !/\s/.test(letter[end]!)) end++;
    const last = out[out.length - 1];
    // Groups a few spaces apart on one line (a phone number with zero-width spaces between its digits) are one flag.
    if (last && (start <= last.end || (start - last.end <= 3 && !letter.slice(last.end, start).includes('\n')))) {
      last.end = Math.max(last.end, end);
      last.found.push(h);
    } else out.push({ kind: 'hidden', start, end, text: '', why: '', found: [h] });
  }
  return out.slice(0, MAX_FOUND).map(({ found, ...f }) => ({ ...f, why: `hidden characters: ${describeHidden(found)}` }));
}

function findInReading(letter: string, participantNames: string[], trained: boolean): Flag[] {
  const text = straighten(letter);
  const flags: Flag[] = [];
  const perKind = new Map<FlagKind, number>();
  const seen = new Set<string>();
  const add: Add = (kind, start, end, why) => {
    const key = `${kind} ${start} ${end} ${why}`;
    if ((perKind.get(kind) ?? 0) >= MAX_FOUND || seen.has(key)) return;
    seen.add(key);
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    // Patterns read A to Z; a flag never cuts a word with other letters in two ("Zoë", not "Zo").
    while (start > 0 && LETTER_OR_MARK.test(letter[start - 1]!)) start--;
    while (end < letter.length && LETTER_OR_MARK.test(letter[end]!) && LETTER_OR_MARK.test(letter[end - 1]!)) end++;
    const span = letter.slice(start, end).replace(/[\s,.:;'’-]+$/, '');
    const lead = span.length - span.trimStart().length;
    if (span.trim()) flags.push({ kind, start: start + lead, end: start + span.length, text: span.trim(), why });
  };
  const known = new Set(participantNames.flatMap((n) => n.toLowerCase().split(/[^a-z'-]+/)).filter(Boolean));
  phones(text, add);
  // The letter as every finder reads it: apostrophes straight, a lower-case copy with every character in place, its sentences.
  const reading: Reading = { text, lower: asciiLower(text), parts: [...sentences(text)] };
  emailsAndLinks(reading, add);
  handles(text, add);
  places(reading, add);
  names(text, known, add);
  const birthday = (m: RegExpMatchArray) => {
    const date = m[1] ?? m[2] ?? m[3]!;
    const start = m.index! + m[0].indexOf(date);
    add('date', start, start + date.length, 'a birthday or date of birth');
  };
  for (const m of text.matchAll(BIRTHDAY)) birthday(m);
  threats(reading, add, trained);
  return tidy(flags);
}

/**
 * One flag per finding: a flag inside a longer one of a related kind adds nothing (a
 * domain inside an email address, a phone number inside a longer reading of it), and
 * flags of the same kind that overlap become one.
 */
function tidy(flags: Flag[]): Flag[] {
  const family = (k: FlagKind) => (['phone', 'email', 'link', 'social'].includes(k) ? 'contact' : k === 'name' || k === 'threat' || k === 'date' ? k : 'where');
  const sorted = [...flags].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Flag[] = [];
  const lastOfKind = new Map<FlagKind, Flag>();
  // The length of the finding whose reason a kept flag carries (its span grows as findings merge).
  const whyLength = new Map<Flag, number>();
  for (const f of sorted) {
    // Sorted by start, so an overlapping flag of the same kind can only be the last one of that kind.
    const last = lastOfKind.get(f.kind);
    const same = last && f.start < last.end && f.end > last.start ? last : undefined;
    if (same) {
      // The shorter finding says more exactly why ("says they know where someone lives" over a whole sentence's reading).
      if ((f.kind === 'threat' || f.kind === 'place') && f.end - f.start <= (whyLength.get(same) ?? Infinity)) {
        same.why = f.why;
        whyLength.set(same, f.end - f.start);
      }
      same.end = Math.max(same.end, f.end);
      continue;
    }
    if (
      out
        .slice(-8)
        .some(
          (g) =>
            family(g.kind) === family(f.kind) &&
            g.kind !== 'place' &&
            g.start <= f.start &&
            g.end >= f.end &&
            (f.kind === 'link' || f.kind === 'phone' || g.kind === f.kind),
        )
    )
      continue;
    const kept = { ...f };
    whyLength.set(kept, f.end - f.start);
    out.push(kept);
    lastOfKind.set(f.kind, kept);
  }
  return out;
}
