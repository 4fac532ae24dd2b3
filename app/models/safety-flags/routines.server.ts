// Routines: when someone is regularly somewhere ("every Tuesday at the gym"), not about the past.
import { ROUTINE_ACTIVITIES, TIMES_OF_DAY, WEEKDAYS } from '~/data/safety-rules';
import { type Add, alt } from './reading';

export const EVERY_DAY = new RegExp(String.raw`\b(?:every|each|most|all|every\s+other|on)\s+(?:${alt(WEEKDAYS)})s?\b(?:\s+(?:${alt(TIMES_OF_DAY)}))?`, 'g');
export const ACTIVITY = new RegExp(String.raw`\b${alt(ROUTINE_ACTIVITIES)}\b`, 'g');
/** How often: with a time of day in the same sentence, a routine ("at quarter past three every day"). */
const FREQUENT_SOURCE = String.raw`\b(?:(?:most|every|each)\s+(?:${alt(TIMES_OF_DAY)})|every\s+(?:single\s+)?day|every\s+weekday|most\s+days|each\s+day|daily|every\s+week|each\s+week|(?:\d|one|two|three|four|five|six)\s+(?:days|mornings|nights|evenings|afternoons|times)\s+a\s+week|on\s+a\s+(?:${alt(WEEKDAYS)})(?:\s+(?:${alt(TIMES_OF_DAY)}))?)\b`;
export const FREQUENT = new RegExp(FREQUENT_SOURCE, 'g');
const IS_FREQUENT = new RegExp(`^(?:${FREQUENT_SOURCE})$`, 'i');
/** Habits that say when someone is somewhere, in a sentence that is not about the past. */
export const STANDALONE_HABIT = new RegExp(
  String.raw`\b(?:on\s+a\s+(?:${alt(WEEKDAYS)})(?:\s+(?:${alt(TIMES_OF_DAY)}))?|(?:\d|one|two|three|four|five|six)\s+(?:days|mornings|nights|evenings|afternoons|times)\s+a\s+week|(?:mornings|evenings|nights|afternoons|weekends)\s+only)\b`,
  'g',
);
/** Somewhere named, as a cue for a routine: "at the Spar most mornings". */
const AT_A_PLACE =
  /\b(?:at|in|outside|from|by)\s+(?:the\s+)?(?!(?:Court|Crown|Magistrates|HMP|Prison|Christmas|Easter|March|May|June|July|August|January|February|April|September|October|November|December)\b)[A-Z][a-z]+\b(?!\s+(?:Crown|Magistrates|Court|Prison))/g;
/** Words that put a sentence in the past: "on a Saturday night" then is one night, not a routine. */
const PAST =
  /\b(?:was|were|happened|had|did|went|came|broke|took|(?<!(?:'ve|have|'s|has|still|ve)\s)got|sat|said|told|saw|heard|left|met|ran|found|felt|thought|knew|brought|caught|stood|kept|lost|gave|sent|that\s+(?:night|day|morning)|years?\s+ago|used\s+to|last\s+(?:year|month|week|summer|winter))\b/i;
const REGULAR = new RegExp(
  String.raw`\b(?:every|each|most)\s+(?:${alt(TIMES_OF_DAY)}|week|weekday|weekend|school\s+day|term\s+time)\b|\b(?:at|after|before|from|till|until)\s+(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|o'?clock)?|half\s+\w+|quarter\s+(?:past|to)\s+\w+)(?=[\s,.;!?]|$)|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|\b(?:usually|always|regularly)\b|\b(?:before|after)\s+(?:work|school|college|nursery)\b|\bthe\s+mornings\b`,
  'g',
);
export const BUS_TIME = /\bthe\s+\d{1,2}[.:]\d{2}\s+(?:bus|train|tram|coach)\b/g;
export const HOURS =
  /\b(?:1[0-2]|0?[1-9]|\d{1,2}[.:]\d{2})\s*(?:am|pm)?\s*(?:till|til|until|to|-|–)\s*(?:1[0-2]|0?[1-9]|\d{1,2}[.:]\d{2})(?!\d|[.:]\d)\s*(?:am|pm)?\b(?!\s*(?:years?|months?|weeks?|days?|hours?|times|%|stone|kg|miles|of|out))/g;
export const SHIFTS = new RegExp(
  String.raw`\b(?:(?:early|late|morning|night|day|evening|twilight|weekend|back|double|long)\s+shifts?|(?:do|does|doing|on)\s+(?:nights|lates|earlies)|\d{1,2}\s*(?:am|pm)\s+start|of\s+a\s+(?:${alt(WEEKDAYS)})|(?:${alt(WEEKDAYS)})\s+(?:mornings|nights|evenings|afternoons|lunchtimes)|(?:${alt(WEEKDAYS)})s?\s+(?:prayers|mass|service|league|football|training|practice|club|job|shift|shifts|class|classes|lessons|group|market)|(?:${alt(WEEKDAYS.filter((d) => d.length > 4))})s\b(?:\s+(?:${alt(TIMES_OF_DAY)}))?)\b`,
  'g',
);

/** Routines in one sentence: a habit on its own, or an activity or how often with a time or a place, not about the past. */
export function routinesIn(sentence: { text: string; lower: string; start: number }, add: Add) {
  const why = 'a routine: when someone is regularly somewhere';
  const pastAround = (a: number, b: number) => PAST.test(sentence.text.slice(Math.max(0, a - 40), b + 10));
  const lower = sentence.lower;
  for (const m of lower.matchAll(STANDALONE_HABIT)) {
    if (!pastAround(m.index!, m.index! + m[0].length)) add('routine', sentence.start + m.index!, sentence.start + m.index! + m[0].length, why);
  }
  const acts = [...lower.matchAll(ACTIVITY), ...lower.matchAll(FREQUENT)];
  if (!acts.length) return;
  const inside = (t: RegExpMatchArray) => acts.some((a) => a.index! <= t.index! && a.index! + a[0].length >= t.index! + t[0].length);
  const times = [...lower.matchAll(REGULAR), ...sentence.text.matchAll(AT_A_PLACE)].filter((t) => !inside(t));
  const onlyHow = (x: RegExpMatchArray) => IS_FREQUENT.test(x[0]) || /^(?:usually|always|regularly)$/i.test(x[0]);
  // An activity with how often ("the school run … every morning") is a routine; how often alone needs a time or a place too.
  const activityAndHowOften = acts.some((a) => !onlyHow(a)) && acts.some(onlyHow);
  if (!activityAndHowOften && (!times.length || (acts.every(onlyHow) && times.every(onlyHow)))) return;
  const all = [...acts, ...times];
  const a = Math.min(...all.map((x) => x.index!));
  const b = Math.max(...all.map((x) => x.index! + x[0].length));
  if (!pastAround(a, b)) add('routine', sentence.start + a, sentence.start + b, why);
}

/** The words just before a position and the match itself: is this about the past? ("I was at St Mary's" is not where someone is now.) */
export const pastBefore = (text: string, start: number, end: number) => PAST.test(text.slice(Math.max(0, start - 20), end));
