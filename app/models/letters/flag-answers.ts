// Every flag answered before a letter leaves (issue 25): a contact, where or threat flag
// still standing when a letter is passed on must be removed, or kept with a reason. Shared
// by the review page (which asks) and the decision (which refuses without). Safe for the browser.
import { FLAG_FAMILY, type Flag, type FlagKind } from '~/models/safety-flags/safety-flags';

/** The field that holds the reason for keeping a flag, named by its place in the letter. */
export const keepField = (f: Pick<Flag, 'start' | 'end'>) => `keep-${f.start}-${f.end}`;
export const KEEP_FIELD = /^keep-\d{1,6}-\d{1,6}$/;
export const KEEP_REASON_MAX = 500;

/** Flags that need an answer: contact details, where someone is, threats. Names, birthdays and hidden characters do not (hidden characters never leave). */
export const mustAnswer = (kind: FlagKind) => FLAG_FAMILY[kind] !== 'other';

/** True when every character of the flag is inside something removed. */
function removed(f: Pick<Flag, 'start' | 'end'>, removals: [number, number][]) {
  for (let i = f.start; i < f.end; i++) if (!removals.some(([a, b]) => a <= i && i < b)) return false;
  return true;
}

/** The flags still standing once the chosen words are removed: those of a kind that must be answered and is not turned off for this version. */
export function standingFlags<F extends Pick<Flag, 'kind' | 'start' | 'end'>>(flags: F[], turnedOff: Set<string>, removals: [number, number][]): F[] {
  return flags.filter((f) => mustAnswer(f.kind) && !turnedOff.has(f.kind) && !removed(f, removals));
}
