// Names of people other than those in the exchange, and birthdays.
import { AMBIGUOUS_NAMES, FIGURE_CUES, FIRST_NAMES, PUBLIC_FIGURE_CUES, RELATIONS, TITLES } from '~/data/safety-rules';
import { type Add, DATE, MONTH, NAME, NOT_NAMES, altAnyCase, lowerOrCapital } from './reading';

// ---------------------------------------------------------------------------------------
// Names and birthdays

const FIRST = new Set(FIRST_NAMES.map((n) => n.toLowerCase()));
const AMBIGUOUS = new Set(AMBIGUOUS_NAMES.map((n) => n.toLowerCase()));
const RELATION_NAME = new RegExp(
  String.raw`\b${lowerOrCapital('(?:my|our|his|her|their|your|ur|the)')}\s+(?:(?:little|baby|big|eldest|oldest|youngest|middle|older|younger|best|old|new|late)\s+)?${altAnyCase(RELATIONS)}(?:'s)?,?\s+(${NAME}(?:\s+${NAME})?)`,
  'g',
);
const TITLE_NAME = new RegExp(String.raw`\b(?:${altAnyCase(TITLES)})\.?\s+(${NAME}(?:-${NAME})?)`, 'g');
const CALLED = new RegExp(String.raw`\b(?:called|named|name is|name's|known as|goes by)\s+(${NAME}(?:\s+${NAME})?)`, 'g');
const CAPITALISED = /\b[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?\b/g;
/** Ends just before a name that is a saint's, a prophet's or a pope's, or in a figure of speech. */
const FIGURE = new RegExp(String.raw`\b(?:${FIGURE_CUES.map((c) => c.replace(/ /g, '\\s+')).join('|')})\.?\s+(?:[A-Z][a-z]+\s+)?$`, 'i');
/** Right after a name: a chapter of scripture ("Matthew 25", "John 3:16"). */
const CHAPTER = /^\s+\d{1,3}(?::\d{1,3})?\b/;
/** Ends just before a name that an author's or a public figure's context comes before. */
const PUBLIC_FIGURE = new RegExp(
  String.raw`\b(?:${PUBLIC_FIGURE_CUES.map((c) => c.replace(/ /g, '\\s+')).join('|')})\s+(?:(?:the|a|an|late|great|legend|famous|old)\s+){0,2}$`,
  'i',
);
export const BIRTHDAY = new RegExp(
  String.raw`\b(?:birthday|b'?day|bday|born|date\s+of\s+birth|dob|d\.o\.b\.?)(?:'s|s)?\b[^.!?\n]{0,25}?(${DATE})|(${DATE})\s+(?:is|was|will be|'s)\s+(?:my|his|her|their|our|the\s+\w+'?s?)\s+(?:\w+'?s?\s+)?(?:birthday|bday)|\b(?:turn|turns|turned|turning|be|is|will\s+be|\d{1,2},)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-one|21)\s+on\s+(?:the\s+)?(${DATE}|christmas\s+(?:eve|day)|new\s+year'?s\s+(?:eve|day)|boxing\s+day|valentine'?s\s+day|halloween|bonfire\s+night|the\s+\d{1,2}(?:st|nd|rd|th)(?:\s+of\s+${MONTH})?)`,
  'gi',
);

export function names(text: string, known: Set<string>, add: Add) {
  const isKnown = (s: string) =>
    s
      .toLowerCase()
      .split(/[^a-z'-]+/)
      .some((w) => known.has(w));
  const pick = (m: RegExpMatchArray, group: string, why: string) => {
    const start = m.index! + m[0].lastIndexOf(group);
    const words = group.split(/\s+/).filter((w) => !NOT_NAMES.has(w));
    if (!words.length || isKnown(words[0]!) || NOT_NAMES.has(group.split(/\s+/)[0]!)) return;
    add('name', start, start + group.length, why);
  };
  for (const m of text.matchAll(RELATION_NAME)) pick(m, m[1]!, 'someone else’s name');
  for (const m of text.matchAll(TITLE_NAME)) pick(m, m[1]!, 'someone else’s name');
  for (const m of text.matchAll(CALLED)) {
    // A pet, a course or a business called something is not a person.
    if (
      /\b(?:cat|dog|puppy|kitten|pet|hamster|rabbit|horse|pony|boat|course|programme|group|band|film|book|song|show|charity|shop|caf[eé]|company|business|place|scheme|project|pub|team)\s+$/i.test(
        text.slice(Math.max(0, m.index! - 20), m.index!),
      )
    )
      continue;
    pick(m, m[1]!, 'someone else’s name');
  }
  for (const m of text.matchAll(CAPITALISED)) {
    const word = m[0].replace(/['’]s$/, '');
    const lower = word.toLowerCase().split('-')[0]!;
    if (!FIRST.has(lower) || known.has(lower) || NOT_NAMES.has(word) || /\b(?:St\.?|Old|Saint)\s+$/.test(text.slice(Math.max(0, m.index! - 6), m.index!)))
      continue;
    const next = /^\s+([A-Z][a-z'’-]+)/.exec(text.slice(m.index! + m[0].length));
    const surname = next && !NOT_NAMES.has(next[1]!) && !FIRST.has(next[1]!.toLowerCase()) ? next[0] : '';
    if (AMBIGUOUS.has(lower) && !surname) continue;
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 10);
    if (FIGURE.test(text.slice(Math.max(0, m.index! - 25), m.index!)) || CHAPTER.test(after)) continue;
    // A full name after "reading", "a song by", "I watched" …: someone in the news or on a shelf.
    if (surname && PUBLIC_FIGURE.test(text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
    add('name', m.index!, m.index! + word.length + (word === m[0] ? surname.length : 0), 'someone else’s name');
  }
}
