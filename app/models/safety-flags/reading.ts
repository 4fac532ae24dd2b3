// How the finders read a letter: the shared patterns (phrases, dates, names), its sentences,
// a lower-case copy with every character in place, and the callback that records a flag.
import type { FlagKind } from './safety-flags';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of phrases, longest first, any spacing between words. */
export const alt = (words: readonly string[]) =>
  `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.split(/\s+/).map(esc).join('\\s+'))
    .join('|')})`;

/** The same, for patterns that must keep their case elsewhere (names start with a capital): each phrase lower case, capitalised or in capitals. */
export const altAnyCase = (words: readonly string[]) => alt([...new Set(words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]))]);
export const lowerOrCapital = (words: string) => words.replace(/\b([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`);

export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
export const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})`;
/** Capitalised words that start a sentence or name a day, not a person or a place. */
export const NOT_NAMES = new Set(
  (
    'I Im I’m The A An And But So Or If When Then My Our Your His Her Their We You He She They It This That These Those There Here Dear From To Yours Love Thanks ' +
    'Mum Mom Mam Dad Nan Gran God Jesus Allah Christmas Easter Eid Ramadan Diwali Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April ' +
    'June July August September October November December Court Crown Magistrates Victim Support Police HMP Prison Probation Sorry Please Yes No Not Just Also Even ' +
    'What Why How Who Where Which After Before Since Because Maybe Sometimes Every Each Some All Now Today Tonight Tomorrow Yesterday Last Next One Two Three Christian Muslim ' +
    'English British Irish Scottish Welsh Polish Mass Open Jobcentre Universal Credit Facebook Instagram Snapchat Tiktok TikTok WhatsApp Twitter AA NA NHS GP RJ'
  ).split(' '),
);
/** A capitalised word, at most 30 characters: a bound keeps a letter of one long word from costing more than its length. */
export const NAME = `[A-Z][\\w'’&-]{0,29}`;

export function* sentences(text: string) {
  const re = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
  for (const m of text.matchAll(re)) if (m[0].trim()) yield { text: m[0], start: m.index! };
}

export const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (c) => c.toLowerCase());
// ---------------------------------------------------------------------------------------

export type Add = (kind: FlagKind, start: number, end: number, why: string) => void;
export type Reading = { text: string; lower: string; parts: { text: string; start: number }[] };
/** Curly apostrophes made straight, keeping every character where it was. */
export const straighten = (text: string) => text.replace(/[’‘`´]/g, "'");
